import { describe, expect, it } from 'vitest';
import { BOWS_ABOUT } from './about';

describe('bows views: about this view', () => {
  it('covers the six kinds of chart, each with all five parts filled in', () => {
    expect(Object.keys(BOWS_ABOUT).sort()).toEqual(['cycle', 'cycle-data', 'gram', 'map', 'pmi', 'recon']);
    for (const [id, a] of Object.entries(BOWS_ABOUT))
      for (const [k, v] of Object.entries(a)) expect(v.length, `${id}.${k}`).toBeGreaterThan(10);
  });
});
