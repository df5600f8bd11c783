/** The pca lab's manifest: what the page needs to list, link and control it (engine/lab.ts). */
import type { LabManifest } from '../../engine/lab';
import { num } from '../../engine/params';
import { pcaParamSchema, pcaParams } from './params';
import { pcaViewParamSchema, pcaViewParams } from './view-params';
import { pcaPresets } from './presets';
import { pcaEffect } from './effect';

export const pcaManifest: LabManifest = {
  id: 'pca',
  title: 'Linear autoencoder ↔ PCA',
  summary:
    'A linear autoencoder with a k-dim bottleneck, trained by gradient descent, finds the top-k principal subspace of its data (Baldi & Hornik 1989): the known answer, measured.',
  paramSchema: pcaParamSchema,
  params: pcaParams,
  viewParamSchema: pcaViewParamSchema,
  viewParams: pcaViewParams,
  presets: pcaPresets,
  defaultSteps: 2000,
  viewIds: ['alignment', 'optimum', 'captured', 'loss'],
  benchPreset: 'top-3',
  effect: pcaEffect,
  weightShapes: (params) => ({ W1: [num(params, 'k'), num(params, 'd')], W2: [num(params, 'd'), num(params, 'k')] }),
  loadViews: () => import('./views'),
};
