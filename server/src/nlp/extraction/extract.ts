// Pulls what a message talks about out of its text: hashtags, @mentions (Mastodon's
// @user@server too), links, keywords, and named entities found by a light heuristic (capitalised
// word runs with organisation, person and product cues). Pure and bounded: a fixed prefix of the
// text is read and every list is capped.

import { boundedText } from '../text/bounded-text.js';
import { topKeywords } from './keywords.js';
import { findNamedEntities, type NamedEntity } from './named-entities.js';

/** Longest list returned for each kind. */
export const MAX_PER_KIND = 20;

export interface Extraction {
  /** Without the '#', as first written; unique regardless of case. */
  readonly hashtags: string[];
  /** Without the leading '@': `user` or, on the fediverse, `user@server`. Unique regardless of case. */
  readonly mentions: string[];
  readonly urls: string[];
  /** The most frequent content words, lower-cased, most frequent first. */
  readonly keywords: string[];
  readonly entities: NamedEntity[];
}

/**
 * A sticky pattern with the text that every match of it holds, and where from the match's start:
 * matches are looked for only there, found with `indexOf`. Left to search on its own, the regex
 * engine tries every position of the text, since a pattern opening with a lookbehind or `\b` gives
 * it nothing to skip ahead to.
 */
interface AnchoredPattern {
  readonly pattern: RegExp;
  readonly marker: string;
  /** Where the marker can stand from a match's start, largest first, so that starts are tried in text order. */
  readonly offsets: readonly number[];
}

/** "://" is 5 units into "https://" and 4 into "http://": under /iu, only single units match h, t, p and s. */
const URL: AnchoredPattern = { pattern: /\bhttps?:\/\/[^\s<>"'`]+/iuy, marker: '://', offsets: [5, 4] };
const HASHTAG: AnchoredPattern = {
  pattern: /(?<![\p{L}\p{M}\p{N}_&/#])#([\p{L}\p{M}\p{N}_]*\p{L}[\p{L}\p{M}\p{N}_]*)/uy,
  marker: '#',
  offsets: [0],
};
const MENTION: AnchoredPattern = {
  pattern: /(?<![\p{L}\p{M}\p{N}_.@/])@([A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?)(?:@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+))?/uy,
  marker: '@',
  offsets: [0],
};
const TRAILING_PUNCTUATION = /[.,;:!?'"’”»)\]}>]+$/u;

function uniqueIgnoringCase(values: readonly string[]): string[] {
  if (values.length === 0) return [];
  const seen = new Set<string>();
  const unique: string[] = [];
  for (const value of values) {
    const key = value.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push(value);
    if (unique.length === MAX_PER_KIND) break;
  }
  return unique;
}

/** Trailing punctuation belongs to the sentence, except a ')' that closes one opened in the link. */
function trimUrl(raw: string): string {
  let url = raw.replace(TRAILING_PUNCTUATION, '');
  const trimmed = raw.slice(url.length);
  const opens = (url.match(/\(/g) ?? []).length;
  const closes = (url.match(/\)/g) ?? []).length;
  if (trimmed.startsWith(')') && opens > closes) url += ')';
  return url;
}

/**
 * Every match of `anchored` in `text`, in order, as a global search (`text.replace(pattern, …)`) visits
 * them: the leftmost match not overlapping the one before. Markers are met in order, and so are the
 * starts they give (two "://" are at least three units apart, more than the offsets differ).
 */
function allMatches({ pattern, marker, offsets }: AnchoredPattern, text: string): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  let from = 0;
  for (let at = text.indexOf(marker); at >= 0; at = text.indexOf(marker, at + 1)) {
    for (const offset of offsets) {
      if (at - offset < from) continue;
      pattern.lastIndex = at - offset;
      const match = pattern.exec(text);
      if (match === null) continue;
      found.push(match);
      from = pattern.lastIndex;
      break;
    }
  }
  return found;
}

/**
 * `text` with each of `found` (matches in it, in order) replaced by a space, as `text.replace(pattern, ' ')`
 * gives it but without matching again. Joined, not concatenated: a concatenation is a rope that the
 * character loops after this would read far more slowly.
 */
function withoutMatches(text: string, found: readonly RegExpExecArray[]): string {
  if (found.length === 0) return text;
  const kept: string[] = [];
  let from = 0;
  for (const match of found) {
    kept.push(text.slice(from, match.index));
    from = match.index + match[0].length;
  }
  kept.push(text.slice(from));
  return kept.join(' ');
}

/** Shared by every message without a link, tag or mention (most of them); never written to. */
const NO_MATCHES: readonly RegExpExecArray[] = [];

const mentionOf = (match: RegExpExecArray) => (match[2] === undefined ? (match[1] ?? '') : `${match[1]}@${match[2]}`);

/** `list` itself when short enough (it is fresh, so no copy is needed), else its first `max` items. */
function atMost<T>(list: T[], max: number): T[] {
  return list.length <= max ? list : list.slice(0, max);
}

export function extractEntities(text: string): Extraction {
  const read = boundedText(text);
  // Most messages have no link, tag or mention: skip those scans cheaply. Each pattern is run once,
  // and the text without its matches is cut from the matches found.
  const hasUrl = read.includes('://');
  const hasTag = read.includes('#');
  const hasMention = read.includes('@');
  const urlMatches = hasUrl ? allMatches(URL, read) : NO_MATCHES;
  const urls = hasUrl ? uniqueIgnoringCase(urlMatches.map(([raw]) => trimUrl(raw))) : [];
  const withoutUrls = withoutMatches(read, urlMatches);
  const tagMatches = hasTag ? allMatches(HASHTAG, withoutUrls) : NO_MATCHES;
  const hashtags = hasTag ? uniqueIgnoringCase(tagMatches.map((match) => match[1] ?? '')) : [];
  const mentionMatches = hasMention ? allMatches(MENTION, withoutUrls) : NO_MATCHES;
  const mentions = hasMention ? uniqueIgnoringCase(mentionMatches.map(mentionOf)) : [];
  const withoutMentions = withoutMatches(withoutUrls, mentionMatches);
  // Taking out a mention can make a tag of what followed it ("@shop#deal"), so tags are looked for
  // again in what is left, unless nothing was taken out.
  const plainTags = !hasTag || mentionMatches.length === 0 ? tagMatches : allMatches(HASHTAG, withoutMentions);
  const plain = withoutMatches(withoutMentions, plainTags);
  return {
    hashtags,
    mentions,
    urls,
    keywords: topKeywords(plain),
    entities: atMost(findNamedEntities(plain), MAX_PER_KIND),
  };
}
