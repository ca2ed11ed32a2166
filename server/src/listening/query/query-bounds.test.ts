import { describe, expect, it } from 'vitest';
import { compileQuery } from './query.compiler.js';
import { MESSAGE_LIMITS, QUERY_LIMITS } from './query-limits.js';
import { prepareMessage } from './prepared-message.js';
import { parseQuery } from './query.parser.js';

/** Runs `work` and returns how long it took, in milliseconds. */
function timed(work: () => void): number {
  const started = performance.now();
  work();
  return performance.now() - started;
}

describe('pathological input is refused or bounded', () => {
  it('refuses 10,000 opening parentheses at once, without deep recursion', () => {
    let result: ReturnType<typeof parseQuery> | undefined;
    expect(timed(() => (result = parseQuery('('.repeat(9_999) + 'a')))).toBeLessThan(500);
    expect(result).toMatchObject({ ok: false, error: { code: 'too-deep' } });
  });

  it('refuses 10,000 terms in a query quickly', () => {
    let result: ReturnType<typeof parseQuery> | undefined;
    expect(timed(() => (result = parseQuery('a '.repeat(4_999) + 'a')))).toBeLessThan(500);
    expect(result).toMatchObject({ ok: false, error: { code: 'too-many-terms' } });
  });

  it('matches a*b*c*… wildcards against long words in bounded time', () => {
    const pattern = 'a' + '*a'.repeat(30) + '*b';
    const parsed = parseQuery(`${pattern} AND x`);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const query = compileQuery(parsed.query);
    const message = prepareMessage({
      text: Array.from({ length: 2_000 }, (_, i) => 'a'.repeat(60 + (i % 40))).join(' ') + ' x',
      channel: 'rss',
    });
    expect(timed(() => expect(query.matches(message)).toBe(false))).toBeLessThan(1_000);
  });

  it('prepares an enormous message up to the text limit, in bounded time', () => {
    const text = 'lorem ipsum dolor '.repeat(200_000);
    let words = 0;
    expect(timed(() => (words = prepareMessage({ text, channel: 'rss' }).written.length))).toBeLessThan(2_000);
    expect(words).toBe(Math.ceil(MESSAGE_LIMITS.maxTextLength / 'lorem ipsum dolor '.length) * 3 - 1);
  });

  it('skips giant words (base64, hashes) but keeps counting positions past them', () => {
    const message = prepareMessage({ text: `apple ${'Q'.repeat(5_000)} pie`, channel: 'rss' });
    expect(message.written).toEqual(['apple', 'pie']);
    expect(message.position).toEqual([0, 2]);
  });

  it('checks a NEAR over two very frequent words in a huge message in bounded time', () => {
    const parsed = parseQuery(`(a* OR b*) NEAR/${QUERY_LIMITS.maxNearDistance}f (c* OR d*) NEAR/1 zz`);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const query = compileQuery(parsed.query);
    const message = prepareMessage({ text: 'aa bb cc dd '.repeat(8_000), channel: 'rss' });
    expect(timed(() => expect(query.matches(message)).toBe(false))).toBeLessThan(1_000);
  });

  it('never breaks on empty, binary or mixed-script text', () => {
    const parsed = parseQuery('apple OR 東京 OR Москва');
    if (!parsed.ok) throw new Error(parsed.error.message);
    const query = compileQuery(parsed.query);
    for (const text of ['', '\u0000\uffff\ud800', 'Apple東京Москва', '🍎🍎🍎']) {
      expect(() => query.matches(prepareMessage({ text, channel: 'rss' }))).not.toThrow();
    }
    expect(query.matches(prepareMessage({ text: '東京に行く', channel: 'rss' }))).toBe(true);
  });
});
