import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../engine/tf';
import { activateNodeBackend } from '../cli/node-backend';
import { createRng } from '../engine/rng';
import { thomsonDirections } from '../analysis/thomson';
import { applyActivationValue, SCALAR_FUNCTIONS, type ActivationSpec } from '../analysis/activation-values';
import { applyActivation, basisTensor } from './activations';

beforeAll(async () => {
  await activateNodeBackend('wasm');
});

const rows = [
  [0.3, -1.2, 2.0],
  [0.0005, 0.0002, -0.0001],
  [-3, 0.5, 0.25],
];

async function tensorResult(spec: ActivationSpec): Promise<number[][]> {
  const x = tf.tensor2d(rows);
  const basis = spec.kind === 'elementwise' && spec.basis ? basisTensor(spec.basis) : null;
  const out = tf.tidy(() => applyActivation(spec, x, basis ? { b: basis, bT: tf.transpose(basis) } : undefined));
  const values = (await out.array()) as number[][];
  tf.dispose([x, out, ...(basis ? [basis] : [])]);
  return values;
}

describe('activations', () => {
  const specs: ActivationSpec[] = [
    ...SCALAR_FUNCTIONS.map((fn): ActivationSpec => ({ kind: 'elementwise', fn, basis: null })),
    { kind: 'elementwise', fn: 'tanh', basis: thomsonDirections(4, 3, createRng(1)) },
    { kind: 'isotropic', fn: 'tanh' },
    { kind: 'isotropic', fn: 'leaky-relu' },
  ];
  it.each(specs.map((s) => [s.kind === 'isotropic' ? `iso-${s.fn}` : `${s.fn}${s.basis ? '-thomson' : ''}`, s] as const))(
    '%s: tfjs ops equal the plain-JS definition',
    async (_name, spec) => {
      const viaTf = await tensorResult(spec);
      rows.forEach((r, i) => {
        const viaJs = applyActivationValue(spec, r);
        r.forEach((_, c) => expect(viaTf[i]![c]).toBeCloseTo(viaJs[c]!, 5));
      });
    },
  );

  it('isotropic activations commute with rotations; elementwise tanh does not', () => {
    const angle = 0.7;
    const rot = (v: ArrayLike<number>) => [
      Math.cos(angle) * v[0]! - Math.sin(angle) * v[1]!,
      Math.sin(angle) * v[0]! + Math.cos(angle) * v[1]!,
    ];
    const x = [0.8, -1.5];
    for (const spec of [
      { kind: 'isotropic', fn: 'tanh' },
      { kind: 'isotropic', fn: 'leaky-relu' },
    ] as ActivationSpec[]) {
      const a = applyActivationValue(spec, rot(x));
      const b = rot(applyActivationValue(spec, x));
      expect(a[0]).toBeCloseTo(b[0]!, 12);
      expect(a[1]).toBeCloseTo(b[1]!, 12);
    }
    const tanh: ActivationSpec = { kind: 'elementwise', fn: 'tanh', basis: null };
    expect(Math.abs(applyActivationValue(tanh, rot(x))[0]! - rot(applyActivationValue(tanh, x))[0]!)).toBeGreaterThan(0.01);
  });

  it('isotropic leaky-ReLU is continuous at the unit sphere and linear inside it', () => {
    const spec: ActivationSpec = { kind: 'isotropic', fn: 'leaky-relu' };
    expect(applyActivationValue(spec, [0.999999, 0])[0]).toBeCloseTo(applyActivationValue(spec, [1.000001, 0])[0]!, 5);
    expect(applyActivationValue(spec, [0.5, 0])[0]).toBeCloseTo(0.05, 12);
    expect(applyActivationValue(spec, [3, 0])[0]).toBeCloseTo(2.1, 12);
  });
});
