/**
 * Hostile input for every format: truncated and malformed files, binary garbage, a 20 MB string,
 * 10,000-deep nesting, lying charsets and script in content. A parser may reject anything; it may
 * never throw, hang, or let a message through that breaks the schema or carries markup in `text`.
 */
import { describe, expect, it } from 'vitest';
import { FORMATS, parseFile } from './formats.js';
import { FORMAT_NAMES, MAX_TEXT, messageProblem, type FormatName } from './message.schema.js';
import type { ParseResult, ParserInput } from './parsing/parse-result.js';
import { corpusFile } from './testing/corpora.js';

/** One real file per format, to cut short. */
const SAMPLES: Record<FormatName, () => Buffer> = {
  rss: () => corpusFile('rss-atom', 'rss-parser__guardian.rss'),
  atom: () => corpusFile('rss-atom', 'node-feedparser__tpm.atom'),
  jsonfeed: () =>
    Buffer.from(
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 't',
        items: [{ id: '1', content_text: 'x', date_published: '2024-01-01T00:00:00Z' }],
      }),
    ),
  eml: () => corpusFile('email', 'mail__attachment_emails__attachment_pdf.eml'),
  mbox: () => corpusFile('email', 'mail__attachment_emails__attachment_pdf.eml'),
  mastodon: () => corpusFile('mastodon', 'mastodonkit__Timeline.json'),
  jetstream: () => corpusFile('bluesky', 'jetstream__subscribe__testdata__golden_v1.jsonl'),
  'twitter-v2': () => corpusFile('twitter-v2', 'twarc-csv__brexit.jsonl'),
  'meta-webhook': () => corpusFile('meta-webhooks', 'botbuilder__RequestResponse.json'),
  reddit: () => corpusFile('reddit', 'go-reddit__post__post.json'),
};

/** Deterministic pseudo-random bytes: the same garbage on every run. */
function garbage(size: number): Buffer {
  const bytes = Buffer.alloc(size);
  let state = 0x2545f491;
  for (let i = 0; i < size; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    bytes[i] = state & 0xff;
  }
  return bytes;
}

async function parsed(format: FormatName, input: ParserInput): Promise<ParseResult> {
  const result = await parseFile(format, input);
  expect(result.format === format || (FORMATS[format].channel === 'rss' && ['rss', 'atom'].includes(result.format))).toBe(true);
  for (const message of result.messages) {
    expect(messageProblem(message)).toBeNull();
    expect(message.text).not.toMatch(/<script|<\/?[a-z]+\s[^>]*>/i);
  }
  for (const rejection of result.rejected) expect(rejection.reason.length).toBeGreaterThan(5);
  return result;
}

const TWENTY_MB = 20 * 1024 * 1024;

describe.each(FORMAT_NAMES)('%s under hostile input', (format) => {
  it('rejects a truncated file (or keeps only its complete items) and says why', async () => {
    const sample = SAMPLES[format]();
    const cut = sample.subarray(0, Math.floor(sample.length * 0.6));
    const result = await parsed(format, cut);
    expect(result.rejected.length).toBeGreaterThan(0);
  });

  it('rejects binary garbage', async () => {
    const result = await parsed(format, garbage(1024 * 1024));
    expect(result.messages).toEqual([]);
    expect(result.rejected.length).toBeGreaterThan(0);
  });

  it('rejects a 20 MB string of junk without trouble', async () => {
    const result = await parsed(format, 'A'.repeat(TWENTY_MB));
    expect(result.messages).toEqual([]);
    expect(result.rejected.length).toBeGreaterThan(0);
  });

  it('rejects 10,000-deep nesting', async () => {
    for (const deep of [
      '['.repeat(10_000) + ']'.repeat(10_000),
      '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000),
      '<a>'.repeat(10_000) + '</a>'.repeat(10_000),
    ]) {
      const result = await parsed(format, deep);
      expect(result.messages).toEqual([]);
    }
  });

  it('refuses input over the size limit before reading it', async () => {
    const result = await parsed(format, SAMPLES[format]().toString('utf8'));
    const limited = await parseFile(format, SAMPLES[format](), { maxInputBytes: 100 });
    expect(limited.messages).toEqual([]);
    expect(limited.rejected).toEqual([{ index: null, code: 'too-large', reason: expect.stringContaining('more than the limit of 100') }]);
    expect(result.rejected.some((r) => r.code === 'too-large')).toBe(false);
  });

  it('is not thrown off by empty input, empty JSON or a BOM', async () => {
    for (const input of ['', '\uFEFF', '{}', '[]', 'null', '\u0000']) {
      const result = await parsed(format, input);
      expect(result.messages).toEqual([]);
    }
  });
});

