/**
 * Seeded generator of hostile and ordinary links for the page (issue: a shared link never blanks
 * the page). Each case carries the substrings its warnings must contain — one for every bad value —
 * so the checker can assert that nothing bad passes silently. Used by e2e/hostile-urls.spec.ts and
 * by `npm run fuzz`.
 */
import type { LabDefinition, ViewParamSpec } from '../../src/engine/lab';
import { createRng, type Rng } from '../../src/engine/rng';
import { LABS } from '../../src/labs/registry';
import { encodeParam, quote } from '../../src/state/param-codec';
import { encodeSnapshotHash } from '../../src/state/hash-snapshot';

export interface UrlCase {
  id: number;
  /** Path and query and hash, e.g. `/?lab=bows&n=%ZZ#w=…` */
  url: string;
  /** Every one of these must appear in the page's URL warnings. */
  mentions: string[];
  /** A link without any bad value: the page must show no URL warning at all. */
  clean: boolean;
}

interface Entry {
  raw: string;
  key: string;
  mentions: string[];
}

const MALFORMED = ['%', '%Z', '%ZZ', '%E0%A4%A', '%uD800', '%ED%A0%80', '%C0%AF', '%FF', '100%', '%%41'];
const PAYLOADS = [
  '<script>window.__pwned=1</script>',
  '"><img src=x onerror="window.__pwned=1">',
  'javascript:window.__pwned=1',
  "';window.__pwned=1;//",
  '<svg onload=window.__pwned=1>',
  '{{constructor.constructor("window.__pwned=1")()}}',
];
const BAD_NUMBERS = [
  'NaN',
  'Infinity',
  '-Infinity',
  '1e309',
  '-1e309',
  '',
  ' ',
  '0x10',
  '0b11',
  '0o7',
  '1_000',
  '1,5',
  '５',
  '١٢',
  'abc',
  '1e',
  '--1',
  '+-1',
  '1.2.3',
  'null',
  'undefined',
  'true',
  '\u202e1',
];
const JUNK_NAMES = [
  'foo',
  '__proto__',
  'constructor',
  'prototype',
  '__proto__[polluted]',
  'constructor[prototype][polluted]',
  'toString',
  'hasOwnProperty',
  'tfjsflags',
  'x'.repeat(300),
  'ünïcödé',
  '𝔘',
  '<b>',
  'Lab',
  'N',
];
const TFJS_FLAGS = ['IS_TEST:true', 'PROD:false,DEBUG:true', 'IS_TEST', 'WEBGL_VERSION:x', 'KEEP_INTERMEDIATE_TENSORS:true'];

const pick = <T>(rng: Rng, items: readonly T[]): T => items[rng.int(items.length)]!;
const enc = (text: string) => encodeURIComponent(text);

function numberEntry(rng: Rng, spec: Extract<ViewParamSpec, { kind: 'int' | 'float' }>, prefix: string): Entry {
  const key = `${prefix}${spec.key}`;
  const good = (v: number) => ({ raw: `${enc(key)}=${enc(encodeParam(v))}`, key, mentions: [] });
  const bad = (text: string, raw = enc(text)) => ({ raw: `${enc(key)}=${raw}`, key, mentions: [`${key}=`] });
  switch (rng.int(12)) {
    case 0:
      return good(spec.default);
    case 1:
      return good(spec.min);
    case 2:
      return good(spec.max);
    case 3: {
      const v = spec.min + rng.next() * (spec.max - spec.min);
      return good(spec.kind === 'int' ? Math.round(v) : +v.toPrecision(4));
    }
    case 4:
      return spec.min <= 0 && spec.max >= 0 ? { raw: `${enc(key)}=-0`, key, mentions: [] } : bad('-0');
    case 5:
      return bad(String(spec.max * 10 + 1e6));
    case 6:
      return bad(String(spec.min - 1e6));
    case 7:
      return spec.kind === 'int' ? bad(`${spec.min}.5`) : bad(pick(rng, BAD_NUMBERS));
    case 8:
      return bad('', pick(rng, MALFORMED));
    case 9:
      return bad(pick(rng, PAYLOADS));
    default:
      return bad(pick(rng, BAD_NUMBERS));
  }
}

