/**
 * What a bows run trains on, whatever the data: V binary features (words) with their names, a
 * finite list of items (text windows or synthetic samples) that each hold a set of features, a
 * fixed sample of co-occurring pairs with their PMI, and the cycles (ordered item lists such as
 * the months) with their structure read from the data alone. tfjs-free.
 */
import type { CyclePositions, DataCycle } from '../../analysis/cycle-structure';

export interface SourceCycle {
  /** 'months', 'weekdays' or 'ring' (a synthetic source's features in order). */
  name: string;
  /** Vocabulary ids of the cycle's items present, in cycle order. */
  ids: number[];
  words: string[];
  /** The items' places on the full cycle (months missing from the vocabulary leave gaps). */
  at: CyclePositions;
  data: DataCycle;
}

export interface BowsSource {
  kind: 'text' | 'synthetic';
  V: number;
  words: string[];
  /** Number of items (windows or samples) to draw batches from. */
  items: number;
  /** Most features one item can hold. */
  maxWords: number;
  /** Writes item `item`'s distinct feature ids into `out`, returns how many. */
  itemWords: (item: number, out: Int32Array) => number;
  /** All pairs that co-occur often enough to have a PMI, and the sample the correlation uses. */
  pairCount: number;
  pairI: Int32Array;
  pairJ: Int32Array;
  pairPmi: Float32Array;
  info: { windows: number; docs: number; records: number; tokens: number; coverage: number; coverageNonStop: number };
  /** The first is the lab's headline cycle (the months, or the synthetic ring). */
  cycles: SourceCycle[];
}
