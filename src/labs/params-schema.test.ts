import { describe, expect, it } from 'vitest';
import { LABS } from './registry';
import { defaultParams } from '../engine/params';
import { specsOf } from '../engine/param-schema';

describe.each(LABS.map((lab) => [lab.id, lab] as const))('%s params, declared once', (_, lab) => {
  it('lists the specs derived from its schemas', () => {
    expect(specsOf(lab.paramSchema)).toStrictEqual(lab.params);
    expect(specsOf(lab.viewParamSchema)).toStrictEqual(lab.viewParams);
  });

  it('has schema defaults equal to the specs’ defaults', () => {
    expect(lab.paramSchema.parse({})).toStrictEqual(defaultParams(lab.params));
    expect(lab.viewParamSchema.parse({})).toStrictEqual(defaultParams(lab.viewParams));
  });

  it('has every preset inside its schema: known keys, right types, in bounds', () => {
    for (const preset of lab.presets) {
      const parsed = lab.paramSchema.safeParse(preset.params);
      expect(parsed.success ? 'ok' : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '), preset.name).toBe(
        'ok',
      );
    }
  });

  it('refuses an out-of-range number, a wrong type and an unknown key', () => {
    const num = lab.params.find((p) => p.kind === 'int' || p.kind === 'float')!;
    if (num.kind !== 'int' && num.kind !== 'float') throw new Error('no numeric param');
    expect(lab.paramSchema.safeParse({ [num.key]: num.max + 1 }).success).toBe(false);
    expect(lab.paramSchema.safeParse({ [num.key]: num.min - 1 }).success).toBe(false);
    expect(lab.paramSchema.safeParse({ [num.key]: String(num.default) }).success).toBe(false);
    expect(lab.paramSchema.safeParse({ notAParam: 1 }).success).toBe(false);
  });
});
