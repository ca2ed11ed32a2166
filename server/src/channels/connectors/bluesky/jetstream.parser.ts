/**
 * The `jetstream` format: Bluesky's Jetstream firehose as JSON Lines (one event per line), plus two
 * record dumps people save from the network: indigo's account capture ({accountMeta, postRecords})
 * and com.atproto.repo.listRecords pages ({records: [{uri, cid, value}]}).
 *
 * Post creates and updates become messages, post deletes deletions, profile updates author
 * profiles; likes, reposts, follows, blocks and other lexicons are skipped with their name.
 */
import type { Author } from '../../message.schema.js';
import { fromEpochMillis } from '../../parsing/dates.js';
import { count, isObject, list, path, str, type JsonObject } from '../../parsing/json.js';
import { forEachJsonValue } from '../../parsing/json-input.js';
import { ResultCollector, type ParseOptions, type ParseResult, type ParserInput } from '../../parsing/parse-result.js';
import { normaliseLine, normaliseText, truncate } from '../../parsing/text.js';
import { authorFor, isDid, POST_COLLECTION, postDraft, postUri, splitPostUri } from './bluesky-post.js';

const PROFILE_COLLECTION = 'app.bsky.actor.profile';

export function parseJetstream(input: ParserInput, options?: ParseOptions): ParseResult {
  const collector = new ResultCollector('jetstream', options);
  forEachJsonValue(collector, input, options, (value, line) => readValue(collector, value, line));
  return collector.result;
}

function readValue(collector: ResultCollector, value: unknown, line: number | undefined): void {
  if (isObject(value) && isObject(value.accountMeta) && Array.isArray(value.postRecords)) return readCapture(collector, value, line);
  if (isObject(value) && Array.isArray(value.records) && !('kind' in value)) {
    for (const item of value.records) readRepoRecord(collector, item, collector.nextIndex(), line, undefined);
    return;
  }
  readEvent(collector, value, collector.nextIndex(), line);
}

function readEvent(collector: ResultCollector, event: unknown, index: number, line: number | undefined): void {
  if (!isObject(event) || !isDid(event.did) || typeof event.kind !== 'string') {
    return collector.reject(index, 'invalid', 'not a Jetstream event: expected did, time_us and kind', line);
  }
  const did = event.did;
  const seenAt = typeof event.time_us === 'number' ? fromEpochMillis(Math.floor(event.time_us / 1000)) : undefined;
  if (event.kind === 'identity') {
    const handle = str(path(event, 'identity', 'handle'));
    if (handle) return collector.profile('bluesky', authorFor(did, { handle: truncate(handle, 512) }), index, line);
    return collector.reject(index, 'not-a-message', 'identity event without a handle', line);
  }
  if (event.kind !== 'commit')
    return collector.reject(index, 'not-a-message', `${truncate(event.kind, 40)} event: account state, not a message`, line);
  const commit = isObject(event.commit) ? event.commit : undefined;
  const collection = str(commit?.collection) ?? 'unknown';
  const operation = str(commit?.operation) ?? 'unknown';
  const rkey = str(commit?.rkey) ?? '';
  if (collection === POST_COLLECTION && operation === 'delete') {
    const uri = postUri(did, rkey);
    if (uri) return collector.deletion('bluesky', uri, index, seenAt, line);
    return collector.reject(index, 'invalid', 'post delete without a valid record key', line);
  }
  const record = isObject(commit?.record) ? commit.record : undefined;
  if (collection === POST_COLLECTION && (operation === 'create' || operation === 'update')) {
    if (!record) return collector.reject(index, 'invalid', `post ${operation} without a record`, line);
    const draft = postDraft({ did, rkey, record, author: authorFor(did), seenAt });
    return typeof draft === 'string' ? collector.reject(index, 'invalid', draft, line) : collector.message(draft, index, line);
  }
  if (collection === PROFILE_COLLECTION && record && operation !== 'delete') {
    return collector.profile('bluesky', authorFor(did, profileFields(did, record)), index, line);
  }
  collector.reject(index, 'not-a-message', `${truncate(collection, 100)} ${truncate(operation, 20)}: not a post`, line);
}

/** An `app.bsky.actor.profile` record: the name and bio people chose, and the avatar blob. */
function profileFields(did: string, record: JsonObject): Partial<Author> {
  const avatarCid = str(path(record, 'avatar', 'ref', '$link'));
  const description = str(record.description);
  return {
    displayName: normaliseLine(str(record.displayName) ?? '', 512) || undefined,
    bio: description ? truncate(normaliseText(description), 10_000) : undefined,
    avatarUrl:
      avatarCid && /^[a-z0-9]{10,200}$/i.test(avatarCid) ? `https://cdn.bsky.app/img/avatar/plain/${did}/${avatarCid}@jpeg` : undefined,
  };
}

/** indigo's automod capture: one account's identity and profile, then its posts as repo records. */
function readCapture(collector: ResultCollector, capture: JsonObject, line: number | undefined): void {
  const meta = capture.accountMeta as JsonObject;
  const did = str(path(meta, 'Identity', 'DID'));
  const profileIndex = collector.nextIndex();
  let author: Author | undefined;
  if (isDid(did)) {
    const handle = str(path(meta, 'Identity', 'Handle'));
    const description = str(path(meta, 'Profile', 'Description'));
    author = authorFor(did, {
      handle: handle && handle !== 'handle.invalid' ? truncate(handle, 512) : undefined,
      displayName: normaliseLine(str(path(meta, 'Profile', 'DisplayName')) ?? '', 512) || undefined,
      bio: description ? truncate(normaliseText(description), 10_000) : undefined,
      followers: count(meta.FollowersCount),
      following: count(meta.FollowsCount),
      postsCount: count(meta.PostsCount),
    });
    collector.profile('bluesky', author, profileIndex, line);
  } else {
    collector.reject(profileIndex, 'invalid', 'capture has no valid account DID', line);
  }
  for (const item of list(capture.postRecords)) readRepoRecord(collector, item, collector.nextIndex(), line, author);
}

/** A {uri, cid, value} repo record; the author is known from the capture or only by the URI's DID. */
function readRepoRecord(
  collector: ResultCollector,
  item: unknown,
  index: number,
  line: number | undefined,
  author: Author | undefined,
): void {
  const parts = splitPostUri(isObject(item) ? item.uri : undefined);
  const value = isObject(item) && isObject(item.value) ? item.value : undefined;
  if (!parts || !value) return collector.reject(index, 'invalid', 'not an app.bsky.feed.post record with an at:// URI and a value', line);
  const draft = postDraft({ ...parts, record: value, author: author && author.externalId === parts.did ? author : authorFor(parts.did) });
  if (typeof draft === 'string') collector.reject(index, 'invalid', draft, line);
  else collector.message(draft, index, line);
}
