import { describe, expect, it } from 'vitest';
import { createRng } from '../engine/rng';
import { findLab, LABS } from '../labs/registry';
import { decodeUrlState, encodeUrlState } from './url-state';
import type { UrlState } from './url-state';

function expectValid(state: UrlState): void {
  const lab = findLab(state.labId);
  expect(lab).toBeDefined();
  for (const spec of lab!.params) {
    const v = state.params[spec.key];
    if (spec.kind === 'int' || spec.kind === 'float') {
      expect(typeof v).toBe('number');
      expect(Number.isFinite(v)).toBe(true);
      expect(v as number).toBeGreaterThanOrEqual(spec.min);
      expect(v as number).toBeLessThanOrEqual(spec.max);
      if (spec.kind === 'int') expect(Number.isInteger(v)).toBe(true);
    } else if (spec.kind === 'enum') {
      expect(spec.options).toContain(v);
    } else {
      expect(typeof v).toBe('boolean');
    }
  }
  expect(['auto', 'fastest', 'webgpu', 'wasm', 'webgl', 'cpu']).toContain(state.backend);
  for (const key of state.hide) expect(lab!.params.map((p) => p.key)).toContain(key);
}

describe('URL codec', () => {
  it('round-trips every parameter, the backend and the view state', () => {
    const { state } = decodeUrlState('?lab=superposition&preset=pentagon');
    state.params.seed = 42;
    state.params.lr = 0.003;
    state.backend = 'wasm';
    state.view = { rx: '0.5', ry: '-1.25' };
    state.hide = ['lr', 'batch'];
    state.autoplay = true;
    state.speed = 100;
    const { state: back, warnings } = decodeUrlState(encodeUrlState(state));
    expect(warnings).toEqual([]);
    expect(back).toEqual(state);
    state.params.n = 7;
    expect(decodeUrlState(encodeUrlState(state)).state.preset).toBeNull();
  });

  it('carries free-text view state (word lists, searches) and refuses control characters', () => {
    const { state, warnings } = decodeUrlState('?lab=superposition&view_cycle=Monday%2C%20Tuesday%2C%20Wednesday&view_q=free%20money&view_bad=%01x');
    expect(state.view).toEqual({ cycle: 'Monday, Tuesday, Wednesday', q: 'free money' });
    expect(warnings).toHaveLength(1);
    expect(decodeUrlState(encodeUrlState(state)).state.view).toEqual(state.view);
  });

  it('keeps the preset name while the preset is untouched', () => {
    const { state, warnings } = decodeUrlState('?lab=superposition&preset=dense');
    expect(warnings).toEqual([]);
    expect(state.params).toMatchObject({ n: 5, m: 2, sparsity: 0, importance: 0.7 });
    expect(encodeUrlState(state)).toContain('preset=dense');
    expect(decodeUrlState(encodeUrlState(state)).state).toEqual(state);
  });

  it('clamps out-of-range numbers and names them', () => {
    const { state, warnings } = decodeUrlState('?lab=superposition&n=100000&sparsity=-3');
    expect(state.params.n).toBe(64);
    expect(state.params.sparsity).toBe(0);
    expect(warnings.join('\n')).toMatch(/n="100000" is outside/);
    expect(warnings.join('\n')).toMatch(/sparsity="-3" is outside/);
  });

  it('replaces malformed values by defaults with a warning', () => {
    const { state, warnings } = decodeUrlState('?lab=nope&n=abc&lr=NaN&backend=quantum&autoplay=maybe&zzz=1');
    expect(state.labId).toBe('superposition');
    expect(state.params.n).toBe(5);
    expect(state.params.lr).toBe(0.01);
    expect(state.backend).toBe('auto');
    expect(warnings).toHaveLength(6);
  });

  it('never throws and always decodes to a valid state on 1,000 random and malformed queries', () => {
    const rng = createRng(7);
    const keys = ['lab', 'preset', 'backend', 'hide', 'autoplay', 'lecture', 'speed', 'v', 'view_rx', 'view_<', ...LABS.flatMap((l) => l.params.map((p) => p.key)), '%', '', '__proto__', 'constructor'];
    const values = ['fastest', '', '1e309', '-1e309', 'NaN', 'Infinity', '0x1F', '<script>alert(1)</script>', '%E0%A4%A', '%', '&&', '==', '1,2,3', 'superposition', 'pentagon', 'wasm', ' 3 ', '-0', '1e-400', 'true', '9'.repeat(500)];
    const alphabet = 'abc=&%?#;+ 0123456789.-eE<>"\'\\/\u0000\u2028é';
    for (let i = 0; i < 1000; i++) {
      let query: string;
      if (i % 2 === 0) {
        const parts = Array.from({ length: 1 + rng.int(8) }, () => `${keys[rng.int(keys.length)]}=${values[rng.int(values.length)]}`);
        query = `?${parts.join('&')}`;
      } else {
        query = Array.from({ length: rng.int(120) }, () => alphabet[rng.int(alphabet.length)]).join('');
      }
      let decoded: ReturnType<typeof decodeUrlState> | undefined;
      expect(() => (decoded = decodeUrlState(query))).not.toThrow();
      expectValid(decoded!.state);
      expect(decoded!.state.view).not.toHaveProperty('<');
    }
  });

  it('ignores an oversized query with a warning', () => {
    const { state, warnings } = decodeUrlState(`?n=${'1'.repeat(5000)}`);
    expect(state.params.n).toBe(5);
    expect(warnings[0]).toMatch(/limit/);
  });
});
