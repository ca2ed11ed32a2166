/**
 * The live matcher for all active queries of a workspace: each query is filed under its anchors
 * (see query-anchors.ts), and a message only runs the queries woken by its words, word prefixes,
 * hashtags, mentions, author and fields, plus the few that have no anchor at all. Matching a
 * message therefore costs about its number of distinct words, not the number of queries.
 */
import { anchorsOf, PREFIX_BUCKET_LENGTH, type Anchor } from './query-anchors.js';
import type { CompiledQuery } from './query.compiler.js';
import type { PreparedMessage } from './prepared-message.js';

interface Entry {
  readonly id: string;
  readonly query: CompiledQuery;
  readonly anchors: readonly Anchor[] | null;
  /** The last match call that ran this query, so a query woken twice runs once. */
  seen: number;
}

export interface QueryIndex {
  /** Adds a query, or replaces the one with the same id. */
  add(id: string, query: CompiledQuery): void;
  remove(id: string): void;
  /** The ids of the queries the message matches, in no particular order. */
  match(message: PreparedMessage): string[];
  readonly size: number;
}

type Buckets = Map<string, Entry[]>;
const BUCKET_LENGTH = PREFIX_BUCKET_LENGTH;

export function createQueryIndex(): QueryIndex {
  const entries = new Map<string, Entry>();
  const always = new Set<Entry>();
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
  /** How many queries sit in the prefix buckets of each length (1…PREFIX_BUCKET_LENGTH). */
  const prefixLengths = new Array<number>(PREFIX_BUCKET_LENGTH + 1).fill(0);
  let call = 0;

  const file = (entry: Entry, anchor: Anchor) => {
    const bucket = buckets[anchor.kind];
    const list = bucket.get(anchor.value);
    if (list) list.push(entry);
    else bucket.set(anchor.value, [entry]);
    if (anchor.kind === 'prefix') prefixLengths[anchor.value.length]!++;
  };

  const unfile = (entry: Entry, anchor: Anchor) => {
    const bucket = buckets[anchor.kind];
    const list = bucket.get(anchor.value);
    if (!list) return;
    const at = list.indexOf(entry);
    if (at === -1) return;
    list.splice(at, 1);
    if (list.length === 0) bucket.delete(anchor.value);
    if (anchor.kind === 'prefix') prefixLengths[anchor.value.length]!--;
  };

  const remove = (id: string) => {
    const entry = entries.get(id);
    if (!entry) return;
    entries.delete(id);
    if (entry.anchors) for (const anchor of entry.anchors) unfile(entry, anchor);
    else always.delete(entry);
  };

  return {
    add(id, query) {
      remove(id);
      const found = anchorsOf(query.root);
      const anchors = found ? [...new Map(found.anchors.map((a) => [`${a.kind}:${a.value}`, a])).values()] : null;
      const entry: Entry = { id, query, anchors, seen: 0 };
      entries.set(id, entry);
      if (entry.anchors) for (const anchor of entry.anchors) file(entry, anchor);
      else always.add(entry);
    },
    remove,
    get size() {
      return entries.size;
    },
    match(message) {
      const stamp = ++call;
      const matched: string[] = [];
      const run = (list: readonly Entry[] | undefined) => {
        if (!list) return;
        for (const entry of list) {
          if (entry.seen === stamp) continue;
          entry.seen = stamp;
          if (entry.query.matches(message)) matched.push(entry.id);
        }
      };
      for (const entry of always) {
        entry.seen = stamp;
        if (entry.query.matches(message)) matched.push(entry.id);
      }
      const usesPrefixes = prefixLengths.some((count) => count > 0);
      for (const word of message.words) {
        run(buckets.word.get(word));
        if (!usesPrefixes) continue;
        for (let length = 1; length <= BUCKET_LENGTH && length <= word.length; length++) {
          if (prefixLengths[length]! > 0) run(buckets.prefix.get(word.slice(0, length)));
        }
      }
      for (const tag of message.hashtags) run(buckets.hashtag.get(tag));
      for (const handle of message.mentions) run(buckets.mention.get(handle));
      for (const author of message.authors) run(buckets.author.get(author));
      for (const site of message.sites) run(buckets.site.get(site));
      run(buckets.channel.get(message.channel));
      if (message.language) run(buckets.lang.get(message.language));
      if (message.sentiment) run(buckets.sentiment.get(message.sentiment));
      if (message.intent) run(buckets.intent.get(message.intent));
      return matched;
    },
  };
}
