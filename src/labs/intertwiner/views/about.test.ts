import { describe, expect, it } from 'vitest';
import { INTERTWINER_ABOUT } from './about';

describe('intertwiner views: about this view', () => {
  it('covers the seven charts, each with all five parts filled in', () => {
    expect(Object.keys(INTERTWINER_ABOUT).sort()).toEqual([
      'groups',
      'heatmap',
      'null-ratio',
      'procrustes',
      'residual',
      'stitched',
      'stitching',
    ]);
    for (const [id, a] of Object.entries(INTERTWINER_ABOUT))
      for (const [k, v] of Object.entries(a)) expect(v.length, `${id}.${k}`).toBeGreaterThan(10);
  });
});
