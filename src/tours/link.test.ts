import { describe, expect, it } from 'vitest';
import LZString from 'lz-string';
import { decodeUrlState, MAX_QUERY_LENGTH } from '../state/url-state';
import { decodeTourData, encodeTourData, encodeTourParams, readTourLink, sharedLinkLength, stepIndex } from './link';
import { searchFor } from './step-search';
import type { Tour } from './schema';

const TOUR: Tour = {
  format: 'geometry-lab-tour',
  version: 1,
  id: 'mini',
  title: 'Mini',
  steps: [
    { lab: 'superposition', preset: 'pentagon', caption: 'One.' },
    { lab: 'superposition', preset: 'digons', caption: 'Two, $x^2$.' },
  ],
};

describe('tour link codec', () => {
  it('reads a built-in tour and a 1-based step, and whether the link carries its own lab state', () => {
    expect(readTourLink('?tour=superposition&tourStep=3')).toEqual({
      ref: { kind: 'builtin', id: 'superposition' },
      step: 3,
      hasLabState: false,
      warnings: [],
    });
    expect(readTourLink('?v=1&lab=bias&tour=bias').hasLabState).toBe(true);
    expect(readTourLink('?lab=bias')).toEqual({ ref: null, step: null, hasLabState: true, warnings: [] });
  });

  it('names a malformed step, a step without a tour and a doubled tour', () => {
    expect(readTourLink('?tour=x&tourStep=-1').warnings[0]).toContain('not a step number');
    expect(readTourLink('?tour=x&tourStep=1e3').step).toBeNull();
    expect(readTourLink('?tourStep=2').warnings[0]).toContain('without a tour');
    const both = readTourLink('?tour=x&tourData=abc');
    expect(both.ref).toEqual({ kind: 'builtin', id: 'x' });
    expect(both.warnings[0]).toContain('both');
  });

  it('clamps the step into the tour with a message', () => {
    expect(stepIndex(null, 5)).toEqual({ index: 0 });
    expect(stepIndex(1, 5)).toEqual({ index: 0 });
    expect(stepIndex(5, 5)).toEqual({ index: 4 });
    expect(stepIndex(6, 5).index).toBe(0);
    expect(stepIndex(6, 5).warning).toContain('1–5');
    expect(stepIndex(0, 5).warning).toContain('not a step');
  });

  it('round-trips a built-in tour and a shared tour through the query, which the lab codec ignores silently', () => {
    const builtin = encodeTourParams({ kind: 'builtin', id: 'superposition' }, 2);
    expect(builtin).toBe('tour=superposition&tourStep=3');
    expect(readTourLink(`?${builtin}`)).toMatchObject({ ref: { kind: 'builtin', id: 'superposition' }, step: 3 });
    const data = encodeTourData(TOUR);
    const shared = encodeTourParams({ kind: 'data', data }, 1);
    const back = readTourLink(`?lab=superposition&${shared}`);
    expect(back.ref).toEqual({ kind: 'data', data });
    expect(back.step).toBe(2);
    expect(decodeTourData(data)).toEqual({ tour: TOUR });
    // `+` in lz-string's alphabet is escaped, so that a query parser does not read it as a space.
    const plus = encodeTourParams({ kind: 'data', data: 'a+b' }, 0);
    expect(plus).toBe('tourData=a%2Bb&tourStep=1');
    expect(readTourLink(`?${plus}`).ref).toEqual({ kind: 'data', data: 'a+b' });
    expect(decodeUrlState(`?lab=superposition&${shared}`).warnings).toEqual([]);
    expect(encodeTourParams({ kind: 'file', name: 'big.json' }, 0)).toBe('');
    expect(encodeTourParams(null, 0)).toBe('');
  });

  it('refuses hostile tourData with a message', () => {
    expect(decodeTourData('!!!not-lz')).toEqual({ error: expect.stringContaining('could not be decompressed') as string });
    expect(decodeTourData('')).toEqual({ error: expect.stringContaining('could not be decompressed') as string });
    expect(decodeTourData('A'.repeat(MAX_QUERY_LENGTH + 1))).toEqual({ error: expect.stringContaining('limit') as string });
    const notJson = LZString.compressToEncodedURIComponent('<script>alert(1)</script>');
    expect(decodeTourData(notJson)).toEqual({ error: expect.stringContaining('not JSON') as string });
    const badLab = LZString.compressToEncodedURIComponent(JSON.stringify({ ...TOUR, steps: [{ lab: 'evil', caption: 'x' }] }));
    expect(decodeTourData(badLab)).toEqual({ error: expect.stringContaining('step 1 lab') as string });
    // A decompression bomb: a short string that inflates past the tour size limit.
    const bomb = LZString.compressToEncodedURIComponent('a'.repeat(200_000));
    expect(bomb.length).toBeLessThan(MAX_QUERY_LENGTH);
    expect(decodeTourData(bomb)).toEqual({ error: expect.stringContaining('limit') as string });
  });

  it('measures the link a shared tour needs against the 4,000-character limit', () => {
    const data = encodeTourData(TOUR);
    const length = sharedLinkLength(TOUR, data);
    expect(length).toBeGreaterThan(data.length);
    expect(length).toBeLessThan(MAX_QUERY_LENGTH);
    // The real link of step 2 is exactly as long.
    const step2 = decodeUrlState(searchFor(TOUR.steps[1]!, { lecture: false, backend: 'auto', speed: 0 }));
    expect(length).toBeGreaterThanOrEqual(`v=1&lab=superposition&preset=digons&${encodeTourParams({ kind: 'data', data }, 1)}`.length);
    expect(step2.warnings).toEqual([]);
    // Incompressible captions: too long to share.
    let seed = 1;
    const noise = () =>
      Array.from({ length: 1500 }, () => String.fromCharCode(0x4e00 + ((seed = (seed * 16807) % 2147483647) % 2000))).join('');
    const big: Tour = { ...TOUR, steps: Array.from({ length: 4 }, () => ({ lab: 'superposition', caption: noise() })) };
    expect(sharedLinkLength(big, encodeTourData(big))).toBeGreaterThan(MAX_QUERY_LENGTH);
  });
});
