/**
 * The two kinds of Meta webhook event: Messenger / Instagram messaging events (a DM, a postback)
 * and object changes (a Page feed post or comment, an Instagram comment). Each becomes a draft, a
 * deletion, or a reason it is neither.
 */
import type { Attachment, Author } from '../../message.schema.js';
import { fromEpoch, fromEpochMillis, parseDate } from '../../parsing/dates.js';
import { bool, field, isObject, list, path, str, type JsonObject } from '../../parsing/json.js';
import type { MessageDraft } from '../../parsing/parse-result.js';
import { normaliseLine, normaliseText, truncate } from '../../parsing/text.js';
import { cleanId, contentTypeFor, fileNameFrom, generatedId, httpUrl } from '../../parsing/values.js';

export type EventOutcome =
  | { kind: 'message'; draft: MessageDraft }
  | { kind: 'deletion'; externalId: string; at?: Date }
  | { kind: 'skip'; reason: string }
  | { kind: 'invalid'; reason: string };

/** Messaging events that carry no message: receipts, reactions, opt-ins, hand-overs. */
const RECEIPTS = [
  'read',
  'delivery',
  'reaction',
  'optin',
  'referral',
  'account_linking',
  'pass_thread_control',
  'take_thread_control',
  'message_edit',
];

/** A person known only by a page-scoped id (PSID/IGSID), with a name or username when the event has one. */
export function personAuthor(id: string, name?: string, username?: string, network: 'facebook' | 'instagram' = 'facebook'): Author {
  const handle = username && /^[A-Za-z0-9._]{1,64}$/.test(username) ? username : id;
  return {
    externalId: id,
    handle,
    displayName: (name && normaliseLine(name, 512)) || handle,
    profileUrl: network === 'instagram' && handle === username ? `https://www.instagram.com/${username}/` : undefined,
  };
}

/** `entry.messaging[]` (and `standby[]`): one event between a Page or IG account and a person. */
export function messagingEvent(event: JsonObject, pageId: string, network: 'facebook' | 'instagram'): EventOutcome {
  const sender = cleanId(str(path(event, 'sender', 'id')));
  const recipient = cleanId(str(path(event, 'recipient', 'id')));
  const sentAt = fromEpochMillis(event.timestamp);
  const message = isObject(event.message) ? event.message : undefined;
  const postback = isObject(event.postback) ? event.postback : undefined;
  if (!message && !postback) {
    const kind = RECEIPTS.find((k) => k in event) ?? 'unknown';
    return { kind: 'skip', reason: `messaging ${kind} event: not a message` };
  }
  if (!sender || !recipient) return { kind: 'invalid', reason: 'messaging event without sender.id and recipient.id' };
  if (!sentAt) return { kind: 'invalid', reason: 'messaging event without a valid timestamp' };
  const echo = bool(message?.is_echo) === true;
  // The person's id: the recipient of the page's own (echoed) message, else the sender.
  const person = echo ? recipient : sender;
  const mid = cleanId(str(message?.mid) ?? str(postback?.mid));
  if (message && bool(message.is_deleted) === true) {
    return mid ? { kind: 'deletion', externalId: mid, at: sentAt } : { kind: 'invalid', reason: 'deleted message without mid' };
  }
  // A postback is a button the person tapped: its title is what they "said".
  const text = message ? (str(message.text) ?? '') : (str(postback?.title) ?? str(postback?.payload) ?? '');
  const attachments = list(message?.attachments).flatMap(messagingAttachment);
  if (!text && attachments.length === 0) return { kind: 'skip', reason: 'message without text or attachments (a sticker or template)' };
  return {
    kind: 'message',
    draft: {
      channel: 'meta',
      externalId: mid ?? generatedId(sender, recipient, String(event.timestamp), text),
      threadKey: `${network}:${pageId}:${person}`,
      inReplyToExternalId: cleanId(str(path(message, 'reply_to', 'mid'))),
      author: personAuthor(sender, undefined, undefined, network),
      text: normaliseText(text),
      sentAt,
      direction: echo ? 'out' : undefined,
      isPrivate: true,
      attachments,
    },
  };
}

const ATTACHMENT_TYPES: Record<string, string> = { image: 'image/*', video: 'video/*', audio: 'audio/*', file: 'application/octet-stream' };

