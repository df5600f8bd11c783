import { describe, expect, it } from 'vitest';
import { CAPACITY_ABOUT } from './about';

describe('capacity views: about this view', () => {
  it('covers the five charts, each with all five parts filled in', () => {
    expect(Object.keys(CAPACITY_ABOUT).sort()).toEqual(['blocks', 'capacity', 'marginal', 'sweep', 'total']);
    for (const [id, a] of Object.entries(CAPACITY_ABOUT))
      for (const [k, v] of Object.entries(a)) expect(v.length, `${id}.${k}`).toBeGreaterThan(10);
  });
});
