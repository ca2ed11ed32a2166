/**
 * Measures live matching: how many messages per second one core prepares and matches against a
 * query index holding many realistic listening queries (brand OR-lists with hashtags and
 * mentions, phrases, NEAR, wildcards, NOTs, fields). Message texts are the real posts, feeds and
 * mails under test/fixtures/corpora, plus generated posts built from their words that name the
 * brands, so that queries are woken and some match.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileQuery, createQueryIndex, parseQuery, prepareMessage, type MessageToMatch } from '../../server/src/listening/query/index.js';

const CORPORA = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../test/fixtures/corpora');
const TEXT_KEYS = new Set(['text', 'content', 'body', 'message', 'description', 'title', 'summary', 'caption', 'selftext', 'full_text']);
const MARKUP = /<[^>]{0,500}>|&[a-z#0-9]{1,8};/gi;

export interface MatchingOptions {
  queries: number;
  messages: number;
  seconds: number;
}

export interface MatchingResult {
  messagesPerSecond: number;
  /** The same over the process's CPU time rather than the clock: the per-core figure on a machine shared with other work. */
  messagesPerCpuSecond: number;
  queries: number;
  matchesPerMessage: number;
}

/** Deterministic random numbers (mulberry32): the same run every time. */
function randomness(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return { next, pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]! };
}

function collectStrings(value: unknown, into: string[]) {
  if (Array.isArray(value)) for (const item of value) collectStrings(item, into);
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (typeof inner === 'string' && TEXT_KEYS.has(key)) into.push(inner);
      else collectStrings(inner, into);
    }
  }
}

function textsOf(file: string): string[] {
  const raw = readFileSync(file, 'utf8');
  const texts: string[] = [];
  if (file.endsWith('.json')) collectStrings(JSON.parse(raw), texts);
  else if (file.endsWith('.jsonl')) {
    for (const line of raw.split('\n')) if (line.trim()) collectStrings(JSON.parse(line), texts);
  } else if (/\.(xml|atom|rss)$/.test(file))
    for (const m of raw.matchAll(/<(title|description|content|summary)[^>]*>([\s\S]*?)<\/\1>/g)) texts.push(m[2]!);
  else if (file.endsWith('.eml'))
    texts.push(
      raw
        .split(/\r?\n\r?\n/)
        .slice(1)
        .join('\n'),
    );
  return texts.map((text) => text.replace(MARKUP, ' ').replace(/\s+/g, ' ').trim()).filter((text) => text.split(' ').length >= 3);
}

function corpusTexts(): string[] {
  const files = readdirSync(CORPORA, { recursive: true }).map(String);
  return files
    .filter((name) => !name.endsWith('README.md'))
    .flatMap((name) => {
      try {
        return textsOf(path.join(CORPORA, name));
      } catch {
        return [];
      }
    });
}

const SYLLABLES = ['zen', 'kor', 'vo', 'lux', 'ta', 'mir', 'pex', 'on', 'ria', 'dul', 'fy', 'bra', 'neo', 'qui', 'sol', 'ver'];

/** Invented but word-like brand names: brand 0 is "zenkor", and so on. */
function brandName(i: number): string {
  const a = SYLLABLES[i % SYLLABLES.length]!;
  const b = SYLLABLES[Math.floor(i / SYLLABLES.length) % SYLLABLES.length]!;
  const c = i >= SYLLABLES.length ** 2 ? SYLLABLES[Math.floor(i / SYLLABLES.length ** 2) % SYLLABLES.length]! : '';
  return a + b + c + (i >= SYLLABLES.length ** 3 ? String(i) : '');
}

