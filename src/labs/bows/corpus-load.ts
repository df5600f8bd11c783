/** Loads and caches the shipped corpus assets (mail, Brown) by name. */
import { BOWS_ASSET, BROWN_ASSET, decodeBowsCorpus, type BowsCorpus } from '../../data/bows-corpus';

export const CORPUS_ASSETS: Readonly<Record<'mail' | 'brown', string>> = { mail: BOWS_ASSET, brown: BROWN_ASSET };

const cache = new Map<string, Promise<BowsCorpus>>();

export function loadCorpus(loadAsset: (name: string) => Promise<ArrayBuffer>, name: string): Promise<BowsCorpus> {
  let p = cache.get(name);
  if (!p) {
    p = loadAsset(name).then(decodeBowsCorpus);
    cache.set(name, p);
    p.catch(() => cache.delete(name));
  }
  return p;
}
