import { describe, expect, it } from 'vitest';
import { compileQuery, type CompiledQuery } from './query.compiler.js';
import { prepareMessage, type MessageToMatch } from './prepared-message.js';
import { createQueryIndex } from './query.index.js';
import { parseQuery } from './query.parser.js';

function compile(source: string): CompiledQuery {
  const parsed = parseQuery(source);
  if (!parsed.ok) throw new Error(`${source}: ${parsed.error.message}`);
  return compileQuery(parsed.query);
}

/** Deterministic random numbers (mulberry32), so a failure can be replayed. */
function randomness(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  return { next, pick };
}

const WORDS = ['apple', 'Apple', 'pear', 'pie', 'tart', 'café', 'cafe', 'phone', 'case', 'battery', 'life', 'great', 'bad'];
const STEMS = ['app*', 'ca?e', 'bat*ry', 'pi*', 'ta?t', '{App*}', 'b*'];

function randomQuery(r: ReturnType<typeof randomness>, depth = 0): string {
  const roll = r.next();
  if (depth > 2 || roll < 0.3) {
    const leaf = r.next();
    if (leaf < 0.45) return r.pick(WORDS);
    if (leaf < 0.55) return r.pick(STEMS);
    if (leaf < 0.62) return `"${r.pick(WORDS)} ${r.pick(WORDS)}"${r.next() < 0.5 ? `~${Math.floor(r.next() * 3)}` : ''}`;
    if (leaf < 0.67) return `{${r.pick(WORDS)}}`;
    if (leaf < 0.72) return `#${r.pick(WORDS)}`;
    if (leaf < 0.76) return `@${r.pick(['alice', 'bob'])}`;
    if (leaf < 0.8) return `channel:${r.pick(['email', 'rss', 'mastodon'])}`;
    if (leaf < 0.84) return `author:${r.pick(['alice', 'bob', 'al*'])}`;
    if (leaf < 0.87) return `site:${r.pick(['example.com', 'shop.example.com'])}`;
    if (leaf < 0.9) return `url:${r.pick(['example.com/news', 'shop.example.com'])}`;
    if (leaf < 0.95) return `sentiment:${r.pick(['positive', 'negative', 'unanalysed'])}`;
    return `lang:${r.pick(['en', 'fr'])}`;
  }
  if (roll < 0.55) return `(${randomQuery(r, depth + 1)} OR ${randomQuery(r, depth + 1)})`;
  if (roll < 0.8) return `(${randomQuery(r, depth + 1)} AND ${randomQuery(r, depth + 1)})`;
  if (roll < 0.9) return `(${randomQuery(r, depth + 1)} AND NOT ${randomQuery(r, depth + 1)})`;
  const side = () => (r.next() < 0.7 ? r.pick(WORDS) : r.pick(STEMS.filter((s) => !s.startsWith('{'))));
  return `(${side()} NEAR/${Math.floor(r.next() * 3)}${r.next() < 0.3 ? 'f' : ''} ${side()})`;
}

function randomMessage(r: ReturnType<typeof randomness>): MessageToMatch {
  const length = 1 + Math.floor(r.next() * 12);
  const words = Array.from({ length }, () => {
    const roll = r.next();
    if (roll < 0.1) return `#${r.pick(WORDS)}`;
    if (roll < 0.15) return `@${r.pick(['alice', 'bob'])}`;
    return r.pick([...WORDS, 'apples', 'battery', 'the', 'and']);
  });
  // Some long messages, so the position maps used past a few dozen words are checked too.
  const text = r.next() < 0.15 ? Array.from({ length: 8 }, () => words.join(' ')).join(' ') : words.join(' ');
  return {
    text,
    channel: r.pick(['email', 'rss', 'mastodon']),
    authorHandle: r.pick(['alice', 'bob', 'carol']),
    url: r.pick(['https://example.com/news/1', 'https://shop.example.com/x', 'https://other.org/']),
    // No sentiment: a language the scorer does not read.
    sentiment: r.pick(['positive', 'negative', 'neutral', undefined]),
    language: r.pick(['en', 'fr']),
  };
}

describe('query index', () => {
  it('returns exactly the queries whose matcher accepts the message (random queries and messages)', () => {
    const r = randomness(42);
    const index = createQueryIndex();
    const queries = new Map<string, CompiledQuery>();
    while (queries.size < 400) {
      const source = randomQuery(r);
      const parsed = parseQuery(source);
      if (!parsed.ok) continue;
      const id = `q${queries.size}`;
      queries.set(id, compileQuery(parsed.query));
      index.add(id, queries.get(id)!);
    }
    let matchedSomewhere = 0;
    for (let i = 0; i < 1_500; i++) {
      const message = prepareMessage(randomMessage(r));
      const expected = [...queries].filter(([, query]) => query.matches(message)).map(([id]) => id);
      const got = index.match(message);
      expect(got.sort(), JSON.stringify(message.written)).toEqual(expected.sort());
      if (got.length) matchedSomewhere++;
    }
    expect(matchedSomewhere).toBeGreaterThan(500);
  });

  it('does not run every query for every message', () => {
    const index = createQueryIndex();
    let runs = 0;
    for (let i = 0; i < 1_000; i++) {
      const query = compile(`(brand${i} OR "brand${i} shop") AND NOT spam`);
      index.add(`q${i}`, { ...query, matches: (m) => (runs++, query.matches(m)) });
    }
    expect(index.match(prepareMessage({ text: 'I love brand7 and brand8', channel: 'rss' })).sort()).toEqual(['q7', 'q8']);
    expect(runs).toBe(2);
  });

  it('files a phrase under the word fewer queries share, whatever order the queries came in', () => {
    const index = createQueryIndex();
    let runs = 0;
    for (let i = 0; i < 50; i++) {
      const query = compile(`"brand${i} support" AND NOT spam`);
      index.add(`q${i}`, { ...query, matches: (m) => (runs++, query.matches(m)) });
    }
    expect(index.match(prepareMessage({ text: 'Their support is great', channel: 'rss' }))).toEqual([]);
    expect(runs).toBe(0);
    expect(index.match(prepareMessage({ text: 'brand0 support, brand7 support', channel: 'rss' })).sort()).toEqual(['q0', 'q7']);
    expect(runs).toBe(2);
  });

  it('runs queries without anchors for every message, and files field-only queries under their value', () => {
    const index = createQueryIndex();
    index.add('url', compile('url:example.com/news'));
    index.add('email', compile('channel:email AND NOT x'));
    expect(index.match(prepareMessage({ text: 'hi', channel: 'email', url: 'https://example.com/news/1' })).sort()).toEqual([
      'email',
      'url',
    ]);
    expect(index.match(prepareMessage({ text: 'x', channel: 'email' }))).toEqual([]);
  });

  it('replaces a query added again under the same id, and forgets a removed one', () => {
    const index = createQueryIndex();
    index.add('q', compile('apple'));
    index.add('q', compile('pear*'));
    expect(index.size).toBe(1);
    expect(index.match(prepareMessage({ text: 'apple', channel: 'rss' }))).toEqual([]);
    expect(index.match(prepareMessage({ text: 'pears', channel: 'rss' }))).toEqual(['q']);
    index.remove('q');
    expect(index.size).toBe(0);
    expect(index.match(prepareMessage({ text: 'pears', channel: 'rss' }))).toEqual([]);
  });
});
