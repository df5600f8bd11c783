/** The bias lab's manifest: what the page needs to list, link and control it (engine/lab.ts). */
import type { LabManifest } from '../../engine/lab';
import { num } from '../../engine/params';
import { biasParamSchema, biasParams } from './params';
import { biasPresets } from './presets';
import { dataSpecOf } from './metrics';
import { biasViewParamSchema, biasViewParams } from './view-params';
import { biasEffect } from './effect';

export const biasManifest: LabManifest = {
  id: 'bias',
  title: 'Feature bias',
  summary:
    'Features computed equally well are not represented equally: a single bit takes far more of a layer’s variance than an XOR, and learning order and prevalence shift the shares.',
  paramSchema: biasParamSchema,
  params: biasParams,
  viewParamSchema: biasViewParamSchema,
  viewParams: biasViewParams,
  presets: biasPresets,
  defaultSteps: 4000,
  viewIds: ['curves', 'pca', 'bars'],
  benchPreset: 'easy-vs-hard',
  effect: biasEffect,
  weightShapes(params) {
    const data = dataSpecOf(params);
    const sizes = [data.inputs, num(params, 'width'), num(params, 'width'), num(params, 'rep'), data.features.length];
    const shapes: Record<string, number[]> = {};
    for (let l = 0; l < sizes.length - 1; l++) {
      shapes[`W${l + 1}`] = [sizes[l]!, sizes[l + 1]!];
      shapes[`b${l + 1}`] = [1, sizes[l + 1]!];
    }
    return shapes;
  },
  loadViews: () => import('./views'),
};
