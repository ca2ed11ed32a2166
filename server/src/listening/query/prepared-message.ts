/**
 * A message made ready for matching: cut into folded words once, with its hashtags, mentions,
 * author keys and fields normalised, so that any number of queries can be checked against it
 * without touching the raw text again. The title comes first, then a gap wider than any NEAR
 * distance, so no phrase or NEAR spans title and body. The set of distinct words, word positions
 * and the words as written are only worked out when a query asks for them: most messages wake no
 * query, and few of those woken look at positions (phrases, NEAR) or written forms (`{Exact}`).
 */
import { hashtagsInText, mentionsInText } from './message-entities.js';
import { addMessageWords } from './message-words.js';
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
// Read once here: the limits object sits behind a module binding on the per-message path.
const MAX_TEXT_LENGTH = MESSAGE_LIMITS.maxTextLength;
const MAX_WORD_LENGTH = MESSAGE_LIMITS.maxWordLength;
/** Shared by the messages with no hashtag or mention, most of them; never added to. */
const NONE: ReadonlySet<string> = new Set();

function addHandle(into: Set<string>, raw: string) {
  let handle = normaliseHandle(raw);
  // A sentence may end right after a handle: its full stop is not part of it.
  if (handle.endsWith('.')) handle = handle.replace(/\.+$/, '');
  if (!handle) return;
  into.add(handle);
  const at = handle.indexOf('@');
  if (at > 0) into.add(handle.slice(0, at));
}

/** `pt-BR` → `pt`. */
function primaryLanguage(tag: string): string {
  const lower = tag.toLowerCase();
  for (let i = 0; i < lower.length; i++) {
    const code = lower.charCodeAt(i);
    if (code === 45 || code === 95) return lower.slice(0, i);
  }
  return lower;
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

/** A message's hashtags and mentions, from its lists and then from its title and text, up to the limit in all. */
class Entities {
  hashtags: Set<string> | null = null;
  mentions: Set<string> | null = null;
  left: number = MESSAGE_LIMITS.maxEntities;

  addHashtag(tag: string) {
    (this.hashtags ??= new Set()).add(foldWord(tag));
  }

  addMention(handle: string) {
    addHandle((this.mentions ??= new Set()), handle);
  }

  addFromText(text: string) {
    if (text.includes('#')) {
      const found: string[] = [];
      hashtagsInText(text, found, Math.max(0, this.left));
      this.left -= found.length;
      for (const tag of found) this.addHashtag(tag);
    }
    if (text.includes('@')) {
      const found: string[] = [];
      mentionsInText(text, found, Math.max(0, this.left));
      this.left -= found.length;
      for (const handle of found) this.addMention(handle);
    }
  }
}

const searched = (text: string) => (text.length > MAX_TEXT_LENGTH ? text.slice(0, MAX_TEXT_LENGTH) : text);

class Prepared implements PreparedMessage {
  readonly folded: string[] = [];
  readonly hashtags: ReadonlySet<string>;
  readonly mentions: ReadonlySet<string>;
  readonly authors: ReadonlySet<string>;
  readonly channel: string;
  readonly language: string | null;
  readonly sites: readonly string[];
  readonly url: string | null;
  readonly sentiment: string | null;
  readonly intent: string | null;
  /** What is kept to work out `written` and `position` on demand. */
  readonly #title: string;
  readonly #text: string;
  readonly #skipped: number[] = [];
  /** How many of `folded` come from the title. */
  readonly #titleWords: number;
  #words: Set<string> | null = null;
  #written: string[] | null = null;
  #position: number[] | null = null;

  constructor(message: MessageToMatch) {
    this.#title = searched(message.title ?? '');
    this.#text = searched(message.text);
    if (this.#title) addMessageWords(this.#title, this.folded, this.#skipped);
    this.#titleWords = this.folded.length;
    addMessageWords(this.#text, this.folded, this.#skipped);

    const entities = new Entities();
    for (const tag of message.hashtags ?? []) if (entities.left-- > 0) entities.addHashtag(tag.replace(/^#/, ''));
    for (const handle of message.mentions ?? []) if (entities.left-- > 0) entities.addMention(handle);
    entities.addFromText(this.#title);
    entities.addFromText(this.#text);
    this.hashtags = entities.hashtags ?? NONE;
    this.mentions = entities.mentions ?? NONE;

    const authors = new Set<string>();
    if (message.authorHandle) addHandle(authors, message.authorHandle);
    if (message.authorName) {
      const name = normaliseHandle(message.authorName);
      if (name) authors.add(name);
    }
    this.authors = authors;
    this.channel = message.channel.toLowerCase();
    this.language = message.language ? primaryLanguage(message.language) : null;
    this.url = message.url ? normaliseUrl(message.url) : null;
    this.sites = siteKeys(this.url);
    this.sentiment = message.sentiment?.toLowerCase() ?? null;
    this.intent = message.intent?.toLowerCase() ?? null;
  }

  get words(): ReadonlySet<string> {
    return (this.#words ??= new Set(this.folded));
  }

  get written(): readonly string[] {
    if (this.#written) return this.#written;
    const written: string[] = [];
    const add = (text: string) =>
      forEachWord(text, (start, end) => {
        if (end - start <= MAX_WORD_LENGTH) written.push(text.slice(start, end));
      });
    add(this.#title);
    add(this.#text);
    return (this.#written = written);
  }

  /** Each word takes the next position, a skipped one too; the text starts after the title's gap. */
  get position(): readonly number[] {
    if (this.#position) return this.#position;
    const position = new Array<number>(this.folded.length);
    const skipped = this.#skipped;
    let passed = 0;
    for (let i = 0; i < position.length; i++) {
      while (passed < skipped.length && skipped[passed]! <= i) passed++;
      position[i] = i + passed + (this.#title && i >= this.#titleWords ? TITLE_GAP : 0);
    }
    return (this.#position = position);
  }
}

export function prepareMessage(message: MessageToMatch): PreparedMessage {
  return new Prepared(message);
}
