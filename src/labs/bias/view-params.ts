import type { ViewParamSpec } from '../../engine/lab';
import { LAYER_NAMES } from './constants';
import { FEATURE_KINDS } from './features';

export const biasViewParams: readonly ViewParamSpec[] = [
  { key: 'layer', kind: 'enum', label: 'layer', options: LAYER_NAMES, default: LAYER_NAMES[LAYER_NAMES.length - 1]! },
  { key: 'color', kind: 'enum', label: 'colour by feature', options: FEATURE_KINDS, default: FEATURE_KINDS[0] },
];
