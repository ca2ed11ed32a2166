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

const URL = /\bhttps?:\/\/[^\s<>"'`]+/giu;
const HASHTAG = /(?<![\p{L}\p{M}\p{N}_&/#])#([\p{L}\p{M}\p{N}_]*\p{L}[\p{L}\p{M}\p{N}_]*)/gu;
const MENTION = /(?<![\p{L}\p{M}\p{N}_.@/])@([A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?)(?:@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+))?/gu;
const TRAILING_PUNCTUATION = /[.,;:!?'"’”»)\]}>]+$/u;

function uniqueIgnoringCase(values: Iterable<string>): string[] {
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

function* matches(pattern: RegExp, text: string, format: (match: RegExpMatchArray) => string): Generator<string> {
  for (const match of text.matchAll(pattern)) yield format(match);
}

export function extractEntities(text: string): Extraction {
  const read = boundedText(text);
  // Most messages have no link, tag or mention: skip those scans cheaply.
  const hasUrl = read.includes('://');
  const hasTag = read.includes('#');
  const hasMention = read.includes('@');
  const urls = hasUrl ? uniqueIgnoringCase(matches(URL, read, ([raw]) => trimUrl(raw))) : [];
  const withoutUrls = hasUrl ? read.replace(URL, ' ') : read;
  const hashtags = hasTag ? uniqueIgnoringCase(matches(HASHTAG, withoutUrls, (match) => match[1] ?? '')) : [];
  const mentions = hasMention
    ? uniqueIgnoringCase(matches(MENTION, withoutUrls, (match) => (match[2] === undefined ? (match[1] ?? '') : `${match[1]}@${match[2]}`)))
    : [];
  const withoutMentions = hasMention ? withoutUrls.replace(MENTION, ' ') : withoutUrls;
  const plain = hasTag ? withoutMentions.replace(HASHTAG, ' ') : withoutMentions;
  return {
    hashtags,
    mentions,
    urls,
    keywords: topKeywords(plain),
    entities: findNamedEntities(plain).slice(0, MAX_PER_KIND),
  };
}