function messagingAttachment(attachment: unknown): Attachment[] {
  const type = str(field(attachment, 'type')) ?? 'file';
  const url = httpUrl(str(path(attachment, 'payload', 'url')));
  if (!url && !(type in ATTACHMENT_TYPES)) return [];
  const title = str(path(attachment, 'payload', 'title'));
  return [
    {
      name: truncate(title ?? fileNameFrom(url) ?? type, 1_024),
      contentType: contentTypeFor(url, ATTACHMENT_TYPES[type] ?? 'application/octet-stream'),
      url,
    },
  ];
}

/** `entry.changes[]`: what changed on a Page or IG account, named by `field`. */
export function changeEvent(change: JsonObject, entryTime: Date | undefined): EventOutcome {
  const name = str(change.field) ?? 'unknown';
  const value = isObject(change.value) ? change.value : undefined;
  if (!value) return { kind: 'invalid', reason: `${truncate(name, 40)} change without a value` };
  if (name === 'feed') return feedChange(value, entryTime);
  if (name === 'comments' || name === 'live_comments') return instagramComment(value, entryTime);
  if (name === 'mentions') return { kind: 'skip', reason: 'Instagram mention notification: only ids, the comment must be fetched' };
  return { kind: 'skip', reason: `${truncate(name, 40)} change: not a message` };
}

const FEED_ITEMS = new Set(['comment', 'post', 'status', 'photo', 'video', 'share']);

/** A Page feed change: a post or comment added, edited or removed. */
function feedChange(value: JsonObject, entryTime: Date | undefined): EventOutcome {
  const item = str(value.item) ?? 'unknown';
  const verb = str(value.verb) ?? 'add';
  if (!FEED_ITEMS.has(item)) return { kind: 'skip', reason: `feed ${truncate(item, 40)} ${truncate(verb, 20)}: not a message` };
  const postId = cleanId(str(value.post_id));
  const id = item === 'comment' ? cleanId(str(value.comment_id)) : postId;
  if (!id) return { kind: 'invalid', reason: `feed ${item} without ${item === 'comment' ? 'comment_id' : 'post_id'}` };
  const at = timeOf(value.created_time) ?? entryTime;
  if (verb === 'remove' || verb === 'hide') return { kind: 'deletion', externalId: id, at };
  const fromId = cleanId(str(path(value, 'from', 'id')));
  if (!fromId) return { kind: 'invalid', reason: `feed ${item} without from.id` };
  if (!at) return { kind: 'invalid', reason: `feed ${item} without created_time` };
  const parent = cleanId(str(value.parent_id));
  return {
    kind: 'message',
    draft: {
      channel: 'meta',
      externalId: id,
      threadKey: postId ?? id,
      inReplyToExternalId: item === 'comment' ? (parent ?? postId) : undefined,
      rootExternalId: item === 'comment' ? postId : undefined,
      author: personAuthor(fromId, str(path(value, 'from', 'name'))),
      text: normaliseText(str(value.message) ?? ''),
      url: httpUrl(str(value.permalink_url)) ?? httpUrl(str(path(value, 'post', 'permalink_url'))),
      sentAt: at,
      isPrivate: false,
      attachments: [],
    },
  };
}

/** An Instagram comment (or live comment) on the account's media. */
function instagramComment(value: JsonObject, entryTime: Date | undefined): EventOutcome {
  const id = cleanId(str(value.id));
  const fromId = cleanId(str(path(value, 'from', 'id')));
  const mediaId = cleanId(str(path(value, 'media', 'id')));
  if (!id) return { kind: 'invalid', reason: 'Instagram comment without id' };
  if (!fromId) return { kind: 'invalid', reason: 'Instagram comment without from.id' };
  const at = timeOf(value.timestamp) ?? entryTime;
  if (!at) return { kind: 'invalid', reason: 'Instagram comment without a time' };
  return {
    kind: 'message',
    draft: {
      channel: 'meta',
      externalId: id,
      threadKey: mediaId ?? id,
      inReplyToExternalId: cleanId(str(value.parent_id)) ?? mediaId,
      rootExternalId: mediaId,
      author: personAuthor(fromId, undefined, str(path(value, 'from', 'username')), 'instagram'),
      text: normaliseText(str(value.text) ?? ''),
      sentAt: at,
      isPrivate: false,
      attachments: [],
    },
  };
}

/** Webhook times are Unix seconds (feed), milliseconds (entry.time of messaging) or ISO strings. */
export function timeOf(value: unknown): Date | undefined {
  return typeof value === 'number' ? fromEpoch(value) : parseDate(value);
}
