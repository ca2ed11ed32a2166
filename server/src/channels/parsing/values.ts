/** Small value rules shared by the parsers: which URLs are links, and ids for items that have none. */
import { createHash } from 'node:crypto';
import { MAX_ID, MAX_URL } from '../message.schema.js';

/**
 * An absolute http(s) URL, resolved against `base` when relative, or undefined. Other schemes
 * (javascript:, data:, tag: ids) are never links: a `url` is something an agent may click.
 */
export function httpUrl(value: unknown, base?: string): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (!text || text.length > MAX_URL) return undefined;
  try {
    const url = base ? new URL(text, httpUrl(base)) : new URL(text);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    const href = url.href;
    return href.length <= MAX_URL ? href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A stable id for an item its source did not identify (an RSS item without guid or link, an e-mail
 * without Message-ID): the same content always gives the same id, so a re-import deduplicates.
 */
export function generatedId(...parts: (string | undefined)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(`${part ?? ''}\u0000`);
  return `generated:${hash.digest('hex').slice(0, 40)}`;
}

/** An id as the schema allows it: trimmed, non-empty, not too long (a longer one is hashed). */
export function cleanId(value: string | undefined): string | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  return text.length <= MAX_ID ? text : generatedId(text);
}

/** A BCP 47-looking tag ("en", "en-US", "zh_Hant" → "zh-Hant"), or undefined for "und" and junk. */
export function languageTag(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const tag = value.trim().replace(/_/g, '-');
  if (!/^[a-z]{2,3}(?:-[a-z0-9]{1,8}){0,4}$/i.test(tag)) return undefined;
  // Twitter and others say "und" (undetermined), "zxx" (no language) or "qme"/"qht" (media, hashtags only).
  if (/^(?:und|zxx|mul|mis|q[a-t][a-z])$/i.test(tag)) return undefined;
  return tag;
}

const TYPES_BY_EXTENSION: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  heic: 'image/heic',
  svg: 'image/svg+xml',
  mp4: 'video/mp4',
  m4v: 'video/mp4',
  mov: 'video/quicktime',
  webm: 'video/webm',
  m3u8: 'application/x-mpegURL',
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  ogg: 'audio/ogg',
  oga: 'audio/ogg',
  opus: 'audio/opus',
  wav: 'audio/wav',
  pdf: 'application/pdf',
  zip: 'application/zip',
};

/** The media type a URL's extension implies, else `fallback`; used where a source names the kind but not the type. */
export function contentTypeFor(url: string | undefined, fallback: string): string {
  const extension = url ? /\.([a-z0-9]{2,5})(?:[?#]|$)/i.exec(url)?.[1]?.toLowerCase() : undefined;
  return (extension && TYPES_BY_EXTENSION[extension]) || fallback;
}

/** The last path segment of a URL, as an attachment's name. */
export function fileNameFrom(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const segment = new URL(url).pathname.split('/').filter(Boolean).pop();
    return segment ? decodeURIComponent(segment).slice(0, 255) : undefined;
  } catch {
    return undefined;
  }
}
