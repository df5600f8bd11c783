import { describe, expect, it } from 'vitest';
import { decodeBase64, decodeQuotedPrintable, isVocabCandidate, mailBody, splitHeaders, stripHtml, tokenize } from './corpus-mail';

const PLAIN = `From someone@example.com  Thu Aug 22 13:52:59 2002
Return-Path: <someone@example.com>
Received: from localhost (localhost [127.0.0.1])
\tby phobos.labs.example.com (Postfix) with ESMTP id 0314547C66
Subject: [list] Moscow bomber
Content-Type: text/plain; charset=US-ASCII

Man Threatens Explosion In Moscow
On Thursday the police said so.

On Wed, 21 Aug 2002, Bob Smith wrote:
> quoted text that must go
> more quoted text

See http://www.example.com/page and mail me at bob@example.com.
-- 
Bob's signature line
Company Inc.
`;

const MULTIPART = `From: a@b.c
Subject: hi
MIME-Version: 1.0
Content-Type: multipart/alternative; boundary="XYZ"

This is a multi-part message in MIME format.
--XYZ
Content-Type: text/plain; charset=iso-8859-1
Content-Transfer-Encoding: quoted-printable

Caf=E9 opens in Septem=
ber for everyone.
--XYZ
Content-Type: text/html

<html><body><p>Cafe HTML version</p></body></html>
--XYZ--
`;

const HTML_ONLY = `From: spam@x.y
Content-Type: text/html
Content-Transfer-Encoding: base64

${Buffer.from('<html><head><style>p{color:red}</style></head><body><p>Buy&nbsp;now &amp; save</p><script>alert(1)</script></body></html>').toString('base64')}
`;

describe('mail bodies', () => {
  it('splits headers (folded lines joined) from the body', () => {
    const { headers, body } = splitHeaders(PLAIN);
    expect(headers['subject']).toBe('[list] Moscow bomber');
    expect(headers['received']).toContain('by phobos.labs.example.com');
    expect(body.startsWith('Man Threatens')).toBe(true);
  });

  it('keeps the written text, drops headers, quoted replies, URLs, addresses and the signature', () => {
    const body = mailBody(PLAIN);
    expect(body).toContain('Man Threatens Explosion In Moscow');
    expect(body).toContain('On Thursday the police said so.');
    expect(body).not.toMatch(/Return-Path|Received|Subject|Postfix/);
    expect(body).not.toMatch(/quoted text|wrote:/);
    expect(body).not.toMatch(/example\.com|http/);
    expect(body).not.toMatch(/signature|Company Inc/);
  });

  it('prefers the text/plain part and decodes quoted-printable', () => {
    const body = mailBody(MULTIPART);
    expect(body).toContain('Café opens in September for everyone.');
    expect(body).not.toContain('HTML version');
    expect(body).not.toContain('multi-part message');
  });

  it('strips HTML (styles, scripts, entities) from a base64 text/html body', () => {
    const body = mailBody(HTML_ONLY);
    expect(tokenize(body)).toEqual(['Buy', 'now', 'save']);
  });

  it('decoders and stripHtml handle the basics', () => {
    expect(decodeQuotedPrintable('a=3Db=\nc')).toBe('a=bc');
    expect(decodeBase64(Buffer.from('hello world').toString('base64'))).toBe('hello world');
    expect(stripHtml('<b>x</b>&lt;y&gt;&#65;').replace(/\s+/g, '')).toBe('x<y>A');
  });
});

describe('tokenizer', () => {
  it('is case-sensitive, keeps inner apostrophes and numbers, drops punctuation', () => {
    expect(tokenize("Don't FREE free—July 4th, 2002! e-mail it's")).toEqual([
      "Don't",
      'FREE',
      'free',
      'July',
      '4',
      'th',
      '2002',
      'e',
      'mail',
      "it's",
    ]);
  });

  it('leaves stop words and single characters out of the vocabulary, but keeps the month May', () => {
    expect(isVocabCandidate('the')).toBe(false);
    expect(isVocabCandidate('The')).toBe(false);
    expect(isVocabCandidate('may')).toBe(false);
    expect(isVocabCandidate('May')).toBe(true);
    expect(isVocabCandidate('x')).toBe(false);
    expect(isVocabCandidate('Linux')).toBe(true);
  });
});
