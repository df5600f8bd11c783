import { defineParams, enumOf } from '../../engine/param-schema';
import { LAYER_NAMES } from './constants';
import { FEATURE_KINDS } from './features';

const view = defineParams({
  layer: enumOf(LAYER_NAMES, LAYER_NAMES[LAYER_NAMES.length - 1]!, { label: 'layer' }),
  color: enumOf(FEATURE_KINDS, FEATURE_KINDS[0], { label: 'colour by feature' }),
});

export const biasViewParamSchema = view.schema;
export const biasViewParams = view.specs;
