/**
 * The live matcher for all active queries of a workspace: each query is filed under its anchors
 * (see query-anchors.ts), and a message only runs the queries woken by its words, word prefixes,
 * hashtags, mentions, author and fields, plus the few that have no anchor at all. Matching a
 * message therefore costs about its number of words, not the number of queries.
 *
 * Anchors depend on every query of the index (a word many queries share is a poor anchor), so
 * queries are filed again, all at once, at the first match after the queries changed: an index is
 * built once and then matches many messages.
 */
import { UNANALYSED } from './query-fields.js';
import { anchorsOf, literalWords, PREFIX_BUCKET_LENGTH, type Anchor } from './query-anchors.js';
import type { CompiledQuery } from './query.compiler.js';
import type { PreparedMessage } from './prepared-message.js';

interface Entry {
  readonly id: string;
  readonly query: CompiledQuery;
  /** The folded words the query mentions, counted in `uses`. */
  readonly words: ReadonlySet<string>;
  /** The last match call that ran this query, so a query woken twice runs once. */
  seen: number;
  /** The words its word, hashtag and mention anchors are written with (see `subjectOf`). */
  subject: readonly string[];
}

export interface QueryIndex {
  /** Adds a query, or replaces the one with the same id. */
  add(id: string, query: CompiledQuery): void;
  remove(id: string): void;
  /** The ids of the queries the message matches, in no particular order. */
  match(message: PreparedMessage): string[];
  /**
   * What a query is about, as folded words: the words, hashtags and handles (without their host)
   * it is filed under, one of which names its subject in any message it matches through them
   * ("acme OR #acme" → acme). Empty for a query filed under fields or word prefixes only.
   */
  subjectOf(id: string): readonly string[];
  readonly size: number;
}

type Buckets = Map<string, Entry[]>;

/**
 * Most words of a message are under no anchor. A table of the (length, first letter, last letter)
 * of the anchor words turns nearly all of them away before any hashing; the same for the first two
 * letters of wildcard stems.
 */
const FILTER_SIZE = 1 << 14;
// The match loop computes the same key inline: it runs for every word of every message.
const wordKey = (word: string) => ((word.length & 15) << 10) | ((word.charCodeAt(0) & 31) << 5) | (word.charCodeAt(word.length - 1) & 31);
const stemKey = (word: string) => ((word.charCodeAt(0) & 127) << 7) | (word.charCodeAt(1) & 127);

function run(list: readonly Entry[] | undefined, message: PreparedMessage, stamp: number, matched: string[]) {
  if (!list) return;
  for (const entry of list) {
    if (entry.seen === stamp) continue;
    entry.seen = stamp;
    if (entry.query.matches(message)) matched.push(entry.id);
  }
}

function subjectWords(anchors: readonly Anchor[]): string[] {
  const words = new Set<string>();
  for (const anchor of anchors) {
    if (anchor.kind === 'word' || anchor.kind === 'hashtag') words.add(anchor.value);
    else if (anchor.kind === 'mention') words.add(anchor.value.split('@')[0]!);
  }
  words.delete('');
  return [...words];
}

