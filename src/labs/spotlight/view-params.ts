import type { ViewParamSpec } from '../../engine/lab';

export const spotlightViewParams: readonly ViewParamSpec[] = [
  { key: 'eps', kind: 'float', label: 'cone threshold ε', min: 0.01, max: 1, default: 0.9 },
  { key: 'plane', kind: 'text', label: 'plane (i-j)', maxLength: 9, pattern: /\d{1,4}-\d{1,4}/, default: '' },
  { key: 'signed', kind: 'bool', label: 'signed SRM', default: false },
];
