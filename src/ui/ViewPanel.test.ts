import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { ViewPanel, type ViewAbout } from './ViewPanel';

const about: ViewAbout = { plotted: 'P <b>x</b>', formula: 'S = Σ', read: 'R', tryThis: 'T', paper: 'Paper' };

describe('ViewPanel', () => {
  it('renders "About this view" with its five parts, as text (markup in the strings is escaped)', () => {
    const html = renderToStaticMarkup(createElement(ViewPanel, { id: 'demo', title: 'Demo', about, children: createElement('svg') }));
    expect(html).toContain('data-testid="about-demo"');
    expect(html).toContain('<summary>About this view</summary>');
    for (const term of ['What is plotted', 'Formula', 'How to read it', 'Try', 'From']) expect(html).toContain(`<dt>${term}</dt>`);
    expect(html).toContain('<dd class="formula">S = Σ</dd>');
    expect(html).toContain('P &lt;b&gt;x&lt;/b&gt;');
  });

  it('renders no about panel when none is given', () => {
    const html = renderToStaticMarkup(createElement(ViewPanel, { id: 'demo', title: 'Demo', children: createElement('svg') }));
    expect(html).not.toContain('About this view');
  });
});