describe('oversized valid content', () => {
  it('caps the text of a 20 MB message and drops HTML too large to keep whole', async () => {
    const huge = 'word '.repeat(TWENTY_MB / 5);
    const status = {
      id: '1',
      created_at: '2024-01-01T00:00:00Z',
      content: `<p>${huge}</p>`,
      account: { id: '2', username: 'big', acct: 'big', url: 'https://social.example/@big' },
    };
    const { messages } = await parsed('mastodon', JSON.stringify(status));
    expect(messages[0]!.text.length).toBeLessThanOrEqual(MAX_TEXT);
    expect(messages[0]!.text.startsWith('word word')).toBe(true);
    expect(messages[0]!.html).toBeUndefined();

    const rss = `<rss><channel><item><guid>g</guid><pubDate>2024-01-01</pubDate><description>${huge}</description></item></channel></rss>`;
    expect((await parsed('rss', rss)).messages[0]!.text.length).toBe(MAX_TEXT - 1);
  });
});

describe('script in content', () => {
  const payload = '<p>Hi</p><script>alert(document.cookie)</script><img src=x onerror="alert(1)"><a href="javascript:alert(2)">link</a>';

  it('stays in html and never reaches text, for every HTML-carrying format', async () => {
    const cases: [FormatName, string][] = [
      [
        'mastodon',
        JSON.stringify({ id: '1', created_at: '2024-01-01T00:00:00Z', content: payload, account: { id: '2', username: 'u', acct: 'u' } }),
      ],
      [
        'jsonfeed',
        JSON.stringify({
          version: 'https://jsonfeed.org/version/1',
          title: 't',
          items: [{ id: '1', content_html: payload, date_published: '2024-01-01T00:00:00Z' }],
        }),
      ],
      [
        'atom',
        `<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>1</id><updated>2024-01-01T00:00:00Z</updated><content type="html">${payload.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</content></entry></feed>`,
      ],
      [
        'reddit',
        JSON.stringify({
          kind: 't1',
          data: { name: 't1_a', author: 'u', body_html: payload.replace(/</g, '&lt;').replace(/>/g, '&gt;'), created_utc: 1700000000 },
        }),
      ],
      ['eml', `From: a@example.org\r\nDate: Mon, 1 Jan 2024 00:00:00 +0000\r\nContent-Type: text/html\r\n\r\n${payload}`],
    ];
    for (const [format, input] of cases) {
      const [message] = (await parsed(format, input)).messages;
      expect(message, format).toBeDefined();
      expect(message!.text, format).toBe('Hi\n\nlink');
      expect(message!.html, format).toContain('<script>alert(document.cookie)</script>');
    }
  });
});

describe('wrong charsets in JSON', () => {
  it('reads Latin-1 bytes in a UTF-8 format as replacement characters, not as an error', async () => {
    const status = Buffer.concat([
      Buffer.from('{"id":"1","created_at":"2024-01-01T00:00:00Z","content":"caf'),
      Buffer.from([0xe9]),
      Buffer.from('","account":{"id":"2","username":"u","acct":"u"}}'),
    ]);
    const { messages } = await parsed('mastodon', status);
    expect(messages[0]!.text).toBe('caf\uFFFD');
  });

  it('reads UTF-16 JSON with a byte order mark', async () => {
    const json = JSON.stringify({ kind: 't1', data: { name: 't1_a', author: 'u', body: 'grüße', created_utc: 1700000000 } });
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json, 'utf16le')]);
    expect((await parsed('reddit', bytes)).messages[0]!.text).toBe('grüße');
  });
});
