import type { ViewParamSpec } from '../../engine/lab';

export const intertwinerViewParams: readonly ViewParamSpec[] = [
  { key: 'layer', kind: 'int', label: 'hidden layer', min: 1, max: 3, default: 1 },
  { key: 'act', kind: 'int', label: 'activation (index)', min: 0, max: 7, default: 0 },
];
