import { describe, expect, it } from 'vitest';
import { BIAS_ABOUT } from './about';

describe('bias views: about this view', () => {
  it('covers the three charts, each with all five parts filled in', () => {
    expect(Object.keys(BIAS_ABOUT).sort()).toEqual(['bars', 'curves', 'pca']);
    for (const [id, a] of Object.entries(BIAS_ABOUT))
      for (const [k, v] of Object.entries(a)) expect(v.length, `${id}.${k}`).toBeGreaterThan(10);
  });
});
