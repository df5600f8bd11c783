/** The spotlight lab's manifest: what the page needs to list, link and control it (engine/lab.ts). */
import type { LabManifest } from '../../engine/lab';
import { num, str } from '../../engine/params';
import { chosenActivations, spotlightParamSchema, spotlightParams } from './params';
import { spotlightPresets } from './presets';
import { spotlightViewParamSchema, spotlightViewParams } from './view-params';
import { spotlightEffect } from './effect';

export const spotlightManifest: LabManifest = {
  id: 'spotlight',
  title: 'Spotlight',
  summary:
    'An autoencoder ablation that changes only the activation: permutation-symmetric activations discretise the latent code (SRM peaks, PPPM clusters), isotropic ones keep it continuous.',
  paramSchema: spotlightParamSchema,
  params: spotlightParams,
  viewParamSchema: spotlightViewParamSchema,
  viewParams: spotlightViewParams,
  presets: spotlightPresets,
  defaultSteps: 1500,
  viewIds: ['anisotropy', 'srm', 'pppm', 'pppm-ensemble', 'latent', 'loss', 'import'],
  benchPreset: 'mnist-16',
  effect: spotlightEffect,
  weightShapes(params) {
    const d = str(params, 'data') === 'mnist' ? 784 : num(params, 'dim');
    const [h, k, G] = [num(params, 'hidden'), num(params, 'k'), chosenActivations(params).length];
    return { W1: [d, G * h], b1: [1, G * h], W2: [G, h, k], b2: [G, 1, k], W3: [G, k, h], b3: [G, 1, h], W4: [G, h, d], b4: [G, 1, d] };
  },
  loadViews: () => import('./views'),
};
