/**
 * Splits a page's query into name/value pairs without ever throwing. `URLSearchParams` silently
 * keeps a malformed %-escape; here each one is kept as raw text and named in a warning, so that a
 * link with a broken escape still opens and says what it could not read.
 */
import { quote } from './param-codec';

export interface ParsedQuery {
  entries: Array<[string, string]>;
  warnings: string[];
}

function decodePart(text: string): { value: string; malformed: boolean } {
  const plus = text.replace(/\+/g, ' ');
  try {
    return { value: decodeURIComponent(plus), malformed: false };
  } catch {
    return { value: plus, malformed: true };
  }
}

export function parseQuery(search: string): ParsedQuery {
  const query = search.startsWith('?') ? search.slice(1) : search;
  const entries: Array<[string, string]> = [];
  const warnings: string[] = [];
  for (const part of query.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const rawName = eq < 0 ? part : part.slice(0, eq);
    const rawValue = eq < 0 ? '' : part.slice(eq + 1);
    const name = decodePart(rawName);
    const value = decodePart(rawValue);
    if (name.malformed || value.malformed) {
      warnings.push(
        `The link's ${quote(rawName)} has a malformed %-escape${value.malformed ? ` in ${quote(rawValue)}` : ''}; it was read as raw text.`,
      );
    }
    entries.push([name.value, value.value]);
  }
  return { entries, warnings };
}
