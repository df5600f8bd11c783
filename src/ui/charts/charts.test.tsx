// @vitest-environment happy-dom
/** The chart primitives, rendered into a DOM and read back as a user (or an exported SVG) sees them. */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { scaleLinear } from 'd3';
import type { ReactNode } from 'react';
import type { Snapshot } from '../../engine/lab';
import { Arrow } from './Arrow';
import { Axis } from './Axis';
import { ChartPlaceholder } from './ChartPlaceholder';
import { LossCurve } from './LossCurve';
import { RampLegend } from './RampLegend';
import { SwatchLegend } from './SwatchLegend';
import { linearTicks } from './ticks';

afterEach(cleanup);

/** SVG fragments (<g>) need an <svg> around them to be SVG elements. */
const inSvg = (children: ReactNode) => render(<svg data-testid="host">{children}</svg>).getByTestId('host');
const texts = (root: Element) => [...root.querySelectorAll('text')].map((t) => t.textContent);
const num = (el: Element | null | undefined, attr: string) => Number(el?.getAttribute(attr));

describe('Axis', () => {
  const x = scaleLinear().domain([0, 100]).range([50, 250]);

  it('bottom: a tick and a label at each tick value, the axis label centred below', () => {
    const host = inSvg(<Axis orient="bottom" scale={x} ticks={linearTicks(x, 5)} position={180} range={[50, 250]} label="step" />);
    expect(texts(host)).toEqual(['0', '20', '40', '60', '80', '100', 'step']);
    const label20 = [...host.querySelectorAll('text')].find((t) => t.textContent === '20')!;
    expect(num(label20, 'x')).toBe(90); // 50 + 200 × 20/100
    expect(num(label20, 'y')).toBeGreaterThan(180);
    const stepLabel = [...host.querySelectorAll('text')].at(-1)!;
    expect(num(stepLabel, 'x')).toBe(150);
    // The axis line spans the range, then one tick line per tick.
    const lines = host.querySelectorAll('line');
    expect(lines).toHaveLength(7);
    expect([num(lines[0], 'x1'), num(lines[0], 'x2'), num(lines[0], 'y1')]).toEqual([50, 250, 180]);
    expect(num(lines[1], 'y2') - num(lines[1], 'y1')).toBe(4);
  });

  it('left: labels right-aligned left of the line, the axis label rotated', () => {
    const y = scaleLinear().domain([0, 1]).range([200, 20]);
    const host = inSvg(
      <Axis
        orient="left"
        scale={y}
        ticks={[
          { value: 0, label: '0' },
          { value: 0.5, label: '' },
          { value: 1, label: '1' },
        ]}
        position={40}
        range={[200, 20]}
        label="loss"
        tickSize={6}
      />,
    );
    expect(texts(host)).toEqual(['0', '1', 'loss']);
    const one = [...host.querySelectorAll('text')].find((t) => t.textContent === '1')!;
    expect(one.getAttribute('text-anchor')).toBe('end');
    expect([num(one, 'x'), num(one, 'y')]).toEqual([40 - 6 - 2, 20]);
    // The unlabelled minor tick is half as long.
    const minor = [...host.querySelectorAll('line')].find((l) => num(l, 'y1') === 110)!;
    expect(num(minor, 'x1') - num(minor, 'x2')).toBe(3);
    expect(within(host).getByText('loss').getAttribute('transform')).toBe('translate(4,110) rotate(-90)');
  });

  it('skips ticks the scale cannot place (NaN), and draws no label text when none is given', () => {
    const host = inSvg(
      <Axis
        orient="bottom"
        scale={(v) => (v < 0 ? NaN : v)}
        ticks={[
          { value: -1, label: 'gone' },
          { value: 5, label: 'five' },
        ]}
        position={0}
        range={[0, 10]}
      />,
    );
    expect(texts(host)).toEqual(['five']);
    expect(host.querySelectorAll('line')).toHaveLength(2);
  });
});

