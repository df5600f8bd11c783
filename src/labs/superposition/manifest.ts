/** The superposition lab's manifest: what the page needs to list, link and control it (engine/lab.ts). */
import type { LabManifest } from '../../engine/lab';
import { num } from '../../engine/params';
import { superpositionParamSchema, superpositionParams } from './params';
import { superpositionPresets } from './presets';
import { superpositionViewParamSchema, superpositionViewParams } from './view-params';
import { superpositionEffect } from './effect';

export const superpositionManifest: LabManifest = {
  id: 'superposition',
  title: 'Superposition',
  summary: 'Toy models of superposition: n sparse features squeezed into m < n dimensions arrange themselves as polytopes.',
  paramSchema: superpositionParamSchema,
  params: superpositionParams,
  viewParamSchema: superpositionViewParamSchema,
  viewParams: superpositionViewParams,
  presets: superpositionPresets,
  defaultSteps: 3000,
  viewIds: ['arrows', 'gram', 'dimensionality', 'loss', 'phase'],
  benchPreset: 'decay',
  effect: superpositionEffect,
  weightShapes: (params) => ({ W: [1, num(params, 'm'), num(params, 'n')], b: [1, 1, num(params, 'n')] }),
  loadViews: () => import('./views'),
};
