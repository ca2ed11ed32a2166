/** X API v2 tweet, DM event and user objects to normalised shapes. */
import type { Attachment, Author, Metrics } from '../../message.schema.js';
import { parseDate } from '../../parsing/dates.js';
import { count, field, isObject, list, path, str, type JsonObject } from '../../parsing/json.js';
import type { MessageDraft } from '../../parsing/parse-result.js';
import { decodeEntities, normaliseLine, normaliseText, truncate } from '../../parsing/text.js';
import { cleanId, contentTypeFor, httpUrl, languageTag } from '../../parsing/values.js';
import type { Expansions } from './twitter-expansions.js';

const USERNAME = /^[A-Za-z0-9_]{1,50}$/;

export function userAuthor(user: JsonObject): Author | undefined {
  const id = cleanId(str(user.id));
  if (!id) return undefined;
  const username = str(user.username);
  const handle = username && USERNAME.test(username) ? username : id;
  const bio = str(user.description);
  return {
    externalId: id,
    handle,
    displayName: normaliseLine(str(user.name) ?? '', 512) || handle,
    profileUrl: handle === username ? `https://x.com/${username}` : undefined,
    avatarUrl: httpUrl(str(user.profile_image_url)),
    followers: count(path(user, 'public_metrics', 'followers_count')),
    following: count(path(user, 'public_metrics', 'following_count')),
    postsCount: count(path(user, 'public_metrics', 'tweet_count')),
    bio: bio ? truncate(normaliseText(expandUrls(bio, path(user, 'entities', 'description'))), 10_000) : undefined,
    location: normaliseLine(str(user.location) ?? '', 512) || undefined,
  };
}

/** The author from the page's expansions, a flattened tweet's inline `author`, or only the id. */
function authorOf(tweet: JsonObject, expansions: Expansions, idField: string): Author | undefined {
  const id = str(tweet[idField]);
  const user = expansions.user(id) ?? (isObject(tweet.author) ? tweet.author : undefined);
  const author = user ? userAuthor(user) : undefined;
  if (author) return author;
  const bare = cleanId(id);
  return bare ? { externalId: bare, handle: bare, displayName: bare } : undefined;
}

export function tweetDraft(tweet: JsonObject, expansions: Expansions): MessageDraft | string {
  const id = cleanId(str(tweet.id));
  if (!id) return 'tweet has no id';
  const sentAt = parseDate(tweet.created_at);
  if (!sentAt) return 'tweet has no valid created_at (request tweet.fields=created_at)';
  const author = authorOf(tweet, expansions, 'author_id');
  if (!author) return 'tweet has no author_id (request tweet.fields=author_id)';
  const references = list(tweet.referenced_tweets).filter(isObject);
  const referenced = (type: string): string | undefined => cleanId(str(references.find((r) => r.type === type)?.id));
  const repliedTo = referenced('replied_to');
  const conversation = cleanId(str(tweet.conversation_id));
  return {
    channel: 'twitter',
    externalId: id,
    threadKey: conversation ?? (repliedTo ? undefined : id),
    inReplyToExternalId: repliedTo,
    // conversation_id is the id of the tweet that started the conversation.
    rootExternalId: conversation && conversation !== id ? conversation : undefined,
    author,
    text: normaliseText(fullText(tweet, references, expansions)),
    url: author.profileUrl ? `${author.profileUrl}/status/${id}` : `https://x.com/i/web/status/${id}`,
    language: languageTag(tweet.lang),
    sentAt,
    isPrivate: false,
    attachments: attachmentsOf(tweet, expansions),
    metrics: metricsOf(tweet),
  };
}

export function dmDraft(event: JsonObject, expansions: Expansions): MessageDraft | string {
  const id = cleanId(str(event.id));
  if (!id) return 'DM event has no id';
  const sentAt = parseDate(event.created_at);
  if (!sentAt) return 'DM event has no valid created_at (request dm_event.fields=created_at)';
  const author = authorOf(event, expansions, 'sender_id');
  if (!author) return 'DM event has no sender_id';
  const conversation = cleanId(str(event.dm_conversation_id));
  return {
    channel: 'twitter',
    externalId: id,
    threadKey: conversation ? `dm:${conversation}` : undefined,
    author,
    text: normaliseText(decodeEntities(expandUrls(str(event.text) ?? '', event.entities))),
    sentAt,
    isPrivate: true,
    attachments: attachmentsOf(event, expansions),
  };
}

