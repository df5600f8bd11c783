/**
 * Mail-body extraction and tokenisation for the bag-of-words corpus (DESIGN §5.4).
 * Pure string code: runs in the data builder, in Vitest, in the worker.
 *
 * A raw RFC-822 message → its human-written body: headers dropped, MIME parts decoded
 * (quoted-printable, base64; text/plain preferred, else text/html with its markup stripped),
 * quoted replies, forwarded originals, signatures and mailing-list footers cut, URLs and
 * addresses removed. Tokens are case-sensitive words (letters with inner apostrophes) or numbers.
 */

export interface MailPart {
  headers: Record<string, string>;
  body: string;
}

/** Splits a message (or MIME part) at its first blank line; header names lower-cased, folded lines joined. */
export function splitHeaders(raw: string): MailPart {
  const text = raw.replace(/\r\n?/g, '\n');
  const cut = text.search(/\n\n/);
  const head = cut < 0 ? text : text.slice(0, cut);
  const body = cut < 0 ? '' : text.slice(cut + 2);
  const headers: Record<string, string> = {};
  let last = '';
  for (const line of head.split('\n')) {
    if (/^[ \t]/.test(line) && last) {
      headers[last] += ` ${line.trim()}`;
      continue;
    }
    const m = /^([!-9;-~]+):\s*(.*)$/.exec(line);
    if (m) {
      last = m[1]!.toLowerCase();
      headers[last] = m[2]!;
    }
  }
  // A body with no header block at all (e.g. a part that starts with text) is all body.
  if (Object.keys(headers).length === 0 && cut >= 0 && !/^[!-9;-~]+:/.test(head)) return { headers, body: text };
  return { headers, body };
}

export function decodeQuotedPrintable(s: string): string {
  return s.replace(/=\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function decodeBase64(s: string): string {
  const clean = s.replace(/[^A-Za-z0-9+/]/g, '');
  let out = '';
  let buf = 0;
  let bits = 0;
  for (const c of clean) {
    buf = (buf << 6) | B64.indexOf(c);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += String.fromCharCode((buf >> bits) & 0xff);
    }
  }
  return out;
}

const ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", copy: '©', reg: '®' };

/** Removes scripts, styles, comments and tags; decodes common entities. */
export function stripHtml(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(script|style|head)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<(br|p|div|tr|li|h\d)\b[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (all, e: string) => {
      if (e[0] === '#') {
        const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : ' ';
      }
      return ENTITIES[e.toLowerCase()] ?? all;
    });
}

function decodePart(part: MailPart): string {
  const enc = (part.headers['content-transfer-encoding'] ?? '').toLowerCase();
  if (enc.includes('base64')) return decodeBase64(part.body);
  if (enc.includes('quoted-printable')) return decodeQuotedPrintable(part.body);
  return part.body;
}

/** The text of a MIME entity: text/plain preferred over text/html; attachments ignored. */
function entityText(part: MailPart, depth = 0): string {
  const type = (part.headers['content-type'] ?? 'text/plain').toLowerCase();
  if (type.startsWith('multipart/') && depth < 5) {
    const b = /boundary="?([^";]+)"?/i.exec(part.headers['content-type'] ?? '');
    if (!b) return '';
    const sep = `--${b[1]!}`;
    const chunks = part.body
      .split(sep)
      .slice(1)
      .filter((c) => !c.startsWith('--'));
    const parts = chunks.map((c) => splitHeaders(c.replace(/^\n/, '')));
    const plain = parts.filter((p) => (p.headers['content-type'] ?? 'text/plain').toLowerCase().startsWith('text/plain'));
    const pick = plain.length > 0 ? plain : parts.filter((p) => /^(text\/html|multipart\/)/i.test(p.headers['content-type'] ?? ''));
    return pick.map((p) => entityText(p, depth + 1)).join('\n');
  }
  if ((part.headers['content-disposition'] ?? '').toLowerCase().startsWith('attachment')) return '';
  if (type.startsWith('text/html')) return stripHtml(decodePart(part));
  if (type.startsWith('text/')) {
    const text = decodePart(part);
    // Some senders label HTML as text/plain.
    return /<(html|body|table|font|p|br)\b/i.test(text) ? stripHtml(text) : text;
  }
  return '';
}

/** Cuts quoted replies, forwarded originals, signatures and list footers from a plain-text body. */
export function stripQuotedAndSignature(text: string): string {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const t = line.trimEnd();
    if (t === '--' || t === '-- ') break; // signature delimiter
    if (/^-{3,}\s*(Original Message|Forwarded message|Begin forwarded message)/i.test(t.trim())) break;
    if (/^_{20,}$/.test(t.trim())) break; // mailing-list footer rule
    if (/^-{10,}.*(Yahoo! Groups Sponsor|Sponsor)/.test(t.trim())) break;
    if (/^\s*(>|\|>)/.test(t)) continue; // quoted line
    if (/^(On|Am|Le) .{0,120}(wrote|writes|schrieb|a écrit):?\s*$/.test(t.trim())) continue;
    if (/^.{0,80}\b(wrote|writes):\s*$/.test(t.trim())) continue;
    out.push(t);
  }
  return out.join('\n');
}

/** The human-written body of a raw message. */
export function mailBody(raw: string): string {
  const msg = splitHeaders(raw);
  const text = entityText(msg);
  return stripQuotedAndSignature(text)
    .replace(/\b(?:https?|ftp):\/\/\S+/gi, ' ')
    .replace(/\bwww\.\S+/gi, ' ')
    .replace(/\S+@\S+/g, ' ');
}

/** Case-sensitive tokens: words made of ASCII letters (with inner apostrophes or hyphens), or numbers. */
export function tokenize(text: string): string[] {
  return text.match(/[A-Za-z]+(?:['’][A-Za-z]+)*|\d+/g)?.map((t) => t.replace('’', "'")) ?? [];
}

/** English function words left out of the vocabulary (compared lower-cased). */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    "a about above after again against all am an and any are aren't as at be because been before being below between both but by " +
    "can can't cannot could couldn't did didn't do does doesn't doing don't down during each few for from further had hadn't has " +
    "hasn't have haven't having he he'd he'll he's her here here's hers herself him himself his how how's i i'd i'll i'm i've if in " +
    "into is isn't it it's its itself let's me more most mustn't my myself no nor not of off on once only or other ought our ours " +
    "ourselves out over own same shan't she she'd she'll she's should shouldn't so some such than that that's the their theirs them " +
    "themselves then there there's these they they'd they'll they're they've this those through to too under until up very was " +
    "wasn't we we'd we'll we're we've were weren't what what's when when's where where's which while who who's whom why why's with " +
    "won't would wouldn't you you'd you'll you're you've your yours yourself yourselves also just will may might must shall s t re " +
    "ve ll d m o y get got one's"
  ).split(' '),
);

/** Capitalised words whose lower-case form is a stop word but which name something (the month). */
const KEEP: ReadonlySet<string> = new Set(['May']);

/** Whether a token may enter the vocabulary: not a stop word (any case), not a single character. */
export function isVocabCandidate(token: string): boolean {
  return token.length > 1 && (KEEP.has(token) || !STOP_WORDS.has(token.toLowerCase()));
}
