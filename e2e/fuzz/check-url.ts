/**
 * Opens one generated link in a page that already runs the app — by history navigation, which
 * boots the app exactly as a fresh load does, or by a real load — and reports everything that went
 * wrong: no lab rendered, page errors, an executed payload, a changed prototype, a bad value that
 * no warning names, or a warning on a clean link.
 */
import type { Page } from '@playwright/test';
import type { UrlCase } from './url-cases';

export interface UrlVerdict {
  id: number;
  url: string;
  problems: string[];
  blank: boolean;
}

interface PageFacts {
  lab: string | null;
  boots: number;
  warnings: string[];
  pwned: boolean;
  objectProto: string;
  arrayProto: string;
  polluted: boolean;
  bodyText: number;
}

const facts = (page: Page) =>
  page.evaluate((): PageFacts => {
    const app = document.querySelector<HTMLElement>('[data-testid="app"]');
    const probe: Record<string, unknown> = {};
    return {
      lab: app?.dataset.lab ?? null,
      boots: Number(app?.dataset.boots ?? -1),
      warnings: [...document.querySelectorAll('[data-testid="url-warning"]')].map((n) => n.textContent ?? ''),
      pwned: (window as { __pwned?: unknown }).__pwned !== undefined,
      objectProto: Object.getOwnPropertyNames(Object.prototype).sort().join(','),
      arrayProto: Object.getOwnPropertyNames(Array.prototype).sort().join(','),
      polluted: probe.polluted !== undefined || ({} as Record<string, unknown>).prototype !== undefined,
      bodyText: document.body.innerText.trim().length,
    };
  });

/** Records page errors; `take()` returns and clears those seen since the last call. */
export function collectPageErrors(page: Page): { take(): string[] } {
  let errors: string[] = [];
  page.on('pageerror', (err) => errors.push(`${err.name}: ${err.message}`));
  return {
    take() {
      const out = errors;
      errors = [];
      return out;
    },
  };
}

/** Baseline prototypes, read once from a page that opened a plain link. */
export async function prototypeBaseline(page: Page): Promise<{ objectProto: string; arrayProto: string }> {
  const f = await facts(page);
  return { objectProto: f.objectProto, arrayProto: f.arrayProto };
}

export async function checkUrl(
  page: Page,
  c: UrlCase,
  labIds: readonly string[],
  baseline: { objectProto: string; arrayProto: string },
  errors: { take(): string[] },
  mode: 'navigate' | 'load',
): Promise<UrlVerdict> {
  const problems: string[] = [];
  let before = -1;
  if (mode === 'load') {
    await page.goto(c.url);
  } else {
    before = (await facts(page)).boots;
    await page.evaluate((url) => {
      history.pushState(null, '', url);
      dispatchEvent(new PopStateEvent('popstate'));
    }, c.url);
  }
  // Wait until the app has opened this link (or give up and report what is there).
  let f = await facts(page);
  for (let i = 0; i < 100 && (f.lab === null || f.boots <= before); i++) {
    await page.waitForTimeout(20);
    f = await facts(page);
  }
  // One more frame, so the warnings of this boot are drawn.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  f = await facts(page);
  const blank = f.lab === null || f.bodyText === 0;
  if (blank) problems.push('blank page: no lab rendered');
  else if (!labIds.includes(f.lab!)) problems.push(`rendered an unknown lab ${JSON.stringify(f.lab)}`);
  if (mode === 'navigate' && f.boots <= before) problems.push('the app did not open the link');
  for (const e of errors.take()) problems.push(`page error: ${e}`);
  if (f.pwned) problems.push('a payload ran (window.__pwned is set)');
  if (f.objectProto !== baseline.objectProto) problems.push('Object.prototype changed');
  if (f.arrayProto !== baseline.arrayProto) problems.push('Array.prototype changed');
  if (f.polluted) problems.push('a prototype was polluted');
  const text = f.warnings.join('\n');
  for (const m of c.mentions) if (!text.includes(m)) problems.push(`no warning names ${JSON.stringify(m)}`);
  if (c.clean && f.warnings.length) problems.push(`a clean link got warnings: ${f.warnings.join(' | ').slice(0, 300)}`);
  return { id: c.id, url: c.url.length > 300 ? `${c.url.slice(0, 300)}…` : c.url, problems, blank };
}
