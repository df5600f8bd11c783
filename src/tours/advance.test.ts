import { describe, expect, it } from 'vitest';
import { advanceReached, describeAdvance, metricAt } from './advance';

describe('advance conditions', () => {
  const metrics = { totalCapacity: 4.9, regimeCounts: { mono: 3, poly: 4 }, capacity: [0.99, 0.5], name: 'x' };

  it('reads numbers at dotted paths, and nothing else', () => {
    expect(metricAt(metrics, 'totalCapacity')).toBe(4.9);
    expect(metricAt(metrics, 'regimeCounts.poly')).toBe(4);
    expect(metricAt(metrics, 'capacity.1')).toBe(0.5);
    expect(metricAt(metrics, 'capacity.x')).toBeNull();
    expect(metricAt(metrics, 'regimeCounts')).toBeNull();
    expect(metricAt(metrics, 'name')).toBeNull();
    expect(metricAt(metrics, 'missing.deeper')).toBeNull();
    expect(metricAt(metrics, 'regimeCounts.constructor')).toBeNull();
    expect(metricAt(null, 'totalCapacity')).toBeNull();
    expect(metricAt(null, 'loss', 0.2)).toBe(0.2);
    expect(metricAt(null, 'loss', NaN)).toBeNull();
  });

  it('trains until a step, or until a metric crosses (giving up at maxStep)', () => {
    const step = { until: 'step', step: 100 } as const;
    expect(advanceReached(step, { step: 99, metrics: null })).toBe(false);
    expect(advanceReached(step, { step: 100, metrics: null })).toBe(true);
    const above = { until: 'metric', metric: 'totalCapacity', above: 4.95 } as const;
    expect(advanceReached(above, { step: 10, metrics })).toBe(false);
    expect(advanceReached(above, { step: 10, metrics: { totalCapacity: 4.97 } })).toBe(true);
    const below = { until: 'metric', metric: 'loss', below: 0.1, maxStep: 500 } as const;
    expect(advanceReached(below, { step: 10, metrics: null, loss: 0.2 })).toBe(false);
    expect(advanceReached(below, { step: 10, metrics: null, loss: 0.05 })).toBe(true);
    expect(advanceReached(below, { step: 500, metrics: null, loss: 0.2 })).toBe(true);
    expect(describeAdvance({ until: 'step', step: 3000, then: 'next' })).toBe('trains until step 3,000, then moves on');
    expect(describeAdvance(below)).toContain('loss falls below 0.1');
  });
});
