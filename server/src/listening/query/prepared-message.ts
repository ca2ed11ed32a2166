/**
 * A message made ready for matching: cut into words once (folded and as written, with their
 * positions), with its hashtags, mentions, author keys and fields normalised, so that any number
 * of queries can be checked against it without touching the raw text again. The title comes
 * first, then a gap wider than any NEAR distance, so no phrase or NEAR spans title and body.
 */
import { normaliseHandle, normaliseUrl } from './query-fields.js';
import { MESSAGE_LIMITS, QUERY_LIMITS } from './query-limits.js';
import { foldWord, forEachWord } from './text-words.js';

export interface MessageToMatch {
  text: string;
  title?: string;
  authorHandle?: string;
  authorName?: string;
  channel: string;
  language?: string;
  url?: string;
  sentiment?: string;
  intent?: string;
  hashtags?: string[];
  mentions?: string[];
}

export interface PreparedMessage {
  /** Every distinct folded word: most queries only ask whether a word is there. */
  readonly words: ReadonlySet<string>;
  /** The words folded and as written, and their positions, in reading order. */
  readonly folded: readonly string[];
  readonly written: readonly string[];
  readonly position: readonly number[];
  /** Folded tags, without `#`. */
  readonly hashtags: ReadonlySet<string>;
  /** Folded handles without `@`; a fediverse handle `alice@host` also gives `alice`. */
  readonly mentions: ReadonlySet<string>;
  /** The author's folded handle (and its part before `@host`) and name. */
  readonly authors: ReadonlySet<string>;
  readonly channel: string;
  /** ISO 639-1 code (the primary subtag of what the message carries). */
  readonly language: string | null;
  /** The host without `www.`, and every parent domain of it with two labels or more. */
  readonly sites: readonly string[];
  /** Normalised as `url:` values are: host without `www.`, path as written. */
  readonly url: string | null;
  readonly sentiment: string | null;
  readonly intent: string | null;
}

const TITLE_GAP = QUERY_LIMITS.maxNearDistance + 2;
// Read once here: the limits object sits behind a module binding on the per-word path.
const MAX_TEXT_LENGTH = MESSAGE_LIMITS.maxTextLength;
const MAX_WORD_LENGTH = MESSAGE_LIMITS.maxWordLength;
const HASHTAG_IN_TEXT = /(?:^|[^\p{L}\p{N}\p{M}_&])#([\p{L}\p{N}\p{M}_]+)/gu;
const MENTION_IN_TEXT = /(?:^|[^\p{L}\p{N}\p{M}_.@-])@([\p{L}\p{N}\p{M}_.-]+(?:@[\p{L}\p{N}\p{M}_.-]+)?)/gu;

function addHandle(into: Set<string>, raw: string) {
  const handle = normaliseHandle(raw).replace(/\.+$/, '');
  if (!handle) return;
  into.add(handle);
  const at = handle.indexOf('@');
  if (at > 0) into.add(handle.slice(0, at));
}

function entitiesInText(text: string, pattern: RegExp, add: (value: string) => void, budget: { left: number }) {
  for (const match of text.matchAll(pattern)) {
    if (budget.left-- <= 0) return;
    add(match[1]!);
  }
}

function siteKeys(url: string | null): string[] {
  if (!url) return [];
  const slash = url.indexOf('/');
  const host = slash === -1 ? url : url.slice(0, slash);
  const keys: string[] = [];
  // example.com is the last key: a parent needs a dot in it.
  for (let from = 0; from !== -1 && host.indexOf('.', from) !== -1; from = host.indexOf('.', from) + 1 || -1) keys.push(host.slice(from));
  return keys;
}

export function prepareMessage(message: MessageToMatch): PreparedMessage {
  const words = new Set<string>();
  const folded: string[] = [];
  const written: string[] = [];
  const position: number[] = [];
  let next = 0;
  const addWords = (raw: string) => {
    const text = raw.length > MAX_TEXT_LENGTH ? raw.slice(0, MAX_TEXT_LENGTH) : raw;
    forEachWord(text, (start, end) => {
      const at = next++;
      if (end - start > MAX_WORD_LENGTH) return;
      const word = text.slice(start, end);
      const key = foldWord(word);
      words.add(key);
      folded.push(key);
      written.push(word);
      position.push(at);
    });
  };
  const title = message.title ?? '';
  if (title) {
    addWords(title);
    next += TITLE_GAP;
  }
  addWords(message.text);

  const budget = { left: MESSAGE_LIMITS.maxEntities };
  const hashtags = new Set<string>();
  for (const tag of message.hashtags ?? []) if (budget.left-- > 0) hashtags.add(foldWord(tag.replace(/^#/, '')));
  const mentions = new Set<string>();
  for (const handle of message.mentions ?? []) if (budget.left-- > 0) addHandle(mentions, handle);
  for (const text of [title, message.text]) {
    const searched = text.length > MAX_TEXT_LENGTH ? text.slice(0, MAX_TEXT_LENGTH) : text;
    if (searched.includes('#')) entitiesInText(searched, HASHTAG_IN_TEXT, (tag) => hashtags.add(foldWord(tag)), budget);
    if (searched.includes('@')) entitiesInText(searched, MENTION_IN_TEXT, (handle) => addHandle(mentions, handle), budget);
  }

  const authors = new Set<string>();
  if (message.authorHandle) addHandle(authors, message.authorHandle);
  if (message.authorName) {
    const name = normaliseHandle(message.authorName);
    if (name) authors.add(name);
  }
  const url = message.url ? normaliseUrl(message.url) : null;
  return {
    words,
    folded,
    written,
    position,
    hashtags,
    mentions,
    authors,
    channel: message.channel.toLowerCase(),
    language: message.language ? message.language.toLowerCase().split(/[-_]/, 1)[0]! : null,
    sites: siteKeys(url),
    url,
    sentiment: message.sentiment?.toLowerCase() ?? null,
    intent: message.intent?.toLowerCase() ?? null,
  };
}
