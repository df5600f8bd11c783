import type { ViewParamSpec } from '../../engine/lab';

export const bowsViewParams: readonly ViewParamSpec[] = [
  { key: 'map', kind: 'enum', label: 'word map', options: ['pca', 'umap'], default: 'pca' },
  { key: 'color', kind: 'enum', label: 'colour by', options: ['cluster', 'category'], default: 'cluster' },
  { key: 'q', kind: 'text', label: 'word search', maxLength: 64, default: '' },
  { key: 'cycle', kind: 'text', label: 'cycle word list', maxLength: 400, default: '' },
];
