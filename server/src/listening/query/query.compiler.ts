/**
 * Turns a parsed query into a matcher over prepared messages: a tree of small closures built once
 * per query, so checking a message costs map look-ups and position arithmetic, never re-reading
 * the query or the text. Proximity works on word positions: NEAR/n allows at most n words between
 * the two sides, "…"~n at most n words in the window around all the phrase's words besides them.
 */
import type { ParsedQuery, QueryNode, WordPattern } from './query.ast.js';
import type { PreparedMessage } from './prepared-message.js';
import { compileWildcard, type WordTest } from './wildcard.js';
import { UNANALYSED } from './query-fields.js';

export interface CompiledQuery {
  readonly source: string;
  readonly root: QueryNode;
  matches(message: PreparedMessage): boolean;
}

type Test = (message: PreparedMessage) => boolean;
/** Where a positional part occurs: first and last word position, sorted by start. */
interface Span {
  start: number;
  end: number;
}
type Spans = (message: PreparedMessage) => Span[];

const NONE: readonly number[] = [];

/** Word → its positions, ascending; built for a message only when a phrase, NEAR, wildcard or {Exact} word needs it. */
type Positions = Map<string, number[]>;

function positionIndex(words: readonly string[], position: readonly number[]): Positions {
  const map: Positions = new Map();
  for (let i = 0; i < words.length; i++) {
    const list = map.get(words[i]!);
    if (list) list.push(position[i]!);
    else map.set(words[i]!, [position[i]!]);
  }
  return map;
}

const foldedPositions = new WeakMap<PreparedMessage, Positions>();
const writtenPositions = new WeakMap<PreparedMessage, Positions>();

/** Below this many words, scanning the words beats building a position map for the message. */
const SCAN_LIMIT = 64;

function scan(words: readonly string[], position: readonly number[], word: string): number[] {
  const found: number[] = [];
  for (let i = 0; i < words.length; i++) if (words[i] === word) found.push(position[i]!);
  return found;
}

function byFoldedForm(message: PreparedMessage): Positions {
  let map = foldedPositions.get(message);
  if (!map) foldedPositions.set(message, (map = positionIndex(message.folded, message.position)));
  return map;
}

function byWrittenForm(message: PreparedMessage): Positions {
  let map = writtenPositions.get(message);
  if (!map) writtenPositions.set(message, (map = positionIndex(message.written, message.position)));
  return map;
}

/** The positions of the words a pattern matches, ascending. */
function wordPositions(pattern: WordPattern): (message: PreparedMessage) => readonly number[] {
  if (!pattern.wildcard) {
    const { text } = pattern;
    if (pattern.caseSensitive) {
      return (m) => (m.written.length < SCAN_LIMIT ? scan(m.written, m.position, text) : (byWrittenForm(m).get(text) ?? NONE));
    }
    return (m) => {
      if (!m.words.has(text)) return NONE;
      return m.folded.length < SCAN_LIMIT ? scan(m.folded, m.position, text) : byFoldedForm(m).get(text)!;
    };
  }
  const test = compileWildcard(pattern.text);
  return (m) => {
    const found: number[] = [];
    for (const [word, list] of pattern.caseSensitive ? byWrittenForm(m) : byFoldedForm(m)) if (test(word)) found.push(...list);
    return found.length > 1 ? found.sort((a, b) => a - b) : found;
  };
}

function includes(sorted: readonly number[], value: number): boolean {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const at = sorted[middle]!;
    if (at === value) return true;
    if (at < value) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}

/** Folded words a message must hold for the patterns to match, to turn most messages away before any position work. */
function requiredWords(patterns: readonly WordPattern[]): string[] {
  return patterns.filter((p) => !p.wildcard && !p.caseSensitive).map((p) => p.text);
}

function phraseSpans(patterns: readonly WordPattern[]): Spans {
  const spans = allPhraseSpans(patterns);
  const required = requiredWords(patterns);
  return (m) => {
    for (const word of required) if (!m.words.has(word)) return [];
    return spans(m);
  };
}

function allPhraseSpans(patterns: readonly WordPattern[]): Spans {
  const lookups = patterns.map(wordPositions);
  if (lookups.length === 1) return (m) => lookups[0]!(m).map((at) => ({ start: at, end: at }));
  return (m) => {
    const lists = lookups.map((lookup) => lookup(m));
    if (lists.some((list) => list.length === 0)) return [];
    const spans: Span[] = [];
    for (const start of lists[0]!) {
      if (lists.every((list, i) => i === 0 || includes(list, start + i))) spans.push({ start, end: start + lists.length - 1 });
    }
    return spans;
  };
}

/**
 * The smallest windows holding every word of the phrase (a repeated word needs as many distinct
 * occurrences), kept when they contain at most `slack` other words.
 */
function proximitySpans(patterns: readonly WordPattern[], slack: number): Spans {
  const keys = patterns.map((p) => `${p.caseSensitive ? '=' : ''}${p.text}`);
  const distinct = [...new Set(keys)];
  const needed = distinct.map((key) => keys.filter((k) => k === key).length);
  const lookups = distinct.map((key) => wordPositions(patterns[keys.indexOf(key)]!));
  const total = patterns.length;
  return (m) => {
    const events: [number, number][] = [];
    for (let i = 0; i < lookups.length; i++) {
      const list = lookups[i]!(m);
      if (list.length < needed[i]!) return [];
      for (const at of list) events.push([at, i]);
    }
    events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const counts = new Array<number>(lookups.length).fill(0);
    let missing = lookups.length;
    const spans: Span[] = [];
    let low = 0;
    for (const [at, which] of events) {
      if (++counts[which]! === needed[which]!) missing--;
      while (missing === 0) {
        const [first, firstWhich] = events[low]!;
        if (at - first + 1 - total <= slack) spans.push({ start: first, end: at });
        if (counts[firstWhich]!-- === needed[firstWhich]!) missing++;
        low++;
      }
    }
    return spans;
  };
}

