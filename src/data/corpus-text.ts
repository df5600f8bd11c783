/**
 * Records of plain text (paragraphs) and of the tagged Brown corpus files. Pure string code.
 */
import { tokenize } from './corpus-mail';

/**
 * Paragraphs of a plain text: blocks separated by blank lines; a text without any blank line is
 * taken one non-empty line per paragraph (one paragraph per line is a common export).
 */
export function paragraphs(text: string): string[] {
  const t = text.replace(/\r\n?/g, '\n');
  const blocks = /\n[ \t]*\n/.test(t) ? t.split(/\n[ \t]*\n/) : t.split('\n');
  return blocks.map((b) => b.trim()).filter((b) => b.length > 0);
}

/** The tokens of each paragraph of a Brown file (`word/tag` tokens, paragraphs between blank lines). */
export function brownParagraphs(raw: string): string[][] {
  return paragraphs(raw)
    .map((p) =>
      tokenize(
        p
          .split(/\s+/)
          .map((wt) => {
            const cut = wt.lastIndexOf('/');
            return cut > 0 ? wt.slice(0, cut) : '';
          })
          .join(' '),
      ),
    )
    .filter((toks) => toks.length > 0);
}

/** Whether bytes look like text: no NUL byte and few control characters in the first 64 KB. */
export function looksLikeText(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 65536);
  let control = 0;
  for (let k = 0; k < n; k++) {
    const b = bytes[k]!;
    if (b === 0) return false;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return control <= n * 0.01;
}
