import { describe, expect, it } from 'vitest';
import katex from 'katex';
import type { ViewAbout } from '../ui/ViewPanel';
import { BIAS_ABOUT } from './bias/views/about';
import { BOWS_ABOUT } from './bows/views/about';
import { CAPACITY_ABOUT } from './capacity/views/about';
import { INTERTWINER_ABOUT } from './intertwiner/views/about';
import { SPOTLIGHT_ABOUT } from './spotlight/views/about';
import { SUPERPOSITION_ABOUT } from './superposition/views/about';

const ALL: Record<string, Record<string, ViewAbout>> = {
  bias: BIAS_ABOUT,
  bows: BOWS_ABOUT,
  capacity: CAPACITY_ABOUT,
  intertwiner: INTERTWINER_ABOUT,
  spotlight: SPOTLIGHT_ABOUT,
  superposition: SUPERPOSITION_ABOUT,
};

describe('"About this view" formulas', () => {
  const entries = Object.entries(ALL).flatMap(([lab, views]) => Object.entries(views).map(([view, about]) => ({ lab, view, about })));

  it('every lab has views whose formula is typeset in TeX', () => {
    for (const lab of Object.keys(ALL)) expect(entries.filter((e) => e.lab === lab && e.about.tex).length).toBeGreaterThan(0);
    expect(entries.filter((e) => e.about.tex).length).toBeGreaterThanOrEqual(24);
  });

  it.each(entries.filter((e) => e.about.tex).map((e) => [`${e.lab}/${e.view}`, e.about.tex!] as const))(
    '%s: KaTeX parses its TeX',
    (_, tex) => {
      const html = katex.renderToString(tex, { throwOnError: true });
      expect(html).toContain('class="katex"');
    },
  );
});