function valueEntry(rng: Rng, spec: ViewParamSpec, prefix: string): Entry {
  const key = `${prefix}${spec.key}`;
  if (spec.kind === 'int' || spec.kind === 'float') return numberEntry(rng, spec, prefix);
  const good = (v: string) => ({ raw: `${enc(key)}=${enc(v)}`, key, mentions: [] });
  const bad = (text: string, raw = enc(text)) => ({ raw: `${enc(key)}=${raw}`, key, mentions: [`${key}=`] });
  const roll = rng.int(6);
  switch (spec.kind) {
    case 'enum':
      return roll < 3
        ? good(pick(rng, spec.options))
        : roll === 3
          ? bad(`${spec.options[0]!.toUpperCase()}x`)
          : roll === 4
            ? bad('', pick(rng, MALFORMED))
            : bad(pick(rng, PAYLOADS));
    case 'bool':
      return roll < 3
        ? good(pick(rng, ['1', '0', 'true', 'false']))
        : roll === 3
          ? bad('yes')
          : roll === 4
            ? bad('', pick(rng, MALFORMED))
            : bad('2');
    case 'text':
      if (roll < 2) return good(spec.key === 'plane' ? '1-2' : 'January, March');
      if (roll === 2) return bad('x'.repeat(spec.maxLength + 1));
      if (roll === 3) return bad('a\u0001b');
      {
        // Free text is shown as text only: a payload is harmless text unless it holds markup brackets.
        const payload = pick(rng, PAYLOADS);
        return /[<>]/.test(payload) ? bad(payload) : good(payload);
      }
  }
}

function reservedEntry(rng: Rng, lab: LabDefinition): Entry {
  const good = (key: string, v: string) => ({ raw: `${key}=${enc(v)}`, key, mentions: [] });
  const bad = (key: string, v: string, raw = enc(v)) => ({ raw: `${key}=${raw}`, key, mentions: [`${key}=`] });
  const roll = rng.next() < 0.5;
  switch (rng.int(10)) {
    case 0:
      return roll ? good('backend', pick(rng, ['auto', 'wasm', 'cpu'])) : bad('backend', pick(rng, ['gpu', 'WASM', '', ...PAYLOADS]));
    case 1:
      return roll ? good('speed', pick(rng, ['0', '1000', '100', '10'])) : bad('speed', pick(rng, ['0x0', '5', '1e3', '-0', 'Infinity']));
    case 2:
      return roll ? good('autoplay', pick(rng, ['0', 'false'])) : bad('autoplay', pick(rng, ['yes', '2', '']));
    case 3:
      return roll ? good('lecture', pick(rng, ['1', '0'])) : bad('lecture', pick(rng, ['on!', '%', 'TRUE ']));
    case 4:
      return roll
        ? good(
            'hide',
            lab.params
              .slice(0, 2)
              .map((p) => p.key)
              .join(','),
          )
        : bad('hide', pick(rng, ['nokey', '__proto__', 'constructor', '<b>']));
    case 5:
      return roll && lab.presets.length
        ? good('preset', pick(rng, lab.presets).name)
        : bad('preset', pick(rng, ['nopreset', '__proto__', ...PAYLOADS]));
    case 6:
      return roll ? good('v', '1') : bad('v', pick(rng, ['2', '0', 'x']));
    case 7:
      return roll ? good('focus', pick(rng, lab.viewIds)) : bad('focus', pick(rng, ['nope', '__proto__', 'constructor', ...PAYLOADS]));
    case 8:
      return roll ? bad('view', pick(rng, ['nope', '__proto__', ...PAYLOADS])) : bad('embed', pick(rng, ['yes', '2', 'TRUE']));
    default:
      return bad('backend', '', pick(rng, MALFORMED));
  }
}

function junkEntry(rng: Rng): Entry {
  const name = pick(rng, JUNK_NAMES);
  if (name === 'tfjsflags') return { raw: `tfjsflags=${enc(pick(rng, TFJS_FLAGS))}`, key: name, mentions: [quote(name)] };
  const value = rng.next() < 0.5 ? pick(rng, PAYLOADS) : '1';
  return { raw: `${enc(name)}=${enc(value)}`, key: name, mentions: [quote(name)] };
}

function malformedNameEntry(rng: Rng): Entry {
  const rawName = pick(
    rng,
    MALFORMED.filter((m) => m !== '100%'),
  );
  return { raw: `${rawName}=1`, key: rawName, mentions: ['malformed %-escape'] };
}

