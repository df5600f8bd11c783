import { defineParams, int } from '../../engine/param-schema';

const view = defineParams({
  layer: int(1, 3, 1, { label: 'hidden layer' }),
  act: int(0, 7, 0, { label: 'activation (index)' }),
});

export const intertwinerViewParamSchema = view.schema;
export const intertwinerViewParams = view.specs;
