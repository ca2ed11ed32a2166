/**
 * Mastodon API entities (Status, Account, MediaAttachment) to normalised shapes. Ids are the
 * instance's own (what `in_reply_to_id` and the reply API use); a channel is one account on one
 * instance, so they are stable within it.
 */
import type { Attachment, Author, Metrics } from '../../message.schema.js';
import { parseDate } from '../../parsing/dates.js';
import { count, field, isObject, list, str, type JsonObject } from '../../parsing/json.js';
import type { MessageDraft } from '../../parsing/parse-result.js';
import { htmlToText, normaliseLine, truncate } from '../../parsing/text.js';
import { cleanId, contentTypeFor, fileNameFrom, httpUrl, languageTag } from '../../parsing/values.js';

/** Narrow types, so a check that fails still leaves the value a JSON object to test further. */
export type StatusObject = JsonObject & { readonly account: JsonObject; readonly content: unknown };
export type AccountObject = JsonObject & { readonly acct: string; readonly username: string };

export function isStatus(value: unknown): value is StatusObject {
  return isObject(value) && str(value.id) !== undefined && 'content' in value && isObject(value.account);
}

export function isAccount(value: unknown): value is AccountObject {
  return isObject(value) && str(value.id) !== undefined && typeof value.acct === 'string' && typeof value.username === 'string';
}

/** Where the thread around a status is known (a Context response names its root). */
export interface ThreadHint {
  rootId?: string;
  /** A conversation (DM) id from the conversations API. */
  conversationId?: string;
}

/**
 * A status as a message draft. A boost (reblog) is the booster's message carrying the boosted
 * text: it is what appeared in the timeline, and its id is what the timeline paginates by.
 */
export function statusDraft(status: JsonObject, hint: ThreadHint = {}): MessageDraft | string {
  const id = cleanId(str(status.id));
  const account = authorOf(status.account);
  if (!id) return 'status has no id';
  if (!account) return 'status has no valid account';
  const sentAt = parseDate(status.created_at);
  if (!sentAt) return 'status has no valid created_at';
  const boosted = isObject(status.reblog) ? status.reblog : undefined;
  const html = str(status.content) ?? (boosted ? str(boosted.content) : undefined) ?? '';
  const inReplyTo = cleanId(str(status.in_reply_to_id));
  const visibility = str(status.visibility);
  const threadKey = hint.conversationId ? `conversation:${hint.conversationId}` : (hint.rootId ?? (inReplyTo ? undefined : id));
  const spoiler = str(status.spoiler_text);
  const media = list(status.media_attachments).length > 0 || !boosted ? status.media_attachments : boosted.media_attachments;
  return {
    channel: 'mastodon',
    externalId: id,
    threadKey,
    inReplyToExternalId: inReplyTo,
    rootExternalId: hint.rootId && hint.rootId !== id ? hint.rootId : undefined,
    author: account,
    text: htmlToText(html),
    html: html || undefined,
    // The content warning is what readers see first; it works as the title.
    title: spoiler ? normaliseLine(spoiler) || undefined : undefined,
    url: httpUrl(str(status.url)) ?? httpUrl(str(status.uri)) ?? (boosted ? httpUrl(str(boosted.url)) : undefined),
    language: languageTag(status.language),
    sentAt,
    isPrivate: visibility === 'direct' || hint.conversationId !== undefined,
    attachments: list(media).flatMap(attachmentOf).slice(0, 1_000),
    metrics: metricsOf(status),
  };
}

function metricsOf(status: JsonObject): Metrics | undefined {
  const likes = count(status.favourites_count);
  const shares = count(status.reblogs_count);
  const replies = count(status.replies_count);
  if (likes === undefined && shares === undefined && replies === undefined) return undefined;
  return { likes: likes ?? 0, shares: shares ?? 0, replies: replies ?? 0 };
}

const MEDIA_TYPES: Record<string, string> = { image: 'image/*', gifv: 'video/mp4', video: 'video/mp4', audio: 'audio/*' };

function attachmentOf(media: unknown): Attachment[] {
  if (!isObject(media)) return [];
  const url = httpUrl(str(media.url)) ?? httpUrl(str(media.remote_url)) ?? httpUrl(str(media.preview_url));
  const type = str(media.type) ?? 'unknown';
  const description = str(media.description);
  return [
    {
      name: (description ? normaliseLine(description, 1_024) : undefined) || fileNameFrom(url) || str(media.id) || 'media',
      contentType: contentTypeFor(url, MEDIA_TYPES[type] ?? 'application/octet-stream'),
      url,
    },
  ];
}

/**
 * An account as an author. `acct` is "user" for local accounts and "user@domain" for remote ones;
 * the handle is always the full "user@domain", the form people write and search for.
 */
export function authorOf(value: unknown): Author | undefined {
  if (!isAccount(value)) return undefined;
  const id = cleanId(str(value.id));
  if (!id) return undefined;
  const profileUrl = httpUrl(str(value.url));
  const acct = str(value.acct) ?? str(value.username)!;
  const host = hostOf(profileUrl);
  const handle = acct.includes('@') || !host ? acct : `${acct}@${host}`;
  const displayName = normaliseLine(str(value.display_name) ?? '', 512) || str(value.username)!;
  const note = str(value.note);
  return {
    externalId: id,
    handle: truncate(handle, 512),
    displayName,
    profileUrl,
    avatarUrl: httpUrl(str(value.avatar)) ?? httpUrl(str(value.avatar_static)),
    followers: count(value.followers_count),
    following: count(value.following_count),
    postsCount: count(value.statuses_count),
    bio: note ? truncate(htmlToText(note), 10_000) : undefined,
    location: locationOf(value.fields),
  };
}

/** Mastodon has no location field; people put one in a profile field named like one. */
function locationOf(fields: unknown): string | undefined {
  for (const entry of list(fields)) {
    const name = str(field(entry, 'name'));
    const value = str(field(entry, 'value'));
    if (name && value && /location|lives in|based in|where|📍/i.test(name)) return normaliseLine(htmlToText(value), 512) || undefined;
  }
  return undefined;
}

function hostOf(url: string | undefined): string | undefined {
  try {
    return url ? new URL(url).host : undefined;
  } catch {
    return undefined;
  }
}
