import { describe, expect, it } from 'vitest';
import { createRng } from '../engine/rng';
import type { ActivationSpec } from './activation-values';
import { checkIntertwiner, intertwinerTable, randomGroupElement } from './intertwiner-groups';

const relu: ActivationSpec = { kind: 'elementwise', fn: 'relu', basis: null };
const tanh: ActivationSpec = { kind: 'elementwise', fn: 'tanh', basis: null };
const gelu: ActivationSpec = { kind: 'elementwise', fn: 'gelu', basis: null };
const isoTanh: ActivationSpec = { kind: 'isotropic', fn: 'tanh' };

describe('intertwiner group check σ(Ax) = A σ(x)', () => {
  it('holds for ReLU with positive-scaled permutations and fails for ReLU with a rotation', () => {
    const ok = checkIntertwiner(relu, 'scaled-permutation', createRng(1));
    expect(ok.holds).toBe(true);
    expect(ok.maxError).toBeLessThan(1e-12);
    const bad = checkIntertwiner(relu, 'orthogonal', createRng(2));
    expect(bad.holds).toBe(false);
    expect(bad.maxError).toBeGreaterThan(0.05);
    expect(checkIntertwiner(relu, 'signed-permutation', createRng(3)).holds).toBe(false);
  });

  it('tanh: signed permutations hold, positive scalings do not', () => {
    expect(checkIntertwiner(tanh, 'signed-permutation', createRng(4)).holds).toBe(true);
    expect(checkIntertwiner(tanh, 'scaled-permutation', createRng(5)).holds).toBe(false);
  });

  it('isotropic tanh: every rotation holds, a general linear map does not', () => {
    const rot = checkIntertwiner(isoTanh, 'orthogonal', createRng(6));
    expect(rot.holds).toBe(true);
    expect(checkIntertwiner(isoTanh, 'linear', createRng(7)).holds).toBe(false);
  });

  it('names each group from the checks', () => {
    expect(intertwinerTable(relu, createRng(8)).group).toMatch(/positive scalings/);
    expect(intertwinerTable(tanh, createRng(9)).group).toMatch(/signed permutations/);
    expect(intertwinerTable(gelu, createRng(10)).group).toMatch(/permutations only/);
    expect(intertwinerTable(isoTanh, createRng(11)).group).toMatch(/O\(n\)/);
  });

  it('draws genuine group elements', () => {
    const n = 5;
    const q = randomGroupElement('orthogonal', n, createRng(12));
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let c = 0; c < n; c++) s += q[i * n + c]! * q[j * n + c]!;
        expect(s).toBeCloseTo(i === j ? 1 : 0, 12);
      }
    const p = randomGroupElement('scaled-permutation', n, createRng(13));
    for (let i = 0; i < n; i++) {
      const row = Array.from(p.subarray(i * n, i * n + n)).filter((v) => v !== 0);
      expect(row).toHaveLength(1);
      expect(row[0]).toBeGreaterThan(0);
    }
  });
});