/** A trained-looking superposition snapshot, then damaged or not. */
function hashFor(rng: Rng): { hash: string; mentions: string[]; labQuery: string } {
  const W = Float32Array.from({ length: 10 }, () => rng.normal());
  const b = Float32Array.from({ length: 5 }, () => rng.normal() * 0.1);
  const good = encodeSnapshotHash({
    step: 1200,
    loss: 0.03,
    weights: { W: { shape: [1, 2, 5], data: W }, b: { shape: [1, 1, 5], data: b } },
  })!;
  const labQuery = 'lab=superposition&n=5&m=2';
  switch (rng.int(5)) {
    case 0:
      return { hash: good, mentions: [], labQuery };
    case 1:
      return { hash: good.slice(0, Math.max(3, rng.int(good.length - 2))), mentions: ['weights'], labQuery };
    case 2: {
      const i = 2 + rng.int(good.length - 2);
      const flipped = good.slice(0, i) + (good[i] === 'A' ? 'B' : 'A') + good.slice(i + 1);
      // A flipped character may still decode (to other finite weights): no mention required.
      return { hash: flipped, mentions: [], labQuery };
    }
    case 3:
      return { hash: `w=${'x'.repeat(70_000)}`, mentions: ['too long'], labQuery };
    default:
      return { hash: 'w=' + pick(rng, ['', '%%%', '<script>', 'NobwRAzgx']), mentions: ['weights'], labQuery };
  }
}

export function generateUrlCases(count: number, seed: number): UrlCase[] {
  const rng = createRng(seed);
  const cases: UrlCase[] = [];
  for (let id = 0; id < count; id++) {
    // Every lab in turn, so each gets its share; some cases name a bad lab instead.
    let lab = LABS[id % LABS.length]!;
    const entries: Entry[] = [];
    const clean = id % 10 === 0;
    if (!clean && rng.next() < 0.1) {
      const bad = pick(rng, ['nolab', '', '__proto__', 'constructor', ...PAYLOADS]);
      entries.push({ raw: `lab=${rng.next() < 0.3 ? pick(rng, MALFORMED) : enc(bad)}`, key: 'lab', mentions: ['lab='] });
      lab = LABS[0]!;
    } else entries.push({ raw: `lab=${lab.id}`, key: 'lab', mentions: [] });
    const n = clean ? 2 + rng.int(4) : 1 + rng.int(7);
    for (let i = 0; i < n; i++) {
      let e: Entry;
      if (clean) {
        // Only values that must pass without a word: the specs' own defaults, minima and maxima.
        const spec = pick(rng, lab.params);
        const v = [spec.default, 'min' in spec ? spec.min : spec.default, 'max' in spec ? spec.max : spec.default][rng.int(3)]!;
        e = { raw: `${spec.key}=${enc(encodeParam(v))}`, key: spec.key, mentions: [] };
      } else {
        const r = rng.next();
        if (r < 0.4) e = valueEntry(rng, pick(rng, lab.params), '');
        else if (r < 0.55 && lab.viewParams.length) e = valueEntry(rng, pick(rng, lab.viewParams), 'view_');
        else if (r < 0.62) {
          const name = `view_${pick(rng, ['__proto__', 'nope', 'constructor', 'x'.repeat(30)])}`;
          e = { raw: `${enc(name)}=1`, key: name, mentions: [name.slice(0, 40)] };
        } else if (r < 0.77) e = reservedEntry(rng, lab);
        else if (r < 0.92) e = junkEntry(rng);
        else e = malformedNameEntry(rng);
      }
      if (entries.some((x) => x.key === e.key)) continue; // repeats are made on purpose below
      entries.push(e);
    }
    if (!clean && rng.next() < 0.1) {
      const again = entries[rng.int(entries.length)]!;
      entries.push({ ...again, mentions: [...again.mentions, `${quote(again.key)} is given 2 times`] });
    }
    let query = entries.map((e) => e.raw).join('&');
    let mentions = entries.flatMap((e) => e.mentions);
    if (!clean && rng.next() < 0.03) {
      query += `&lr=${'9'.repeat(100_000)}`;
      mentions = ['characters long'];
    }
    let hash = '';
    if (!clean && rng.next() < 0.12) {
      const h = hashFor(rng);
      query = `${h.labQuery}&${query.replace(/(^|&)lab=[^&]*/g, '')}`.replace(/&&+/g, '&').replace(/&$/, '');
      // The link's own lab entries were replaced: their mentions no longer hold.
      mentions = mentions.filter((m) => m !== 'lab=' && !m.startsWith('"lab"')).concat(h.mentions);
      hash = `#${h.hash}`;
      // The lab is now superposition: mentions of another lab's parameters no longer hold.
      if (lab.id !== 'superposition') mentions = h.mentions;
    }
    cases.push({ id, url: `/?${query}${hash}`, mentions: [...new Set(mentions)], clean });
  }
  return cases;
}
