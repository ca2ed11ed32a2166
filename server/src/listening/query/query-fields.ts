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

/** `https://www.Example.com/News/` → `example.com/News`: the form URLs are compared in (host case-folded, path kept). */
export function normaliseUrl(url: string): string {
  const withoutScheme = url.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  const slash = withoutScheme.indexOf('/');
  const host = (slash === -1 ? withoutScheme : withoutScheme.slice(0, slash)).toLowerCase().replace(/^www\./, '');
  const path = slash === -1 ? '' : withoutScheme.slice(slash).replace(/\/+$/, '');
  return host + path;
}

/** An author handle as compared: folded, without the leading `@`. */
export function normaliseHandle(handle: string): string {
  return foldWord(handle.trim().replace(/^@/, '').replace(/\s+/g, ' '));
}

export function checkFieldValue(field: FieldName, raw: string): FieldValue {
  const value = raw.trim();
  if (!value) return { ok: false, reason: `${field}: needs a value right after the colon, e.g. ${field}:${example(field)}` };
  switch (field) {
    case 'channel':
      return oneOf(field, value, CHANNELS);
    case 'sentiment':
      return oneOf(field, value, SENTIMENTS);
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
