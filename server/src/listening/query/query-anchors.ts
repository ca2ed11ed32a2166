/**
 * Anchors: for one query, a set of things at least one of which every matching message must
 * hold (a word, a word prefix, a hashtag, a field value…). The query index files each query
 * under its anchors, so a message only wakes the queries whose anchors it holds. OR needs any
 * side, so it takes the union; AND needs all sides, so the cheapest side is enough; NOT and
 * `url:` give no anchor, and a query with none is checked against every message.
 *
 * A word's cost guesses how common it is from its length (the, de, is are short) and from how
 * many of the workspace's queries use it: a word shared by many queries ("support", "price") is
 * a common word, while a brand name belongs to few. So `"acme support"` is filed under "acme".
 */
import type { QueryNode, WordPattern } from './query.ast.js';
import { literalStem } from './wildcard.js';
import { foldWord } from './text-words.js';

/** Prefix buckets hold wildcard words by their first letters, at most this many. */
export const PREFIX_BUCKET_LENGTH = 4;

export type Anchor =
  | { readonly kind: 'word'; readonly value: string }
  | { readonly kind: 'prefix'; readonly value: string }
  | { readonly kind: 'hashtag' | 'mention' | 'author' | 'site' | 'channel' | 'lang' | 'sentiment' | 'intent'; readonly value: string };

export interface Anchors {
  readonly anchors: readonly Anchor[];
  /** A guess at how many messages wake the query: rare words are cheap, a channel is dear. */
  readonly cost: number;
}

/** Roughly how many messages in a thousand carry each kind of anchor. */
const FIELD_COSTS = { lang: 300, sentiment: 350, intent: 250, channel: 400, site: 20, author: 1 } as const;
const PREFIX_COSTS = [0, 200, 60, 15, 5];

/** How many of the indexed queries use a (folded) word. */
export type WordUses = (word: string) => number;

/** The form a word pattern is filed under: {Exact} words are found among the folded words too, so their folded form is sound. */
const filedForm = (word: WordPattern) => (word.caseSensitive ? foldWord(word.text) : word.text);

function wordAnchor(word: WordPattern, uses: WordUses): Anchors {
  const folded = filedForm(word);
  if (!word.wildcard) {
    return { anchors: [{ kind: 'word', value: folded }], cost: (1 + 4 / folded.length) * (1 + Math.log2(Math.max(1, uses(folded)))) };
  }
  const stem = literalStem(folded).slice(0, PREFIX_BUCKET_LENGTH);
  return { anchors: [{ kind: 'prefix', value: stem }], cost: PREFIX_COSTS[stem.length]! };
}

/** The folded words (not wildcards) a query mentions, each once: what `WordUses` counts. */
export function literalWords(node: QueryNode, into = new Set<string>()): Set<string> {
  switch (node.kind) {
    case 'and':
    case 'or':
      for (const child of node.children) literalWords(child, into);
      break;
    case 'not':
      literalWords(node.child, into);
      break;
    case 'near':
      literalWords(node.left, into);
      literalWords(node.right, into);
      break;
    case 'words':
      for (const word of node.words) if (!word.wildcard) into.add(filedForm(word));
      break;
    case 'hashtag':
    case 'mention':
    case 'field':
      break;
  }
  return into;
}

function cheapest(options: readonly (Anchors | null)[]): Anchors | null {
  let best: Anchors | null = null;
  for (const option of options) if (option && (!best || option.cost < best.cost)) best = option;
  return best;
}

function union(options: readonly (Anchors | null)[]): Anchors | null {
  const anchors: Anchor[] = [];
  let cost = 0;
  for (const option of options) {
    if (!option) return null;
    anchors.push(...option.anchors);
    cost += option.cost;
  }
  return { anchors, cost };
}

export function anchorsOf(node: QueryNode, uses: WordUses): Anchors | null {
  switch (node.kind) {
    case 'and':
      return cheapest(node.children.map((child) => anchorsOf(child, uses)));
    case 'or':
      return union(node.children.map((child) => anchorsOf(child, uses)));
    case 'not':
      return null;
    case 'near':
      return cheapest([anchorsOf(node.left, uses), anchorsOf(node.right, uses)]);
    case 'words':
      return cheapest(node.words.map((word) => wordAnchor(word, uses)));
    case 'hashtag':
      return { anchors: [{ kind: 'hashtag', value: node.tag }], cost: 1 };
    case 'mention':
      return { anchors: [{ kind: 'mention', value: node.handle }], cost: 1 };
    case 'field':
      if (node.field === 'url' || node.wildcard) return null;
      return { anchors: [{ kind: node.field, value: node.value }], cost: FIELD_COSTS[node.field] };
  }
}
