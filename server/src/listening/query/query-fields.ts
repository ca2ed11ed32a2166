/**
 * The message fields a query can filter on (`author:`, `channel:`, `lang:`, `site:`, `url:`,
 * `sentiment:`, `intent:`), which values each accepts, and how a value is normalised so that it
 * compares equal to what the prepared message holds.
 */
import { ISO_639_1 } from './iso-639-1.js';
import { foldWord } from './text-words.js';

export const FIELD_NAMES = ['author', 'channel', 'lang', 'site', 'url', 'sentiment', 'intent'] as const;
export type FieldName = (typeof FIELD_NAMES)[number];

export const CHANNELS = ['rss', 'email', 'mastodon', 'bluesky', 'twitter', 'meta', 'reddit', 'webhook'] as const;
export const SENTIMENTS = ['positive', 'negative', 'neutral'] as const;
/** `sentiment:unanalysed`: a message whose sentiment was not read (a language the scorer does not read). */
export const UNANALYSED = 'unanalysed';
const SENTIMENT_TERMS = [...SENTIMENTS, UNANALYSED] as const;
export const INTENTS = ['complaint', 'question', 'purchase', 'praise', 'idea', 'spam', 'other'] as const;

export function isFieldName(name: string): name is FieldName {
  return (FIELD_NAMES as readonly string[]).includes(name);
}

/** Fields whose value may hold `*`/`?` wildcards. */
export const WILDCARD_FIELDS: ReadonlySet<FieldName> = new Set(['author']);

const DOMAIN = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/;

export type FieldValue = { ok: true; value: string } | { ok: false; reason: string };

function oneOf(field: string, value: string, allowed: readonly string[]): FieldValue {
  const lower = value.toLowerCase();
  return allowed.includes(lower)
    ? { ok: true, value: lower }
    : { ok: false, reason: `${field}: takes one of ${allowed.join(', ')}; "${value}" is none of them` };
}

/** Whether `text[0, end)` is a URL scheme: a letter, then letters, digits, `+`, `.` or `-`. */
function isScheme(text: string, end: number): boolean {
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i) | 32;
    const letter = code >= 97 && code <= 122;
    if (i === 0 ? !letter : !letter && !isSchemeSign(text.charCodeAt(i))) return false;
  }
  return end > 0;
}

const isSchemeSign = (code: number) => (code >= 48 && code <= 57) || code === 43 || code === 46 || code === 45;

/**
 * `https://www.Example.com/News/` → `example.com/News`: the form URLs are compared in (host
 * case-folded, path kept). Every message with a URL goes through here, hence no regular expressions.
 */
export function normaliseUrl(url: string): string {
  const trimmed = url.trim();
  const scheme = trimmed.indexOf('://');
  const from = scheme !== -1 && isScheme(trimmed, scheme) ? scheme + 3 : 0;
  let slash = trimmed.indexOf('/', from);
  if (slash === -1) slash = trimmed.length;
  const host = trimmed.slice(from, slash).toLowerCase();
  let end = trimmed.length;
  while (end > slash && trimmed.charCodeAt(end - 1) === 47) end--;
  return (host.startsWith('www.') ? host.slice(4) : host) + trimmed.slice(slash, end);
}

/** Handles that are already what `normaliseHandle` makes of them: lower-case ASCII, digits, `_`, `.`, `-` and an inner `@`. */
function isNormalHandle(handle: string): boolean {
  if (handle.length === 0 || handle.charCodeAt(0) === 64) return false;
  for (let i = 0; i < handle.length; i++) {
    const code = handle.charCodeAt(i);
    if (!((code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 95 || code === 46 || code === 45 || code === 64))
      return false;
  }
  return true;
}

/** An author handle as compared: folded, without the leading `@`. */
export function normaliseHandle(handle: string): string {
  if (isNormalHandle(handle)) return handle;
  return foldWord(handle.trim().replace(/^@/, '').replace(/\s+/g, ' '));
}

export function checkFieldValue(field: FieldName, raw: string): FieldValue {
  const value = raw.trim();
  if (!value) return { ok: false, reason: `${field}: needs a value right after the colon, e.g. ${field}:${example(field)}` };
  switch (field) {
    case 'channel':
      return oneOf(field, value, CHANNELS);
    case 'sentiment':
      return oneOf(field, value, SENTIMENT_TERMS);
    case 'intent':
      return oneOf(field, value, INTENTS);
    case 'lang': {
      const lower = value.toLowerCase();
      return ISO_639_1.has(lower)
        ? { ok: true, value: lower }
        : { ok: false, reason: `lang: takes a two-letter ISO 639-1 language code such as en, fr or ja; "${value}" is not one` };
    }
    case 'site': {
      const site = normaliseUrl(value);
      if (site.includes('/')) return { ok: false, reason: `site: takes a domain such as example.com; use url: to match a path` };
      return DOMAIN.test(site)
        ? { ok: true, value: site }
        : { ok: false, reason: `site: takes a domain such as example.com; "${value}" is not one` };
    }
    case 'url':
      return { ok: true, value: normaliseUrl(value) };
    case 'author': {
      const handle = normaliseHandle(value);
      return handle ? { ok: true, value: handle } : { ok: false, reason: 'author: needs a handle or a name after the @' };
    }
  }
}

function example(field: FieldName): string {
  const examples: Record<FieldName, string> = {
    author: 'alice',
    channel: 'email',
    lang: 'en',
    site: 'example.com',
    url: 'example.com/blog',
    sentiment: 'negative',
    intent: 'complaint',
  };
  return examples[field];
}
