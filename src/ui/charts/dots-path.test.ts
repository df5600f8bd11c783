import { describe, expect, it } from 'vitest';
import { dotsPath, nearestPoint } from './dots-path';

describe('dotsPath', () => {
  it('draws a circle of radius r at each finite point as two half-circle arcs', () => {
    expect(dotsPath([10, 3.14159], [20, 4], 2)).toBe('M8 20a2 2 0 1 0 4 0a2 2 0 1 0 -4 0M1.14 4a2 2 0 1 0 4 0a2 2 0 1 0 -4 0');
  });

  it('skips points that are not finite, and draws only the chosen ones when told', () => {
    expect(dotsPath([NaN, 5, 7], [1, Infinity, 3], 1)).toBe('M6 3a1 1 0 1 0 2 0a1 1 0 1 0 -2 0');
    expect(dotsPath([1, 5, 7], [1, 1, 1], 1, [2, 0])).toBe('M6 1a1 1 0 1 0 2 0a1 1 0 1 0 -2 0M0 1a1 1 0 1 0 2 0a1 1 0 1 0 -2 0');
    expect(dotsPath([], [], 1)).toBe('');
  });
});

describe('nearestPoint', () => {
  it('finds the nearest point within the radius, or none', () => {
    const xs = [0, 10, 20];
    const ys = [0, 0, 5];
    expect(nearestPoint(xs, ys, 9, 1, 3)).toBe(1);
    expect(nearestPoint(xs, ys, 19, 4, 3)).toBe(2);
    expect(nearestPoint(xs, ys, 5, 5, 3)).toBeNull();
  });
});
