import type { LabDefinition } from '../engine/lab';
import { superpositionLab } from './superposition';

/** Every lab, in menu order. Adding a lab is one folder and one line here. */
export const LABS: readonly LabDefinition[] = [superpositionLab];

export function findLab(id: string): LabDefinition | undefined {
  return LABS.find((lab) => lab.id === id);
}
