/**
 * Graph API objects a Meta connector fetches to fill in what webhooks only name by id: Page
 * comments, Instagram comments and Page conversation messages. Accepted in the same format so a
 * hydrated backfill parses like the deliveries it completes.
 */
import type { Attachment } from '../../message.schema.js';
import { count, isObject, list, path, str, type JsonObject } from '../../parsing/json.js';
import { normaliseLine, normaliseText } from '../../parsing/text.js';
import { cleanId, contentTypeFor, httpUrl } from '../../parsing/values.js';
import { personAuthor, timeOf, type EventOutcome } from './meta-events.js';

export function isGraphObject(value: unknown): value is JsonObject {
  return isObject(value) && str(value.id) !== undefined && ('created_time' in value || 'timestamp' in value) && !('object' in value);
}

export function graphObject(node: JsonObject): EventOutcome {
  const id = cleanId(str(node.id))!;
  const sentAt = timeOf(node.created_time) ?? timeOf(node.timestamp);
  if (!sentAt) return { kind: 'invalid', reason: 'Graph API object without a valid created_time/timestamp' };
  const fromId = cleanId(str(path(node, 'from', 'id')));
  const username = str(node.username) ?? str(path(node, 'from', 'username'));
  const instagram = 'timestamp' in node || username !== undefined;
  const authorId = fromId ?? cleanId(username);
  if (!authorId) return { kind: 'invalid', reason: 'Graph API object without an author (request the from or username field)' };
  // Conversation messages have recipients; comments are public.
  const isPrivate = isObject(node.to) || id.startsWith('m_');
  const attachments = list(path(node, 'attachments', 'data')).flatMap(graphAttachment);
  // Page comments say `message`, Instagram comments `text`, Instagram media `caption`.
  const text = str(node.message) ?? str(node.text) ?? str(node.caption) ?? '';
  const likes = count(node.like_count);
  const replies = count(node.comment_count);
  return {
    kind: 'message',
    draft: {
      channel: 'meta',
      externalId: id,
      inReplyToExternalId: cleanId(str(path(node, 'parent', 'id'))),
      // The "from.email" of a Page message is a proxy address (id@facebook.com), not the person's: not copied.
      author: personAuthor(authorId, str(path(node, 'from', 'name')), username, instagram ? 'instagram' : 'facebook'),
      text: normaliseText(text),
      url: httpUrl(str(node.permalink_url)) ?? httpUrl(str(node.permalink)),
      sentAt,
      isPrivate,
      attachments,
      metrics: likes !== undefined || replies !== undefined ? { likes: likes ?? 0, shares: 0, replies: replies ?? 0 } : undefined,
    },
  };
}

function graphAttachment(attachment: unknown): Attachment[] {
  if (!isObject(attachment)) return [];
  const url =
    httpUrl(str(path(attachment, 'image_data', 'url'))) ??
    httpUrl(str(attachment.file_url)) ??
    httpUrl(str(path(attachment, 'video_data', 'url')));
  const name = str(attachment.name) ?? str(attachment.id) ?? 'attachment';
  return [
    {
      name: normaliseLine(name, 1_024) || 'attachment',
      contentType: str(attachment.mime_type) ?? contentTypeFor(url, 'application/octet-stream'),
      size: count(attachment.size),
      url,
    },
  ];
}

/** A Graph API list page: `{data: [...], paging}`. */
export function graphPage(value: unknown): readonly unknown[] | undefined {
  return isObject(value) && Array.isArray(value.data) && (isObject(value.paging) || value.data.every((item) => isGraphObject(item)))
    ? value.data
    : undefined;
}
