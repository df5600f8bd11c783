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
    const { state, warnings } = decodeUrlState('?lab=bows&view_cycle=Monday%2C%20Tuesday%2C%20Wednesday&view_q=free%20money&view_q2=%01x');
    expect(state.view).toEqual({ cycle: 'Monday, Tuesday, Wednesday', q: 'free money' });
    expect(warnings).toEqual(['View setting view_q2 is not a setting of this lab; it was ignored.']);
    expect(decodeUrlState(encodeUrlState(state)).state.view).toEqual(state.view);
    expect(decodeUrlState('?lab=bows&view_q=%01x').warnings[0]).toMatch(/view_q="\\u0001x" holds control characters/);
  });

  it('validates view settings by the lab schema and never copies a bad one into a link', () => {
    const { state, warnings } = decodeUrlState('?lab=capacity&view_eps=0.5&view_tau=7&view_rx=1&view___proto__=1&view_eps2=0x1');
    expect(state.view).toEqual({ eps: '0.5', tau: '0.99' });
    expect(warnings.join('\n')).toMatch(/view_tau="7" is outside \[0.01, 0.99\]; using 0.99/);
    expect(warnings.join('\n')).toMatch(/view_rx is not a setting/);
    expect(warnings.join('\n')).toMatch(/view___proto__ is not a setting/);
    expect(Object.getPrototypeOf(state.view)).toBe(Object.prototype);
    const tampered = { ...state, view: { ...state.view, eps: '<img>', junk: 'x' } };
    expect(encodeUrlState(tampered)).not.toMatch(/junk|img|view_eps/);
  });

  it('reads malformed %-escapes as raw text and names them', () => {
    const { state, warnings } = decodeUrlState('?lab=%E0%A4%A&n=5');
    expect(state.labId).toBe('superposition');
    expect(state.params.n).toBe(5);
    expect(warnings.join('\n')).toMatch(/"lab" has a malformed %-escape in "%E0%A4%A"; it was read as raw text/);
    expect(warnings.join('\n')).toMatch(/lab="%E0%A4%A" is not a lab/);
    for (const q of ['?lr=%uD800', '?speed=%', '?data=%ZZ', '?%=1', '?n=%ED%A0%80']) {
      expect(decodeUrlState(q).warnings.join('\n')).toMatch(/malformed %-escape/);
    }
  });

  it('accepts decimal numbers only, and names repeated keys', () => {
    for (const raw of ['0x10', '0b11', '0o7', '1_0', 'Infinity', '1e309', ' ', '']) {
      const { state, warnings } = decodeUrlState(`?lab=superposition&n=${encodeURIComponent(raw)}`);
      expect(state.params.n).toBe(5);
      expect(warnings[0]).toMatch(/is not a finite decimal number/);
    }
    expect(decodeUrlState('?n=1.5').warnings[0]).toMatch(/n="1.5" is not a whole number; using 2/);
    expect(decodeUrlState('?n=-0&sparsity=-0').state.params.sparsity).toBe(0);
    expect(decodeUrlState('?speed=0x0').warnings[0]).toMatch(/speed="0x0" is not one of/);
    const repeated = decodeUrlState('?n=4&n=6');
    expect(repeated.state.params.n).toBe(6);
    expect(repeated.warnings).toEqual(['"n" is given 2 times in the link; the last one is used.']);
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
    const keys = [
      'lab',
      'preset',
      'backend',
      'hide',
      'autoplay',
      'lecture',
      'speed',
      'v',
      'view_rx',
      'view_<',
      ...LABS.flatMap((l) => l.params.map((p) => p.key)),
      '%',
      '',
      '__proto__',
      'constructor',
    ];
    const values = [
      'fastest',
      '',
      '1e309',
      '-1e309',
      'NaN',
      'Infinity',
      '0x1F',
      '<script>alert(1)</script>',
      '%E0%A4%A',
      '%',
      '&&',
      '==',
      '1,2,3',
      'superposition',
      'pentagon',
      'wasm',
      ' 3 ',
      '-0',
      '1e-400',
      'true',
      '9'.repeat(500),
    ];
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
      for (const [k, v] of Object.entries(decoded!.state.view)) {
        const spec = findLab(decoded!.state.labId)!.viewParams.find((p) => p.key === k);
        expect(spec, `view_${k}`).toBeDefined();
        // eslint-disable-next-line no-control-regex -- control characters are exactly what must not pass
        expect(v).not.toMatch(/[<>\u0000-\u001f]/);
      }
    }
  });

  it('ignores an oversized query with a warning', () => {
    const { state, warnings } = decodeUrlState(`?n=${'1'.repeat(5000)}`);
    expect(state.params.n).toBe(5);
    expect(warnings[0]).toMatch(/limit/);
  });
});
