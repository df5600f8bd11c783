import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LABS } from '../labs/registry';
import { decodeUrlState } from '../state/url-state';
import { BUILTIN_TOURS, builtinTourSummary } from './builtin';
import { MAX_CAPTION, MAX_STEPS, MAX_TOUR_BYTES, parseTourText, validateTour, type Tour } from './schema';
import { stepSearch } from './step-search';

const VALID: Tour = {
  format: 'geometry-lab-tour',
  version: 1,
  id: 'mini',
  title: 'A small tour',
  steps: [
    {
      lab: 'superposition',
      preset: 'pentagon',
      spotlight: 'arrows',
      caption: 'A pentagon, $D_i = 2/5$.',
      advance: { until: 'step', step: 200, then: 'next' },
    },
    { lab: 'capacity', preset: 'regimes', params: { seed: 2 }, view: { eps: '0.4' }, caption: 'Blocks.' },
    { lab: 'superposition', caption: 'Loss.', advance: { until: 'metric', metric: 'loss', below: 0.1, maxStep: 500 } },
  ],
};

const clone = (): Tour => JSON.parse(JSON.stringify(VALID)) as Tour;

function expectError(json: unknown, ...fragments: string[]): void {
  const result = validateTour(json);
  expect('error' in result, JSON.stringify(result).slice(0, 200)).toBe(true);
  if ('error' in result) for (const f of fragments) expect(result.error).toContain(f);
}

describe('tour schema', () => {
  it('accepts a valid tour', () => {
    expect(validateTour(VALID)).toEqual({ tour: VALID });
  });

  it('ships one valid tour per lab, 5–8 steps, each step on that lab with an existing preset, its views named in the lab', () => {
    expect(Object.keys(BUILTIN_TOURS).sort()).toEqual(LABS.map((l) => l.id).sort());
    for (const lab of LABS) {
      const result = validateTour(BUILTIN_TOURS[lab.id]);
      if ('error' in result) throw new Error(`${lab.id}: ${result.error}`);
      const tour = result.tour;
      expect(tour.id).toBe(lab.id);
      expect(tour.steps.length).toBeGreaterThanOrEqual(5);
      expect(tour.steps.length).toBeLessThanOrEqual(8);
      for (const step of tour.steps) {
        expect(step.lab).toBe(lab.id);
        expect(lab.presets.map((p) => p.name)).toContain(step.preset);
        expect(step.spotlight).toBeTruthy();
        // Every step's lab state reads back without a warning.
        expect(decodeUrlState(stepSearch(step)).warnings).toEqual([]);
      }
      expect(builtinTourSummary(lab.id)).toEqual({ id: lab.id, title: tour.title, steps: tour.steps.length });
    }
    expect(builtinTourSummary('__proto__')).toBeNull();
    expect(builtinTourSummary('toString')).toBeNull();
  });

  it('names what is wrong in each hostile variant', () => {
    expectError(null, 'the file');
    expectError('a tour', 'the file');
    expectError({ ...clone(), format: 'other' }, 'format');
    expectError({ ...clone(), version: 2 }, 'version');
    expectError({ ...clone(), id: '../etc' }, 'id', 'lower-case');
    expectError({ ...clone(), extra: 1 }, 'extra');
    expectError({ ...clone(), title: 'x'.repeat(121) }, 'title');
    expectError({ ...clone(), steps: [] }, 'steps');
    expectError({ ...clone(), steps: Array.from({ length: MAX_STEPS + 1 }, () => VALID.steps[0]) }, 'steps');
    const t = (mutate: (step: Record<string, unknown>) => void, index = 0) => {
      const tour = clone() as unknown as { steps: Array<Record<string, unknown>> };
      mutate(tour.steps[index]!);
      return tour;
    };
    expectError(
      t((s) => (s.lab = 'nope')),
      'step 1 lab',
      'one of superposition',
    );
    expectError(
      t((s) => (s.preset = 'nope')),
      'step 1',
      'preset="nope" is not a preset of superposition.',
    );
    expectError(
      t((s) => (s.caption = 'x'.repeat(MAX_CAPTION + 1))),
      'step 1 caption',
    );
    expectError(
      t((s) => (s.caption = '')),
      'step 1 caption',
    );
    expectError(
      t((s) => (s.params = { lab: 'bias' })),
      'step 1',
      '"lab" is not a parameter of superposition',
    );
    expectError(
      t((s) => (s.params = { autoplay: true })),
      '"autoplay" is not a parameter',
    );
    expectError(
      t((s) => (s.params = { n: 'many' })),
      'step 1',
    );
    expectError(
      t((s) => (s.params = { n: 1e9 })),
      'step 1',
    );
    // Step params are typed JSON, checked by the lab's schema: no numbers as text.
    expectError(
      t((s) => (s.params = { n: '5' })),
      'step 1',
      'n="5" is not a number.',
    );
    expectError(
      t((s) => (s.params = { n: 5.5 })),
      'step 1',
      'n="5.5" is not a whole number.',
    );
    expectError(
      t((s) => (s.params = { n: 65 })),
      'step 1',
      'n="65" is outside [2, 64].',
    );
    expectError(
      t((s) => (s.params = JSON.parse('{"__proto__": 1}') as Record<string, number>)),
      '"__proto__" is not allowed',
    );
    expectError(
      t((s) => (s.view = { nope: '1' })),
      '"nope" is not a view setting of superposition',
    );
    expectError(
      t((s) => (s.view = { eps: '7' }), 1),
      'step 2',
    );
    expectError(
      t((s) => (s.spotlight = 'a b"]{}')),
      'step 1 spotlight',
    );
    expectError(
      t((s) => (s.advance = { until: 'step', step: 0 })),
      'step 1 advance',
    );
    expectError(
      t((s) => (s.advance = { until: 'step', step: 1.5 })),
      'step 1 advance',
    );
    expectError(
      t((s) => (s.advance = { until: 'forever' })),
      'step 1 advance',
    );
    expectError(
      t((s) => (s.advance = { until: 'metric', metric: 'loss' })),
      'above or below',
    );
    expectError(
      t((s) => (s.advance = { until: 'metric', metric: 'loss', above: 1, below: 2 })),
      'above or below',
    );
    expectError(
      t((s) => (s.advance = { until: 'metric', metric: 'constructor.prototype.x.y.z', above: 1 })),
      'metric',
    );
    expectError(
      t((s) => (s.onclick = 'alert(1)')),
      'onclick',
    );
  });

  it("accepts the README's example", () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const example = /## Tours[\s\S]*?```json\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(example).toBeTruthy();
    const parsed = parseTourText(example!);
    expect(parsed, JSON.stringify(parsed)).toHaveProperty('tour.steps.length', 2);
  });

  it('refuses text that is too long or not JSON, before validating', () => {
    expect(parseTourText('x'.repeat(MAX_TOUR_BYTES + 1))).toEqual({ error: expect.stringContaining('limit') as string });
    expect(parseTourText('{"format":')).toEqual({ error: expect.stringContaining('not JSON') as string });
    expect(parseTourText(JSON.stringify(VALID))).toEqual({ tour: VALID });
  });
});
