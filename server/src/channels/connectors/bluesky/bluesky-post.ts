/**
 * AT Protocol `app.bsky.feed.post` records to message drafts. A post's id is its at:// URI, the
 * same string reply references use, so threads link without lookups.
 */
import type { Attachment, Author } from '../../message.schema.js';
import { parseDate } from '../../parsing/dates.js';
import { count, field, isObject, list, path, str, type JsonObject } from '../../parsing/json.js';
import type { MessageDraft } from '../../parsing/parse-result.js';
import { normaliseText, truncate } from '../../parsing/text.js';
import { languageTag } from '../../parsing/values.js';

const HANDLE = /^(?=.{3,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/i;
const DID = /^did:[a-z]{1,32}:[A-Za-z0-9._:%-]{1,2048}$/;
const RKEY = /^[A-Za-z0-9._:~-]{1,512}$/;
const AT_URI = /^at:\/\/[^\s/]{1,2048}\/[a-zA-Z0-9.-]{1,317}\/[A-Za-z0-9._:~-]{1,512}$/;

export const POST_COLLECTION = 'app.bsky.feed.post';

export function isDid(value: unknown): value is string {
  return typeof value === 'string' && DID.test(value);
}

export function postUri(did: string, rkey: string): string | undefined {
  return RKEY.test(rkey) ? `at://${did}/${POST_COLLECTION}/${rkey}` : undefined;
}

/** "at://did/collection/rkey" into its parts, when it is a well-formed post URI. */
export function splitPostUri(uri: unknown): { did: string; rkey: string } | undefined {
  if (typeof uri !== 'string' || !AT_URI.test(uri)) return undefined;
  const [did, collection, rkey] = uri.slice('at://'.length).split('/');
  return did && isDid(did) && collection === POST_COLLECTION && rkey ? { did, rkey } : undefined;
}

/** What is known about a post's author; Jetstream gives only the DID, a capture gives the profile. */
export function authorFor(did: string, known?: Partial<Author>): Author {
  // A handle is a domain name; anything else from the wire is ignored in favour of the DID.
  const handle = known?.handle && HANDLE.test(known.handle) ? known.handle.toLowerCase() : did;
  return {
    externalId: did,
    handle,
    displayName: known?.displayName || handle,
    // DIDs and handles are validated path-safe (no slash, no space); colons are legal in a path.
    profileUrl: `https://bsky.app/profile/${handle}`,
    avatarUrl: known?.avatarUrl,
    followers: known?.followers,
    following: known?.following,
    postsCount: known?.postsCount,
    bio: known?.bio,
  };
}

export interface PostSource {
  did: string;
  rkey: string;
  record: JsonObject;
  author: Author;
  /** When the network saw the post (Jetstream `time_us`); `createdAt` is only what the client claimed. */
  seenAt?: Date;
}

export function postDraft({ did, rkey, record, author, seenAt }: PostSource): MessageDraft | string {
  const uri = postUri(did, rkey);
  if (!uri) return `record key "${truncate(rkey, 64)}" is not valid`;
  if (typeof record.text !== 'string') return 'post record has no text';
  const sentAt = parseDate(record.createdAt) ?? seenAt;
  if (!sentAt) return 'post has no valid createdAt';
  const parent = str(path(record, 'reply', 'parent', 'uri'));
  const root = str(path(record, 'reply', 'root', 'uri'));
  const validRoot = root && AT_URI.test(root) ? root : undefined;
  const validParent = parent && AT_URI.test(parent) ? parent : undefined;
  return {
    channel: 'bluesky',
    externalId: uri,
    threadKey: validRoot ?? (validParent ? undefined : uri),
    inReplyToExternalId: validParent,
    rootExternalId: validRoot,
    author,
    text: normaliseText(expandLinks(record.text, record.facets)),
    url: `https://bsky.app/profile/${did}/post/${rkey}`,
    language: languageTag(list(record.langs)[0]),
    sentAt,
    receivedAt: seenAt,
    isPrivate: false,
    attachments: attachmentsOf(did, record.embed),
  };
}

/**
 * Clients shorten long links in the text ("atproto.com/community/qu...") and keep the full URI in a
 * link facet, addressed in UTF-8 bytes. The full URI replaces the shortened one; link text that is
 * not a shortening of its URI (custom wording) is left as written.
 */
function expandLinks(text: string, facets: unknown): string {
  const bytes = Buffer.from(text, 'utf8');
  const links = list(facets)
    .flatMap((facet) => {
      const start = count(path(facet, 'index', 'byteStart'));
      const end = count(path(facet, 'index', 'byteEnd'));
      const uri = list(field(facet, 'features'))
        .map((f) => (str(field(f, '$type')) === 'app.bsky.richtext.facet#link' ? str(field(f, 'uri')) : undefined))
        .find((u) => u !== undefined);
      return start !== undefined && end !== undefined && uri && start < end && end <= bytes.length ? [{ start, end, uri }] : [];
    })
    .sort((a, b) => a.start - b.start);
  if (links.length === 0) return text;
  const parts: string[] = [];
  let at = 0;
  for (const { start, end, uri } of links) {
    if (start < at) continue;
    const shown = bytes.subarray(start, end).toString('utf8');
    const stem = shown.replace(/(?:\.\.\.|…)$/, '');
    const bare = uri.replace(/^https?:\/\//, '');
    if (!stem || !bare.startsWith(stem.replace(/^https?:\/\//, ''))) continue;
    parts.push(bytes.subarray(at, start).toString('utf8'), uri);
    at = end;
  }
  parts.push(bytes.subarray(at).toString('utf8'));
  return parts.join('');
}

/** Images and video, as blob metadata; an external link card or a quoted post is not an attachment. */
function attachmentsOf(did: string, embed: unknown): Attachment[] {
  if (!isObject(embed)) return [];
  const type = str(embed.$type);
  if (type === 'app.bsky.embed.recordWithMedia') return attachmentsOf(did, embed.media);
  if (type === 'app.bsky.embed.images') {
    return list(embed.images).flatMap((image, i) =>
      blobAttachment(did, field(image, 'image'), str(field(image, 'alt')), `image-${i + 1}`, true),
    );
  }
  if (type === 'app.bsky.embed.video') return blobAttachment(did, embed.video, str(embed.alt), 'video', false);
  return [];
}

function blobAttachment(did: string, blob: unknown, alt: string | undefined, fallbackName: string, image: boolean): Attachment[] {
  const cid = str(path(blob, 'ref', '$link')) ?? str(field(blob, 'cid'));
  const mimeType = str(field(blob, 'mimeType'));
  if (!cid || !mimeType) return [];
  const safeCid = /^[a-z0-9]{10,200}$/i.test(cid) ? cid : undefined;
  return [
    {
      name: truncate(alt?.trim() || fallbackName, 1_024),
      contentType: mimeType,
      size: count(field(blob, 'size')),
      // The public CDN serves images by DID and blob CID; videos go through a playlist service instead.
      url: image && safeCid ? `https://cdn.bsky.app/img/feed_fullsize/plain/${did}/${safeCid}@jpeg` : undefined,
    },
  ];
}
