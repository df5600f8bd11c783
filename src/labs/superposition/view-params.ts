import type { ViewParamSpec } from '../../engine/lab';

export const superpositionViewParams: readonly ViewParamSpec[] = [
  { key: 'rx', kind: 'float', label: 'projection angle x (rad)', min: -10, max: 10, default: 0 },
  { key: 'ry', kind: 'float', label: 'projection angle y (rad)', min: -10, max: 10, default: 0 },
];
