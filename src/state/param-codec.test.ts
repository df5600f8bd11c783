import { describe, expect, it } from 'vitest';
import { bool, defineParams, enumOf, float, int, text } from '../engine/param-schema';
import { parseParams, resolveParams } from './param-codec';

const { schema, specs } = defineParams({
  n: int(2, 64, 5, { label: 'n' }),
  lr: float(1e-5, 10, 1e-2, { label: 'lr', log: true }),
  mode: enumOf(['a', 'b'], 'a', { label: 'mode' }),
  centre: bool(false, { label: 'centre' }),
  plane: text('', 9, { label: 'plane', pattern: /\d{1,4}-\d{1,4}/ }),
});
const errorOf = (values: Record<string, unknown>) => {
  const r = parseParams(schema, specs, values);
  return 'error' in r ? r.error : 'accepted';
};

describe('parseParams (a whole params object against the schema)', () => {
  it('accepts typed values, fills the defaults', () => {
    expect(parseParams(schema, specs, { n: 7, centre: true })).toEqual({ params: { n: 7, lr: 0.01, mode: 'a', centre: true, plane: '' } });
  });

  it('words each problem as the link codec does', () => {
    expect(errorOf({ n: 65 })).toBe('n="65" is outside [2, 64]');
    expect(errorOf({ n: 2.5 })).toBe('n="2.5" is not a whole number');
    expect(errorOf({ n: '5' })).toBe('n="5" is not a number');
    expect(errorOf({ lr: 0 })).toBe('lr="0" is outside [0.00001, 10]');
    expect(errorOf({ mode: 'c' })).toBe('mode="c" is not one of a, b');
    expect(errorOf({ mode: 1 })).toBe('mode="1" is not one of a, b');
    expect(errorOf({ centre: 1 })).toBe('centre="1" is not true or false');
    expect(errorOf({ plane: '1-2x' })).toBe('plane="1-2x" is malformed');
    expect(errorOf({ plane: 12 })).toBe('plane="12" is not text');
    expect(errorOf({ other: 1 })).toBe('there is no parameter "other"');
  });

  it('agrees with the link codec on the defaults', () => {
    expect(parseParams(schema, specs, {})).toEqual({ params: resolveParams(specs, {}).params });
  });
});
