import type { LabDefinition } from '../engine/lab';
import { superpositionLab } from './superposition';
import { capacityLab } from './capacity';
import { bowsLab } from './bows';
import { spotlightLab } from './spotlight';
import { intertwinerLab } from './intertwiner';
import { biasLab } from './bias';
import { pcaLab } from './pca';

/** Every lab, in menu order. Adding a lab is one folder and one line here. */
export const LABS: readonly LabDefinition[] = [superpositionLab, capacityLab, bowsLab, spotlightLab, intertwinerLab, biasLab, pcaLab];

export function findLab(id: string): LabDefinition | undefined {
  return LABS.find((lab) => lab.id === id);
}