/**
 * The tweet's full text: a long tweet's `note_tweet`, t.co links replaced by their targets, media
 * links dropped (the media are attachments). A retweet's own text is cut at 140 characters, so it is
 * rebuilt from the retweeted tweet when the page includes it.
 */
function fullText(tweet: JsonObject, references: JsonObject[], expansions: Expansions): string {
  const retweeted = references.find((r) => r.type === 'retweeted');
  const original = retweeted ? (expansions.tweet(str(retweeted.id)) ?? inline(retweeted)) : undefined;
  if (original) {
    const handle = /^RT @(\w{1,50}):/.exec(str(tweet.text) ?? '')?.[1];
    if (handle) return `RT @${handle}: ${ownText(original)}`;
  }
  return ownText(tweet);
}

/** twarc's flattened output merges the referenced tweet's fields into the reference itself. */
function inline(reference: JsonObject): JsonObject | undefined {
  return typeof reference.text === 'string' ? reference : undefined;
}

function ownText(tweet: JsonObject): string {
  const note = isObject(tweet.note_tweet) && typeof tweet.note_tweet.text === 'string' ? tweet.note_tweet : undefined;
  // The API escapes &, < and > in tweet text as HTML entities.
  return decodeEntities(note ? expandUrls(note.text as string, note.entities) : expandUrls(str(tweet.text) ?? '', tweet.entities));
}

function expandUrls(text: string, entities: unknown): string {
  let result = text;
  for (const url of list(field(entities, 'urls'))) {
    const short = str(field(url, 'url'));
    if (!short || !result.includes(short)) continue;
    const display = str(field(url, 'display_url')) ?? '';
    const isMedia = field(url, 'media_key') !== undefined || /^pic\.(?:twitter|x)\.com\//.test(display);
    const target = isMedia ? '' : (httpUrl(str(field(url, 'unwound_url'))) ?? httpUrl(str(field(url, 'expanded_url'))) ?? short);
    result = result.split(short).join(target);
  }
  return result;
}

function attachmentsOf(tweet: JsonObject, expansions: Expansions): Attachment[] {
  const inlineMedia = list(path(tweet, 'attachments', 'media')).filter(isObject);
  const keyed = list(path(tweet, 'attachments', 'media_keys')).flatMap((key) => {
    const media = expansions.mediaItem(str(key));
    return media ? [media] : [];
  });
  // Flattened tweets carry empty media objects for media the page did not expand.
  const known = inlineMedia.filter((media) => str(media.media_key) !== undefined || str(media.url) !== undefined);
  return [...keyed, ...known].slice(0, 100).map(mediaAttachment);
}

/** Photos have a URL; videos and GIFs have variants, of which the highest-bitrate MP4 is the one to keep. */
function mediaAttachment(media: JsonObject): Attachment {
  const type = str(media.type) ?? 'media';
  const variants = list(media.variants).filter(isObject);
  const best = variants
    .filter((v) => str(v.content_type) === 'video/mp4')
    .sort((a, b) => (count(b.bit_rate) ?? 0) - (count(a.bit_rate) ?? 0))[0];
  const url = httpUrl(str(media.url)) ?? httpUrl(str(best?.url)) ?? httpUrl(str(media.preview_image_url));
  const alt = str(media.alt_text);
  return {
    name: (alt ? normaliseLine(alt, 1_024) : undefined) || str(media.media_key) || type,
    contentType:
      best || type === 'video' || type === 'animated_gif'
        ? 'video/mp4'
        : contentTypeFor(url, type === 'photo' ? 'image/jpeg' : 'application/octet-stream'),
    url,
  };
}

function metricsOf(tweet: JsonObject): Metrics | undefined {
  const metrics = isObject(tweet.public_metrics) ? tweet.public_metrics : undefined;
  if (!metrics) return undefined;
  return { likes: count(metrics.like_count) ?? 0, shares: count(metrics.retweet_count) ?? 0, replies: count(metrics.reply_count) ?? 0 };
}