function querySource(i: number, pick: <T>(items: readonly T[]) => T): string {
  const name = brandName(i);
  const rival = brandName((i * 7 + 3) % Math.max(1, i + 50));
  switch (i % 8) {
    case 0:
      return `(${name} OR "${name} app" OR ${name}app OR #${name} OR @${name}) AND NOT (job OR jobs OR hiring OR "we are hiring")`;
    case 1:
      return `"${name} ${pick(['support', 'store', 'card', 'update'])}" OR (${name} NEAR/3 (price OR cost* OR cheap* OR expensive))`;
    case 2:
      return `{${name[0]!.toUpperCase()}${name.slice(1)}} AND (love OR hate OR broken OR refund* OR "customer service")`;
    case 3:
      return `${name}* AND lang:${pick(['en', 'fr', 'de'])}`;
    case 4:
      return `(${name} OR ${rival}) AND channel:(twitter OR mastodon OR bluesky) AND sentiment:negative`;
    case 5:
      return `author:${name} OR site:${name}.com OR #${name}love`;
    case 6:
      return `"${name} support"~3 AND NOT (spam OR giveaway)`;
    default:
      return `(${name} OR ${name}s) NEAR/5f (launch* OR release* OR announce*) -${rival}`;
  }
}

function buildMessages(count: number, brands: number, random: ReturnType<typeof randomness>): MessageToMatch[] {
  const texts = corpusTexts();
  const vocabulary = texts
    .join(' ')
    .split(/\s+/)
    .filter((word) => /^[\p{L}]{2,}$/u.test(word));
  const channels = ['twitter', 'mastodon', 'bluesky', 'rss', 'email', 'reddit'];
  const messages: MessageToMatch[] = [];
  for (let i = 0; i < count; i++) {
    let text: string;
    if (i % 3 === 0 && texts.length) text = texts[i % texts.length]!;
    else {
      const words = Array.from({ length: 8 + Math.floor(random.next() * 30) }, () => random.pick(vocabulary));
      // About half the posts name a brand, as a word, a hashtag or a mention.
      if (random.next() < 0.5) {
        const name = brandName(Math.floor(random.next() * brands));
        const at = Math.floor(random.next() * words.length);
        words.splice(at, 0, random.pick([name, name, `#${name}`, `@${name}`, `${name} support`, `${name} launches`]));
      }
      text = words.join(' ');
    }
    messages.push({
      text,
      channel: random.pick(channels),
      language: random.pick(['en', 'en', 'fr', 'de']),
      authorHandle: random.next() < 0.01 ? brandName(Math.floor(random.next() * brands)) : `user${Math.floor(random.next() * 5_000)}`,
      url: `https://${random.pick(['example.com', 'news.example.org', `${brandName(Math.floor(random.next() * brands))}.com`])}/p/${i}`,
      sentiment: random.pick(['positive', 'negative', 'neutral']),
    });
  }
  return messages;
}

/** Runs for `seconds` of CPU time after a short warm-up; counts preparing each message and matching it against every query. */
export function measureMatching(options: MatchingOptions): MatchingResult {
  const random = randomness(2026);
  const index = createQueryIndex();
  for (let i = 0; i < options.queries; i++) {
    const parsed = parseQuery(querySource(i, random.pick));
    if (!parsed.ok) throw new Error(`bench query ${i} does not parse: ${parsed.error.message}`);
    index.add(`q${i}`, compileQuery(parsed.query));
  }
  const messages = buildMessages(options.messages, options.queries, random);
  // The budgets are CPU time: on a machine shared with other work a wall-clock budget would end
  // the warm-up before the code is optimised, and measure less than was meant.
  const run = (budgetMs: number) => {
    let done = 0;
    let matches = 0;
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    let cpuMs = 0;
    while (cpuMs < budgetMs) {
      for (let i = 0; i < 256; i++) matches += index.match(prepareMessage(messages[(done + i) % messages.length]!)).length;
      done += 256;
      const cpu = process.cpuUsage(cpuBefore);
      cpuMs = (cpu.user + cpu.system) / 1_000;
    }
    return { done, matches, elapsed: performance.now() - started, cpuMs };
  };
  run(Math.min(500, options.seconds * 200));
  const { done, matches, elapsed, cpuMs } = run(options.seconds * 1_000);
  return {
    messagesPerSecond: Math.round((done / elapsed) * 1_000),
    messagesPerCpuSecond: Math.round((done / cpuMs) * 1_000),
    queries: index.size,
    matchesPerMessage: matches / done,
  };
}