/** The span in `sorted` (by start) nearest after `end`, by binary search. */
function firstStartingAfter(sorted: readonly Span[], end: number): Span | undefined {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle]!.start > end) high = middle;
    else low = middle + 1;
  }
  return sorted[low];
}

/** Pairs each left occurrence with the nearest right one on each allowed side. */
function nearSpans(left: Spans, right: Spans, distance: number, ordered: boolean): Spans {
  return (m) => {
    const lefts = left(m);
    if (lefts.length === 0) return [];
    const rights = right(m);
    if (rights.length === 0) return [];
    const rightsByEnd = ordered ? [] : [...rights].sort((a, b) => a.end - b.end);
    const spans: Span[] = [];
    for (const a of lefts) {
      const after = firstStartingAfter(rights, a.end);
      if (after && after.start - a.end - 1 <= distance) spans.push({ start: a.start, end: after.end });
      if (ordered) continue;
      const before = lastEndingBefore(rightsByEnd, a.start);
      if (before && a.start - before.end - 1 <= distance) spans.push({ start: before.start, end: a.end });
    }
    return spans.sort((x, y) => x.start - y.start);
  };
}

function lastEndingBefore(sortedByEnd: readonly Span[], start: number): Span | undefined {
  let low = 0;
  let high = sortedByEnd.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sortedByEnd[middle]!.end < start) low = middle + 1;
    else high = middle;
  }
  return sortedByEnd[low - 1];
}

function spansOf(node: QueryNode): Spans {
  switch (node.kind) {
    case 'words':
      return node.proximity === null || node.words.length === 1 ? phraseSpans(node.words) : proximitySpans(node.words, node.proximity);
    case 'near':
      return nearSpans(spansOf(node.left), spansOf(node.right), node.distance, node.ordered);
    case 'or': {
      const parts = node.children.map(spansOf);
      return (m) => parts.flatMap((part) => part(m)).sort((a, b) => a.start - b.start);
    }
    default:
      // The parser only lets words, NEAR and OR-groups of them stand on a side of NEAR.
      throw new Error(`${node.kind} has no word positions`);
  }
}

function authorTest(value: string, wildcard: boolean): Test {
  if (!wildcard) return (m) => m.authors.has(value);
  const test: WordTest = compileWildcard(value);
  return (m) => {
    for (const author of m.authors) if (test(author)) return true;
    return false;
  };
}

function fieldTest(node: Extract<QueryNode, { kind: 'field' }>): Test {
  const { value } = node;
  switch (node.field) {
    case 'author':
      return authorTest(value, node.wildcard);
    case 'channel':
      return (m) => m.channel === value;
    case 'lang':
      return (m) => m.language === value;
    case 'sentiment':
      return value === UNANALYSED ? (m) => m.sentiment === null : (m) => m.sentiment === value;
    case 'intent':
      return (m) => m.intent === value;
    case 'site':
      return (m) => m.sites.includes(value);
    case 'url':
      return (m) => m.url !== null && m.url.startsWith(value);
  }
}

const plainWord = (node: QueryNode): string | null =>
  node.kind === 'words' && node.words.length === 1 && !node.words[0]!.wildcard && !node.words[0]!.caseSensitive
    ? node.words[0]!.text
    : null;

function orTest(children: readonly QueryNode[]): Test {
  // Long OR-lists of brand variants are the common case: one pass over whichever side is shorter.
  const words = new Set<string>();
  const others: Test[] = [];
  for (const child of children) {
    const word = plainWord(child);
    if (word !== null) words.add(word);
    else others.push(testOf(child));
  }
  const list = [...words];
  const anyWord: Test = (m) => {
    if (m.words.size < list.length) {
      for (const word of m.words) if (words.has(word)) return true;
      return false;
    }
    for (const word of list) if (m.words.has(word)) return true;
    return false;
  };
  if (others.length === 0) return anyWord;
  return (m) => {
    if (list.length > 0 && anyWord(m)) return true;
    for (const test of others) if (test(m)) return true;
    return false;
  };
}

function testOf(node: QueryNode): Test {
  switch (node.kind) {
    case 'and': {
      const tests = node.children.map(testOf);
      return (m) => {
        for (const test of tests) if (!test(m)) return false;
        return true;
      };
    }
    case 'or':
      return orTest(node.children);
    case 'not': {
      const test = testOf(node.child);
      return (m) => !test(m);
    }
    case 'words': {
      const word = plainWord(node);
      if (word !== null) return (m) => m.words.has(word);
      const only = node.words.length === 1 ? node.words[0]! : null;
      if (only?.wildcard && !only.caseSensitive) {
        const test = compileWildcard(only.text);
        return (m) => {
          for (const candidate of m.words) if (test(candidate)) return true;
          return false;
        };
      }
      const spans = spansOf(node);
      return (m) => spans(m).length > 0;
    }
    case 'near': {
      const spans = spansOf(node);
      return (m) => spans(m).length > 0;
    }
    case 'hashtag':
      return (m) => m.hashtags.has(node.tag);
    case 'mention':
      return (m) => m.mentions.has(node.handle);
    case 'field':
      return fieldTest(node);
  }
}

export function compileQuery(parsed: ParsedQuery): CompiledQuery {
  const matches = testOf(parsed.root);
  return { source: parsed.source, root: parsed.root, matches };
}