describe('LossCurve', () => {
  const snapshot = { step: 300, loss: 0.01, weights: {} } satisfies Snapshot;

  it('says "Press play" before a run, and "No loss yet" with a snapshot but no finite loss', () => {
    render(<LossCurve lossHistory={[]} snapshot={null} />);
    expect(screen.getByRole('img', { name: 'Press play' })).toBeTruthy();
    expect(screen.getByText('Press play')).toBeTruthy();
    cleanup();
    render(
      <LossCurve
        lossHistory={[
          [10, NaN],
          [20, Infinity],
        ]}
        snapshot={snapshot}
      />,
    );
    expect(screen.getByRole('img', { name: 'No loss yet' })).toBeTruthy();
    expect(screen.queryByRole('img', { name: 'loss curve' })).toBeNull();
  });

  it('draws one path through every finite point, with step and loss axes and the last value', () => {
    const history: Array<[number, number]> = [
      [0, 1],
      [100, 0.1],
      [200, NaN],
      [300, 0.01],
    ];
    render(<LossCurve lossHistory={history} snapshot={snapshot} />);
    const svg = screen.getByRole('img', { name: 'loss curve' });
    const d = svg.querySelector('path')!.getAttribute('d')!;
    // Three finite points: a move and two line segments, none through NaN.
    expect(d.match(/[ML]/g)).toEqual(['M', 'L', 'L']);
    expect(d).not.toMatch(/NaN|Infinity/);
    expect(within(svg).getByText('step')).toBeTruthy();
    expect(within(svg).getByText('loss')).toBeTruthy();
    expect(within(svg).getByText('step 300: 1.000e-2')).toBeTruthy();
    // Log axis over 0.01…1: the decades are labelled.
    for (const label of ['0.01', '0.1', '1']) expect(within(svg).getAllByText(label).length).toBeGreaterThan(0);
    expect(screen.getByRole('region', { name: 'Loss' })).toBeTruthy();
  });

  it('plots a zero loss at the smallest positive one instead of dropping it or drawing -Infinity', () => {
    render(
      <LossCurve
        lossHistory={[
          [0, 0.5],
          [10, 0],
          [20, 0.05],
        ]}
        snapshot={snapshot}
      />,
    );
    const d = screen.getByRole('img', { name: 'loss curve' }).querySelector('path')!.getAttribute('d')!;
    const ys = [...d.matchAll(/[ML][\d.]+,([\d.]+)/g)].map((m) => Number(m[1]));
    expect(ys).toHaveLength(3);
    expect(ys[1]).toBe(ys[2]);
  });
});

describe('Arrow', () => {
  it('ends its line at the base of a head whose tip is the end point', () => {
    const host = inSvg(<Arrow x1={0} y1={0} x2={100} y2={0} color="#ff0000" testId="arr" />);
    const group = within(host).getByTestId('arr');
    const line = group.querySelector('line')!;
    expect([num(line, 'x1'), num(line, 'x2'), num(line, 'y2')]).toEqual([0, 92, 0]); // default head 8
    expect(line.getAttribute('stroke')).toBe('#ff0000');
    const head = group.querySelector('path')!;
    expect(head.getAttribute('d')).toBe('M100,0L92,3.6L92,-3.6Z');
    expect(head.getAttribute('fill')).toBe('#ff0000');
  });

  it('shrinks the head on a short arrow and draws none for a zero-length one', () => {
    const short = inSvg(<Arrow x1={0} y1={0} x2={0} y2={10} color="blue" head={20} />);
    expect(num(short.querySelector('line'), 'y2')).toBe(4); // head = 0.6 × length
    cleanup();
    const dot = inSvg(<Arrow x1={5} y1={5} x2={5} y2={5} color="blue" />);
    expect(dot.querySelector('path')).toBeNull();
    expect(num(dot.querySelector('line'), 'x2')).toBe(5);
  });
});

describe('RampLegend', () => {
  it('draws one rect per step coloured at its midpoint, and labels both ends and the middle', () => {
    const host = inSvg(
      <RampLegend x={10} y={20} width={100} domain={[-1, 1]} steps={4} color={(v) => `c${v}`} format={(v) => v.toFixed(1)} />,
    );
    const rects = [...host.querySelectorAll('rect')];
    expect(rects).toHaveLength(5); // 4 steps + the frame
    expect(rects.slice(0, 4).map((r) => r.getAttribute('fill'))).toEqual(['c-0.75', 'c-0.25', 'c0.25', 'c0.75']);
    expect(rects.slice(0, 4).map((r) => num(r, 'x'))).toEqual([10, 35, 60, 85]);
    expect(rects[4]!.getAttribute('fill')).toBe('none');
    expect(texts(host)).toEqual(['-1.0', '0.0', '1.0']);
  });
});

describe('SwatchLegend', () => {
  it('puts a swatch and a name for each item, spaced along one row', () => {
    const host = inSvg(
      <SwatchLegend
        x={5}
        y={7}
        spacing={60}
        items={[
          { label: 'tanh', color: '#111' },
          { label: 'iso-tanh', color: '#222' },
        ]}
      />,
    );
    expect(texts(host)).toEqual(['tanh', 'iso-tanh']);
    const iso = within(host).getByText('iso-tanh').parentElement!;
    expect(iso.getAttribute('transform')).toBe('translate(65,7)');
    expect(iso.querySelector('rect')!.getAttribute('fill')).toBe('#222');
  });
});

describe('ChartPlaceholder', () => {
  it('is an image named by its message, of the given size', () => {
    render(<ChartPlaceholder width={120} height={80} text="Waiting for data" />);
    const svg = screen.getByRole('img', { name: 'Waiting for data' });
    expect([svg.getAttribute('width'), svg.getAttribute('height'), svg.getAttribute('viewBox')]).toEqual(['120', '80', '0 0 120 80']);
    expect(within(svg).getByText('Waiting for data').getAttribute('x')).toBe('60');
  });

  it('defaults to "Press play"', () => {
    render(<ChartPlaceholder width={10} height={10} />);
    expect(screen.getByRole('img', { name: 'Press play' }).textContent).toBe('Press play');
  });
});
