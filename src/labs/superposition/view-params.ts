import { defineParams, float } from '../../engine/param-schema';

const view = defineParams({
  rx: float(-10, 10, 0, { label: 'projection angle x (rad)' }),
  ry: float(-10, 10, 0, { label: 'projection angle y (rad)' }),
});

export const superpositionViewParamSchema = view.schema;
export const superpositionViewParams = view.specs;
