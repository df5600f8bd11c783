/** The capacity lab's manifest: what the page needs to list, link and control it (engine/lab.ts). */
import type { LabManifest } from '../../engine/lab';
import { num } from '../../engine/params';
import { capacityParamSchema, capacityParams } from './params';
import { capacityPresets } from './presets';
import { modelKind } from './config';
import { capacityViewParamSchema, capacityViewParams } from './view-params';
import { capacityEffect } from './effect';

export const capacityManifest: LabManifest = {
  id: 'capacity',
  title: 'Capacity',
  summary:
    'Polysemanticity and capacity: how a model with fewer dimensions than features shares them out, and how input kurtosis makes neurons polysemantic.',
  paramSchema: capacityParamSchema,
  params: capacityParams,
  viewParamSchema: capacityViewParamSchema,
  viewParams: capacityViewParams,
  presets: capacityPresets,
  defaultSteps: 3000,
  viewIds: ['capacity', 'blocks', 'marginal', 'total', 'sweep', 'loss'],
  benchPreset: 'regimes',
  effect: capacityEffect,
  weightShapes: (params) => ({
    W: [1, num(params, 'm'), num(params, 'n')],
    b: [1, 1, modelKind(params) === 'relu' ? num(params, 'n') : 1],
  }),
  loadViews: () => import('./views'),
};
