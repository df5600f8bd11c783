/** The intertwiner lab's manifest: what the page needs to list, link and control it (engine/lab.ts). */
import type { LabManifest } from '../../engine/lab';
import { num, str } from '../../engine/params';
import { activationSet } from './activations';
import { layerDims, type Task } from './layers';
import { intertwinerParamSchema, intertwinerParams } from './params';
import { intertwinerPresets } from './presets';
import { intertwinerViewParamSchema, intertwinerViewParams } from './view-params';
import { intertwinerEffect } from './effect';

export const intertwinerManifest: LabManifest = {
  id: 'intertwiner',
  title: 'Intertwiners',
  summary:
    'Two networks from different seeds, per activation: their hidden layers align by the activation’s symmetry group — permutations for ReLU, rotations for an isotropic activation.',
  paramSchema: intertwinerParamSchema,
  params: intertwinerParams,
  viewParamSchema: intertwinerViewParamSchema,
  viewParams: intertwinerViewParams,
  presets: intertwinerPresets,
  defaultSteps: 600,
  viewIds: ['null-ratio', 'procrustes', 'stitching', 'residual', 'stitched', 'heatmap', 'groups'],
  benchPreset: 'relu-vs-isotropic',
  effect: intertwinerEffect,
  weightShapes(params) {
    const dims = layerDims({ task: str(params, 'task') as Task, hidden: num(params, 'hidden'), bottleneck: num(params, 'bottleneck') });
    // Two seeds per activation, trained side by side.
    const G = 2 * activationSet(str(params, 'activations')).length;
    const shapes: Record<string, number[]> = { p0: [dims[0]!, G * dims[1]!], p1: [1, G * dims[1]!] };
    for (let l = 1; l < dims.length - 1; l++) {
      shapes[`p${2 * l}`] = [G, dims[l]!, dims[l + 1]!];
      shapes[`p${2 * l + 1}`] = [G, 1, dims[l + 1]!];
    }
    return shapes;
  },
  loadViews: () => import('./views'),
};
