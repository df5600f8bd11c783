import { bool, defineParams, float, text } from '../../engine/param-schema';

const view = defineParams({
  eps: float(0.01, 1, 0.9, { label: 'cone threshold ε' }),
  plane: text('', 9, { label: 'plane (i-j)', pattern: /\d{1,4}-\d{1,4}/ }),
  signed: bool(false, { label: 'signed SRM' }),
});

export const spotlightViewParamSchema = view.schema;
export const spotlightViewParams = view.specs;