export function createQueryIndex(): QueryIndex {
  const entries = new Map<string, Entry>();
  /** How many queries mention each folded word. */
  const uses = new Map<string, number>();
  const always: Entry[] = [];
  const buckets: Record<Anchor['kind'], Buckets> = {
    word: new Map(),
    prefix: new Map(),
    hashtag: new Map(),
    mention: new Map(),
    author: new Map(),
    site: new Map(),
    channel: new Map(),
    lang: new Map(),
    sentiment: new Map(),
    intent: new Map(),
  };
  const anchorWords = new Uint8Array(FILTER_SIZE);
  const anchorStems = new Uint8Array(FILTER_SIZE);
  /** Whether any prefix bucket has stems of each length (1…PREFIX_BUCKET_LENGTH). */
  const prefixLengths = new Array<boolean>(PREFIX_BUCKET_LENGTH + 1).fill(false);
  let anyPrefix = false;
  let filed = true;
  let call = 0;

  const file = (entry: Entry, anchor: Anchor) => {
    const bucket = buckets[anchor.kind];
    const list = bucket.get(anchor.value);
    if (list) list.push(entry);
    else bucket.set(anchor.value, [entry]);
    if (anchor.kind === 'word') anchorWords[wordKey(anchor.value)] = 1;
    if (anchor.kind === 'prefix') {
      prefixLengths[anchor.value.length] = true;
      anyPrefix = true;
      if (anchor.value.length > 1) anchorStems[stemKey(anchor.value)] = 1;
    }
  };

  const fileAll = () => {
    for (const bucket of Object.values(buckets)) bucket.clear();
    always.length = 0;
    anchorWords.fill(0);
    anchorStems.fill(0);
    prefixLengths.fill(false);
    anyPrefix = false;
    const usesOf = (word: string) => uses.get(word) ?? 0;
    for (const entry of entries.values()) {
      const found = anchorsOf(entry.query.root, usesOf);
      entry.subject = found ? subjectWords(found.anchors) : [];
      if (!found) {
        always.push(entry);
        continue;
      }
      const distinct = new Map(found.anchors.map((anchor) => [`${anchor.kind}:${anchor.value}`, anchor]));
      for (const anchor of distinct.values()) file(entry, anchor);
    }
    filed = true;
  };

  const remove = (id: string) => {
    const entry = entries.get(id);
    if (!entry) return;
    entries.delete(id);
    for (const word of entry.words) {
      const left = uses.get(word)! - 1;
      if (left === 0) uses.delete(word);
      else uses.set(word, left);
    }
    filed = false;
  };

  return {
    add(id, query) {
      remove(id);
      const entry: Entry = { id, query, words: literalWords(query.root), seen: 0, subject: [] };
      entries.set(id, entry);
      for (const word of entry.words) uses.set(word, (uses.get(word) ?? 0) + 1);
      filed = false;
    },
    remove,
    get size() {
      return entries.size;
    },
    subjectOf(id) {
      if (!filed) fileAll();
      return entries.get(id)?.subject ?? [];
    },
    match(message) {
      if (!filed) fileAll();
      const stamp = ++call;
      const matched: string[] = [];
      for (const entry of always) {
        entry.seen = stamp;
        if (entry.query.matches(message)) matched.push(entry.id);
      }
      // The words in reading order, repeats included: a repeat costs a table look-up, less than building the set of words.
      for (const word of message.folded) {
        const length = word.length;
        const key = ((length & 15) << 10) | ((word.charCodeAt(0) & 31) << 5) | (word.charCodeAt(length - 1) & 31);
        if (anchorWords[key] === 1) run(buckets.word.get(word), message, stamp, matched);
        if (!anyPrefix) continue;
        if (prefixLengths[1]) run(buckets.prefix.get(word.slice(0, 1)), message, stamp, matched);
        if (length < 2 || anchorStems[stemKey(word)] === 0) continue;
        for (let stem = 2; stem <= PREFIX_BUCKET_LENGTH && stem <= length; stem++) {
          if (prefixLengths[stem]) run(buckets.prefix.get(word.slice(0, stem)), message, stamp, matched);
        }
      }
      for (const tag of message.hashtags) run(buckets.hashtag.get(tag), message, stamp, matched);
      for (const handle of message.mentions) run(buckets.mention.get(handle), message, stamp, matched);
      for (const author of message.authors) run(buckets.author.get(author), message, stamp, matched);
      for (const site of message.sites) run(buckets.site.get(site), message, stamp, matched);
      run(buckets.channel.get(message.channel), message, stamp, matched);
      if (message.language) run(buckets.lang.get(message.language), message, stamp, matched);
      run(buckets.sentiment.get(message.sentiment ?? UNANALYSED), message, stamp, matched);
      if (message.intent) run(buckets.intent.get(message.intent), message, stamp, matched);
      return matched;
    },
  };
}
