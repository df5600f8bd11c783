import { describe, expect, expectTypeOf, it } from 'vitest';
import { bool, defineParams, enumOf, float, int, specsOf, text } from './param-schema';
import { defaultParams } from './params';
import { z } from './zod';

const example = defineParams({
  n: int(2, 64, 5, { label: 'features n', help: 'Number of input features.' }),
  lr: float(1e-5, 10, 1e-2, { label: 'learning rate', log: true }),
  sparsity: float(0, 0.999, 0.9, { label: 'sparsity S', step: 0.001 }),
  mode: enumOf(['a', 'b', 'c'], 'b', { label: 'mode' }),
  centre: bool(false, { label: 'centre inputs' }),
  plane: text('', 9, { label: 'plane (i-j)', pattern: /\d{1,4}-\d{1,4}/ }),
  words: text('hi', 10, { label: 'words' }),
});

describe('param builders', () => {
  it('derive the specs the codec and the controls read, in declaration order, without undefined fields', () => {
    expect(example.specs).toStrictEqual([
      { key: 'n', label: 'features n', kind: 'int', min: 2, max: 64, default: 5, help: 'Number of input features.' },
      { key: 'lr', label: 'learning rate', kind: 'float', min: 1e-5, max: 10, default: 1e-2, log: true },
      { key: 'sparsity', label: 'sparsity S', kind: 'float', min: 0, max: 0.999, step: 0.001, default: 0.9 },
      { key: 'mode', label: 'mode', kind: 'enum', options: ['a', 'b', 'c'], default: 'b' },
      { key: 'centre', label: 'centre inputs', kind: 'bool', default: false },
      { key: 'plane', label: 'plane (i-j)', kind: 'text', maxLength: 9, pattern: /\d{1,4}-\d{1,4}/, default: '' },
      { key: 'words', label: 'words', kind: 'text', maxLength: 10, default: 'hi' },
    ]);
    expect(specsOf(example.schema)).toStrictEqual(example.specs);
  });

  it('give typed defaults equal to the specs’ defaults', () => {
    expect(example.defaults).toStrictEqual({ n: 5, lr: 0.01, sparsity: 0.9, mode: 'b', centre: false, plane: '', words: 'hi' });
    expect(example.defaults).toStrictEqual(defaultParams(example.specs));
    expectTypeOf(example.defaults).toEqualTypeOf<{
      n: number;
      lr: number;
      sparsity: number;
      mode: 'a' | 'b' | 'c';
      centre: boolean;
      plane: string;
      words: string;
    }>();
  });

  it('refuse a default outside the bounds, a fractional int, an empty interval, a default that is not an option', () => {
    expect(() => int(0, 10, 11, { label: 'x' })).toThrow(/x: default 11 is outside \[0, 10\]/);
    expect(() => int(0, 10, 2.5, { label: 'x' })).toThrow(/whole numbers/);
    expect(() => int(0.5, 10, 2, { label: 'x' })).toThrow(/whole numbers/);
    expect(() => float(1, 0, 0.5, { label: 'x' })).toThrow(/not an interval/);
    expect(() => float(0, Infinity, 1, { label: 'x' })).toThrow(/not an interval/);
    expect(() => enumOf(['a', 'b'], 'c' as 'a', { label: 'x' })).toThrow(/default c is not an option/);
    expect(() => enumOf([], 'c' as never, { label: 'x' })).toThrow(/no options/);
    expect(() => enumOf(['a', 'a'], 'a', { label: 'x' })).toThrow(/repeat/);
    expect(() => text('toolong', 3, { label: 'x' })).toThrow(/default "toolong" is not valid/);
    expect(() => text('a<b', 10, { label: 'x' })).toThrow(/not valid/);
    expect(() => text('x', 10, { label: 'x', pattern: /\d+/ })).toThrow(/not valid/);
  });

  it('refuse a field not made by a builder', () => {
    expect(() => defineParams({ n: z.number().default(1) })).toThrow(/n was not made by a param builder/);
  });
});

describe('a params schema', () => {
  const ok = (v: Record<string, unknown>) => example.schema.safeParse(v).success;

  it('fills missing keys with their defaults and keeps given ones', () => {
    expect(example.schema.parse({})).toStrictEqual(example.defaults);
    expect(example.schema.parse({ n: 64, mode: 'c', plane: '3-12' })).toMatchObject({ n: 64, mode: 'c', plane: '3-12', lr: 0.01 });
  });

  it('checks bounds (inclusive), whole numbers, types, options, text and unknown keys', () => {
    expect(ok({ n: 2, lr: 1e-5, sparsity: 0.999 })).toBe(true);
    expect(ok({ n: 1 })).toBe(false);
    expect(ok({ n: 65 })).toBe(false);
    expect(ok({ n: 5.5 })).toBe(false);
    expect(ok({ n: '5' })).toBe(false);
    expect(ok({ lr: 0 })).toBe(false);
    expect(ok({ lr: Infinity })).toBe(false);
    expect(ok({ lr: NaN })).toBe(false);
    expect(ok({ sparsity: 1 })).toBe(false);
    expect(ok({ mode: 'd' })).toBe(false);
    expect(ok({ mode: 1 })).toBe(false);
    expect(ok({ centre: 1 })).toBe(false);
    expect(ok({ centre: true })).toBe(true);
    expect(ok({ plane: '1-2' })).toBe(true);
    // The pattern is anchored: a prefix or a suffix is not enough.
    expect(ok({ plane: 'x1-2' })).toBe(false);
    expect(ok({ plane: '1-2x' })).toBe(false);
    expect(ok({ plane: '12345-1' })).toBe(false);
    expect(ok({ words: 'a'.repeat(11) })).toBe(false);
    expect(ok({ words: '<b>' })).toBe(false);
    expect(ok({ words: 'a\u0007' })).toBe(false);
    expect(ok({ other: 1 })).toBe(false);
  });

  it('allows the empty default of a text with a pattern (none), but no other non-matching text', () => {
    expect(ok({ plane: '' })).toBe(true);
    expect(ok({ plane: '-' })).toBe(false);
  });
});
