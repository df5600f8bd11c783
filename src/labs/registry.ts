import type { LabDefinition } from '../engine/lab';
import { superpositionLab } from './superposition';
import { capacityLab } from './capacity';
import { bowsLab } from './bows';

/** Every lab, in menu order. Adding a lab is one folder and one line here. */
export const LABS: readonly LabDefinition[] = [superpositionLab, capacityLab, bowsLab];

export function findLab(id: string): LabDefinition | undefined {
  return LABS.find((lab) => lab.id === id);
}
