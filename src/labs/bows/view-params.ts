import { defineParams, enumOf, text } from '../../engine/param-schema';

const view = defineParams({
  map: enumOf(['pca', 'umap'], 'pca', { label: 'word map' }),
  color: enumOf(['cluster', 'category'], 'cluster', { label: 'colour by' }),
  q: text('', 64, { label: 'word search' }),
  cycle: text('', 400, { label: 'cycle word list' }),
});

export const bowsViewParamSchema = view.schema;
export const bowsViewParams = view.specs;
