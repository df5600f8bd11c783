import { defineParams } from '../../engine/param-schema';

/** The PCA lab has no view settings: anything `view_*` in a link is refused with a warning. */
const view = defineParams({});

export const pcaViewParamSchema = view.schema;
export const pcaViewParams = view.specs;
