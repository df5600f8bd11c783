import type { ParamSpec } from '../../engine/lab';

export const capacityParams: readonly ParamSpec[] = [
  {
    key: 'model',
    label: 'model',
    kind: 'enum',
    options: ['quadratic', 'relu'],
    default: 'quadratic',
    help: 'quadratic: ŷ = Σ_k (Wx)_k² + b fits y = Σ v_i x_i². relu: the superposition lab’s x′ = ReLU(WᵀWx + b).',
  },
  {
    key: 'distribution',
    label: 'inputs',
    kind: 'enum',
    options: ['power', 'sparse'],
    default: 'power',
    help: 'power: x = sign(g)|g|^p (any kurtosis ≥ 1). sparse: x = 0 w.p. S else Gaussian (kurtosis 3/(1−S) ≥ 3). Both scaled to unit variance. The relu model always uses its own sparse uniform inputs.',
  },
  {
    key: 'kurtosis',
    label: 'kurtosis K',
    kind: 'float',
    min: 1.05,
    max: 50,
    log: true,
    default: 8,
    help: 'Kurtosis E[x⁴]/E[x²]² of every input feature (Gaussian: 3). The generator’s p or S is solved from it.',
  },
  { key: 'n', label: 'features n', kind: 'int', min: 2, max: 64, default: 20, help: 'Number of input features.' },
  { key: 'm', label: 'hidden m', kind: 'int', min: 1, max: 16, default: 5, help: 'Hidden dimensions.' },
  { key: 'importance', label: 'importance decay r', kind: 'float', min: 0.5, max: 1, step: 0.01, default: 0.8, help: 'Feature i has importance v_i = rⁱ.' },
  { key: 'batch', label: 'batch', kind: 'int', min: 16, max: 4096, default: 256, log: true },
  { key: 'lr', label: 'learning rate', kind: 'float', min: 1e-5, max: 10, default: 1e-2, log: true },
  { key: 'seed', label: 'seed', kind: 'int', min: 0, max: 999999, default: 1 },
];
