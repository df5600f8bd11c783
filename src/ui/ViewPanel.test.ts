import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { ViewPanel, type ViewAbout } from './ViewPanel';
import { ViewFocusContext } from './view-focus';

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

  it('carries a one-line summary for screen readers, and when focused is marked so with its About open', () => {
    const panel = createElement(ViewPanel, { id: 'demo', title: 'Demo', about, children: createElement('svg') });
    const plain = renderToStaticMarkup(panel);
    const described = /aria-describedby="([^"]+)"/.exec(plain)![1]!;
    expect(plain).toContain(`<p class="sr-only" id="${described}">Demo. P &lt;b&gt;x&lt;/b&gt;</p>`);
    expect(plain).toContain('class="view-panel"');
    expect(plain).not.toContain('<details class="view-about" data-testid="about-demo" open');
    expect(plain).toContain('data-testid="focus-demo"');

    const focused = renderToStaticMarkup(
      createElement(ViewFocusContext, { value: { focus: 'demo', embed: false, setFocus: () => {} } }, panel),
    );
    expect(focused).toContain('class="view-panel view-focused"');
    expect(focused).toContain('<details class="view-about" data-testid="about-demo" open=""');
    expect(focused).toContain('>All views</button>');

    const embedded = renderToStaticMarkup(
      createElement(ViewFocusContext, { value: { focus: 'demo', embed: true, setFocus: () => {} } }, panel),
    );
    expect(embedded).not.toContain('data-testid="focus-demo"');
    expect(embedded).not.toContain(' open=""');
  });

  it("puts a text caption (the view's current state in words) into the screen-reader summary", () => {
    const html = renderToStaticMarkup(
      createElement(ViewPanel, {
        id: 'demo',
        title: 'Demo',
        about,
        caption: 'Now: 5 features at D = 2/5.',
        children: createElement('svg'),
      }),
    );
    expect(html).toContain('Demo. P &lt;b&gt;x&lt;/b&gt;. Now: 5 features at D = 2/5.</p>');
  });
});
