import { describe, expect, it } from 'vitest';
import { SUPERPOSITION_ABOUT } from './about';

describe('superposition views: about this view', () => {
  it('covers the four charts, each with all five parts filled in', () => {
    expect(Object.keys(SUPERPOSITION_ABOUT).sort()).toEqual(['arrows', 'dimensionality', 'gram', 'phase']);
    for (const [id, a] of Object.entries(SUPERPOSITION_ABOUT))
      for (const [k, v] of Object.entries(a)) expect(v.length, `${id}.${k}`).toBeGreaterThan(10);
  });
});
