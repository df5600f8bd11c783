/** The open tour, if any: which tour, where it came from, the current step. */
import { create } from 'zustand';
import type { TourRef } from './link';
import type { Tour } from './schema';

export interface TourState {
  tour: Tour | null;
  ref: TourRef | null;
  /** 0-based. */
  index: number;
  /** The step's advance condition has been met (or the step has none). */
  reached: boolean;
}

export const useTour = create<TourState>(() => ({ tour: null, ref: null, index: 0, reached: false }));
