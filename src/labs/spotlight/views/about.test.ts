import { describe, expect, it } from 'vitest';
import { SPOTLIGHT_ABOUT } from './about';

describe('spotlight views: about this view', () => {
  it('covers every view of the lab, each with all five parts filled in', () => {
    expect(Object.keys(SPOTLIGHT_ABOUT).sort()).toEqual(['anisotropy', 'latent', 'pppm', 'pppm-ensemble', 'srm']);
    for (const [id, a] of Object.entries(SPOTLIGHT_ABOUT))
      for (const [k, v] of Object.entries(a)) expect(v.length, `${id}.${k}`).toBeGreaterThan(10);
  });
});
