/**
 * The feed formats (RSS, RDF, Atom, JSON Feed) differ in element names but not in what an entry
 * is. Each dialect maps its entries to `FeedEntry`; this file turns a `FeedEntry` into a message,
 * so id, date, author and text rules are the same for every feed.
 */
import type { Attachment, Author } from '../../message.schema.js';
import type { ResultCollector } from '../../parsing/parse-result.js';
import { normaliseText } from '../../parsing/text.js';
import { cleanId, generatedId, httpUrl } from '../../parsing/values.js';

export interface FeedPerson {
  name?: string;
  /** A page for the person (Atom uri, JSON Feed url). */
  url?: string;
  email?: string;
  avatar?: string;
}

export interface FeedInfo {
  id?: string;
  title?: string;
  /** The site's page (resolved), also the base for relative links. */
  link?: string;
  language?: string;
  author?: FeedPerson;
}

export interface FeedEntry {
  id?: string;
  link?: string;
  title?: string;
  html?: string;
  text?: string;
  published?: Date;
  author?: FeedPerson;
  inReplyTo?: string;
  language?: string;
  attachments: Attachment[];
}

/** Turns one entry into a message, or rejects it with the reason. */
export function addFeedEntry(collector: ResultCollector, feed: FeedInfo, entry: FeedEntry, index: number): void {
  const text = normaliseText(entry.text ?? '');
  // An id alone says nothing: stored, it would be an empty conversation with no subject and no text.
  if (!entry.link && !entry.title && !text && entry.attachments.length === 0) {
    collector.reject(index, 'empty', 'entry has no title, content, link or attachment');
    return;
  }
  const sentAt = entry.published ?? collector.receivedAt;
  if (!sentAt) {
    collector.reject(index, 'invalid', 'entry has no valid date (published/updated/pubDate), and no receivedAt was given to stand in');
    return;
  }
  const url = httpUrl(entry.link, feed.link);
  // The guid, else the link, else the content itself: a feed that gives nothing stable still deduplicates.
  const externalId =
    cleanId(entry.id) ?? url ?? cleanId(entry.link) ?? generatedId(entry.title, entry.html ?? text, entry.published?.toISOString());
  const inReplyTo = cleanId(entry.inReplyTo);
  collector.message(
    {
      channel: 'rss',
      externalId,
      threadKey: inReplyTo ? undefined : externalId,
      inReplyToExternalId: inReplyTo,
      author: authorOf(feed, entry.author),
      // Search and NLP read `text`; a link-only item's title is all it says.
      text: text || entry.title || '',
      html: entry.html,
      title: entry.title,
      url,
      language: entry.language ?? feed.language,
      sentAt,
      isPrivate: false,
      attachments: entry.attachments,
    },
    index,
  );
}

/**
 * The entry's author when it names one; otherwise the feed speaks for itself (a blog's posts are
 * the blog's). Feed e-mail addresses are unverified and are not copied into `email`.
 */
function authorOf(feed: FeedInfo, person: FeedPerson | undefined): Author {
  const own = person && (person.name || person.url || person.email) ? person : undefined;
  const chosen = own ?? feed.author;
  const profileUrl = httpUrl(chosen?.url, feed.link) ?? (own ? undefined : httpUrl(feed.link));
  if (chosen && (chosen.name || chosen.email || profileUrl)) {
    const handle = chosen.name ?? chosen.email ?? profileUrl!;
    return {
      externalId: profileUrl ?? chosen.email?.toLowerCase() ?? handle,
      handle,
      displayName: chosen.name ?? handle,
      profileUrl,
      avatarUrl: httpUrl(chosen.avatar, feed.link),
    };
  }
  const feedName = feed.title ?? hostOf(feed.link) ?? 'Untitled feed';
  return {
    externalId: httpUrl(feed.link) ?? cleanId(feed.id) ?? feedName,
    handle: feedName,
    displayName: feedName,
    profileUrl: httpUrl(feed.link),
  };
}

function hostOf(url: string | undefined): string | undefined {
  try {
    return url ? new URL(url).host || undefined : undefined;
  } catch {
    return undefined;
  }
}
