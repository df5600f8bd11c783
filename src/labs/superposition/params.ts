import type { ParamSpec } from '../../engine/lab';

export const superpositionParams: readonly ParamSpec[] = [
  { key: 'n', label: 'features n', kind: 'int', min: 2, max: 64, default: 5, help: 'Number of input features.' },
  { key: 'm', label: 'hidden m', kind: 'int', min: 1, max: 16, default: 2, help: 'Hidden dimensions.' },
  { key: 'sparsity', label: 'sparsity S', kind: 'float', min: 0, max: 0.999, step: 0.001, default: 0.9, help: 'Probability that a feature is zero.' },
  { key: 'importance', label: 'importance decay r', kind: 'float', min: 0.5, max: 1, step: 0.01, default: 1, help: 'Feature i has importance rⁱ.' },
  { key: 'batch', label: 'batch', kind: 'int', min: 16, max: 4096, default: 1024, log: true },
  { key: 'lr', label: 'learning rate', kind: 'float', min: 1e-5, max: 10, default: 1e-2, log: true },
  { key: 'seed', label: 'seed', kind: 'int', min: 0, max: 999999, default: 1 },
];
