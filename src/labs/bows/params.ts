import type { ParamSpec } from '../../engine/lab';

export const bowsParams: readonly ParamSpec[] = [
  { key: 'vocab', label: 'vocabulary V', kind: 'int', min: 500, max: 4000, default: 2000, step: 100, help: 'The V most frequent non-stop words (case-sensitive) of the mail bodies.' },
  { key: 'm', label: 'latent m', kind: 'int', min: 2, max: 512, default: 128, log: true, help: 'Latent dimensions (h = W x).' },
  { key: 'window', label: 'window', kind: 'int', min: 2, max: 50, default: 20, help: 'Tokens per window (stride 1, never across two mails).' },
  { key: 'wd', label: 'weight decay λ', kind: 'float', min: 0, max: 10, step: 0.1, default: 1, help: 'AdamW decoupled weight decay on W.' },
  { key: 'lr', label: 'learning rate', kind: 'float', min: 1e-5, max: 10, default: 1e-2, log: true, help: 'Peak of the cosine schedule.' },
  { key: 'horizon', label: 'schedule steps', kind: 'int', min: 10, max: 100000, default: 2000, log: true, help: 'The cosine schedule falls to 5% of lr over this many steps.' },
  { key: 'batch', label: 'batch', kind: 'int', min: 16, max: 2048, default: 256, log: true },
  { key: 'encoder', label: 'encoder', kind: 'enum', options: ['sparse', 'dense'], default: 'sparse', help: 'Gather-sum of W columns (sparse) or the dense V-wide product.' },
  { key: 'seed', label: 'seed', kind: 'int', min: 0, max: 999999, default: 1 },
];
