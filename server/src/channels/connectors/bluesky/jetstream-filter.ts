/**
 * Which Jetstream events a Bluesky channel keeps: posts by the accounts it follows or whose text
 * says one of its keywords, the deletions of those posts, and the handle changes of their authors.
 * It reads the event as it came off the wire, before parsing, so the firehose's other thousands of
 * events a minute cost one JSON.parse each and nothing more.
 */
import { isObject, path, str } from '../../parsing/json.js';
import { POST_COLLECTION, postUri } from './bluesky-post.js';

export interface WatchList {
  keywords?: readonly string[];
  accounts?: readonly string[];
}

/** Posts kept this session, so their deletions are kept too; bounded, oldest forgotten first. */
const REMEMBERED = 10_000;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * One pattern for all keywords: each a whole word or phrase, case-insensitive, any run of spaces
 * between a phrase's words. "ai" matches "AI tools" but not "said"; "#rapport" matches the tag.
 */
export function keywordPattern(keywords: readonly string[]): RegExp | null {
  const alternatives = keywords
    .map((k) => k.trim())
    .filter(Boolean)
    .map((k) => k.split(/\s+/).map(escape).join('\\s+'));
  if (alternatives.length === 0) return null;
  return new RegExp(`(?<![\\p{L}\\p{N}_])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}_])`, 'iu');
}

/** A filter with memory: call `keep` on each event in stream order. */
export function jetstreamFilter(watch: WatchList): { keep(event: unknown): boolean } {
  const accounts = new Set(watch.accounts ?? []);
  const pattern = keywordPattern(watch.keywords ?? []);
  const keptPosts = new Set<string>();
  const keptAuthors = new Set<string>();

  const remember = (set: Set<string>, value: string) => {
    set.delete(value);
    set.add(value);
    if (set.size > REMEMBERED) set.delete(set.values().next().value!);
  };

  return {
    keep(event) {
      if (!isObject(event) || typeof event.did !== 'string') return false;
      const did = event.did;
      if (event.kind === 'identity') return accounts.has(did) || keptAuthors.has(did);
      if (event.kind !== 'commit' || str(path(event, 'commit', 'collection')) !== POST_COLLECTION) return false;
      const uri = postUri(did, str(path(event, 'commit', 'rkey')) ?? '');
      if (!uri) return false;
      if (str(path(event, 'commit', 'operation')) === 'delete') return accounts.has(did) || keptPosts.has(uri);
      const text = str(path(event, 'commit', 'record', 'text'));
      if (!accounts.has(did) && !(pattern && text !== undefined && pattern.test(text))) return false;
      remember(keptPosts, uri);
      remember(keptAuthors, did);
      return true;
    },
  };
}
