/**
 * Every lab's manifest, in menu order: what the page loads up front. A lab's code (its model, its
 * metrics, tfjs) loads only when it opens, through `loadLab`; its views through `loadViews`.
 */
import type { LabDefinition, LabManifest } from '../engine/lab';
import { superpositionManifest } from './superposition/manifest';
import { capacityManifest } from './capacity/manifest';
import { bowsManifest } from './bows/manifest';
import { spotlightManifest } from './spotlight/manifest';
import { intertwinerManifest } from './intertwiner/manifest';
import { biasManifest } from './bias/manifest';
import { pcaManifest } from './pca/manifest';

const loaders: Record<string, () => Promise<LabDefinition>> = {
  superposition: () => import('./superposition').then((m) => m.superpositionLab),
  capacity: () => import('./capacity').then((m) => m.capacityLab),
  bows: () => import('./bows').then((m) => m.bowsLab),
  spotlight: () => import('./spotlight').then((m) => m.spotlightLab),
  intertwiner: () => import('./intertwiner').then((m) => m.intertwinerLab),
  bias: () => import('./bias').then((m) => m.biasLab),
  pca: () => import('./pca').then((m) => m.pcaLab),
};

/** Adding a lab is one folder, one line here and one in `loaders`, and one in registry.ts. */
export const LABS: readonly LabManifest[] = [
  superpositionManifest,
  capacityManifest,
  bowsManifest,
  spotlightManifest,
  intertwinerManifest,
  biasManifest,
  pcaManifest,
];

export function findLab(id: string): LabManifest | undefined {
  return LABS.find((lab) => lab.id === id);
}

/** The lab's full definition, loaded on first use. */
export function loadLab(id: string): Promise<LabDefinition> | undefined {
  return Object.prototype.hasOwnProperty.call(loaders, id) ? loaders[id]!() : undefined;
}
