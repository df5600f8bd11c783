import type { ViewParamSpec } from '../../engine/lab';

export const capacityViewParams: readonly ViewParamSpec[] = [
  { key: 'eps', kind: 'float', label: 'block: energy share in a singular subspace', min: 0.01, max: 0.99, default: 0.3 },
  { key: 'tau', kind: 'float', label: 'neuron-load threshold (× max |W|)', min: 0.01, max: 0.99, default: 0.2 },
];
