import { describe, expect, it } from 'vitest';
import katex from 'katex';
import { PCA_ABOUT } from './about';

describe('pca views: about this view', () => {
  it('covers the three charts, each with all parts filled in, and its TeX parses', () => {
    expect(Object.keys(PCA_ABOUT).sort()).toEqual(['alignment', 'captured', 'optimum']);
    for (const [id, a] of Object.entries(PCA_ABOUT)) {
      for (const [k, v] of Object.entries(a)) expect(v.length, `${id}.${k}`).toBeGreaterThan(10);
      expect(katex.renderToString(a.tex, { throwOnError: true })).toContain('class="katex"');
    }
  });
});
