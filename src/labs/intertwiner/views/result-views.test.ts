import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MAP_KINDS } from '../../../analysis/alignment';
import type { FitTables, LayerTable } from '../metrics';
import { ResultViews } from './ResultViews';

const K = MAP_KINDS.length;
const h = MAP_KINDS.indexOf('scaled-permutation');
const ratioRow = (v: number) => Array.from({ length: K }, (_, k) => (k === h ? v : 1));

function layer(ratios: [number, number], stitched: boolean): LayerTable {
  const rows = [Array(K).fill(0.5), Array(K).fill(0.5)];
  return {
    residual: rows,
    stitched: rows,
    rotationNull: { mean: rows, low: rows, high: rows, ratio: ratios.map(ratioRow) },
    gProcrustes: [0.68, 0.59],
    orthogonalProcrustes: [0.87, 0.9],
    stitch: stitched
      ? [
          [0.92, 0.86, 0.86, 0.84],
          [0.9, 0.89, 0.88, 0.77],
        ]
      : null,
  };
}

const tables = (stitched: boolean): FitTables => ({
  activations: ['relu', 'iso-tanh'],
  layers: 2,
  byLayer: [layer([1.23, 0.97], stitched), layer([1.32, 1.06], stitched)],
  own: [
    [0.94, 0.95],
    [0.9, 0.91],
  ],
  fitStep: 600,
  fitMs: 300,
  stitchStep: stitched ? 600 : -1,
  stitchMs: stitched ? 7000 : 0,
});

const render = (t: FitTables | null) =>
  renderToStaticMarkup(createElement(ResultViews, { tables: t, layer: 1, activations: ['relu', 'iso-tanh'], classifier: true }));

describe('intertwiner result views', () => {
  it('draws the null ratio per layer and activation against the null line at 1, both similarities, and every stitch kind', () => {
    const html = render(tables(true));
    expect(html.match(/data-testid="bar-null-ratio"/g)).toHaveLength(4);
    expect(html).toContain('data-group="1" data-series="relu" data-value="1.2300"');
    expect(html).toContain('data-testid="reference-null-ratio"');
    expect(html.match(/data-testid="bar-procrustes"/g)).toHaveLength(4);
    expect(html.match(/data-testid="bar-stitching"/g)).toHaveLength(8);
    // Penalty = B alone − stitched, in points: ReLU full 95 − 92 = 3.
    expect(html).toContain('data-group="relu" data-series="full" data-value="3.0000"');
    expect(html).toContain('aria-label="Alignment against its rotation null, every hidden layer"');
  });

  it('says when the null and stitching have not run yet, and renders before any fit', () => {
    const t = tables(false);
    t.byLayer.forEach((l) => (l.rotationNull = null));
    const html = render(t);
    expect(html).not.toContain('bar-null-ratio');
    expect(html).not.toContain('bar-stitching');
    expect(html).toContain('Runs when training stops');
    expect(html).toContain('Comes with the first fit of the maps.');
    expect(render(null)).toContain('Fitting maps');
  });
});
