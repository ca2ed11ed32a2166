/**
 * The `twitter-v2` format: X/Twitter API v2 responses (search, timelines, lookups, filtered-stream
 * deliveries, DM events) as JSON or JSON Lines, including twarc's captures (an extra `__twarc`
 * key per page) and twarc's flattened tweets (author and references inlined).
 *
 * A page's `data` holds the tweets; `includes` holds the expansions (users, referenced tweets,
 * media) that give tweets their authors and attachments. Responses of other endpoints (counts,
 * lists) are recognised and skipped with a reason; a user lookup yields profiles.
 */
import { isObject, list, str, type JsonObject } from '../../parsing/json.js';
import { forEachJsonValue } from '../../parsing/json-input.js';
import { ResultCollector, type ParseOptions, type ParseResult, type ParserInput } from '../../parsing/parse-result.js';
import { parseDate } from '../../parsing/dates.js';
import { truncate } from '../../parsing/text.js';
import { cleanId } from '../../parsing/values.js';
import { Expansions } from './twitter-expansions.js';
import { dmDraft, tweetDraft, userAuthor } from './twitter-tweet.js';

export function parseTwitterV2(input: ParserInput, options?: ParseOptions): ParseResult {
  const collector = new ResultCollector('twitter-v2', options);
  forEachJsonValue(collector, input, options, (page, line) => readPage(collector, page, line));
  return collector.result;
}

function readPage(collector: ResultCollector, page: unknown, line: number | undefined): void {
  if (!isObject(page)) return collector.reject(collector.nextIndex(), 'invalid', 'not a JSON object', line);
  // A flattened (twarc2 flatten) or bare tweet: the page is the tweet.
  if (isTweet(page)) return readItem(collector, page, new Expansions(page), line);
  if (typeof page.action === 'string' && str(page.id)) return complianceEvent(collector, page, line);
  const items = Array.isArray(page.data) ? page.data : isObject(page.data) ? [page.data] : undefined;
  if (!items) {
    // An errors-only page (every requested tweet deleted or protected) is a rejection per error.
    if (Array.isArray(page.errors)) return apiErrors(collector, page.errors, line);
    return collector.reject(collector.nextIndex(), 'invalid', 'not an X API v2 response: no "data"', line);
  }
  // A counts or lists page is one skipped item, not one per bucket or list.
  const others = items.filter(
    (item) => isObject(item) && !isTweet(item) && typeof item.event_type !== 'string' && typeof item.username !== 'string',
  );
  if (items.length > 0 && others.length === items.length) {
    return collector.reject(
      collector.nextIndex(),
      'not-a-message',
      `${describeOther(others[0] as JsonObject)} (${items.length} in the page)`,
      line,
    );
  }
  const expansions = new Expansions(page);
  for (const item of items) readItem(collector, item, expansions, line);
  apiErrors(collector, list(page.errors), line);
  if (items.length === 0 && list(page.errors).length === 0) collector.reject(null, 'empty', 'page has no tweets', line);
}

function readItem(collector: ResultCollector, item: unknown, expansions: Expansions, line: number | undefined): void {
  const index = collector.nextIndex();
  if (!isObject(item)) return collector.reject(index, 'invalid', 'data item is not an object', line);
  if (isTweet(item)) {
    const draft = tweetDraft(item, expansions);
    return typeof draft === 'string' ? collector.reject(index, 'invalid', draft, line) : collector.message(draft, index, line);
  }
  if (typeof item.event_type === 'string') {
    if (item.event_type !== 'MessageCreate')
      return collector.reject(index, 'not-a-message', `DM ${truncate(item.event_type, 40)} event`, line);
    const draft = dmDraft(item, expansions);
    return typeof draft === 'string' ? collector.reject(index, 'invalid', draft, line) : collector.message(draft, index, line);
  }
  if (typeof item.username === 'string') {
    const author = userAuthor(item);
    if (author) return collector.profile('twitter', author, index, line);
    return collector.reject(index, 'invalid', 'user has no id', line);
  }
  collector.reject(index, 'not-a-message', describeOther(item), line);
}

/**
 * A batch-compliance record: "delete" means the tweet must go (deleted, or its account protected,
 * suspended or deactivated); other actions (scrub_geo, withheld, profile changes) carry no message.
 */
function complianceEvent(collector: ResultCollector, record: JsonObject, line: number | undefined): void {
  const index = collector.nextIndex();
  const id = cleanId(str(record.id));
  const action = record.action as string;
  if (action === 'delete' && id) return collector.deletion('twitter', id, index, parseDate(record.created_at), line);
  collector.reject(index, 'not-a-message', `compliance ${truncate(action, 30)} record`, line);
}

function isTweet(value: JsonObject): boolean {
  return str(value.id) !== undefined && typeof value.text === 'string' && value.event_type === undefined;
}

/** Names what a non-tweet page item is, so the report says why a file gave no messages. */
function describeOther(item: JsonObject): string {
  if ('tweet_count' in item && 'start' in item) return 'tweet counts: a volume figure, not a tweet';
  if ('owner_id' in item || 'member_count' in item) return 'list metadata, not a tweet';
  if ('media_key' in item) return 'media object, not a tweet';
  if ('options' in item && 'voting_status' in item) return 'poll, not a tweet';
  return 'not a tweet, DM event or user';
}

/** Partial errors name the tweet they concern ("Not Found", "Authorization Error" for protected accounts). */
function apiErrors(collector: ResultCollector, errors: readonly unknown[], line: number | undefined): void {
  for (const error of errors) {
    if (!isObject(error)) continue;
    const what = str(error.resource_type) ?? 'resource';
    const id = str(error.resource_id) ?? str(error.value) ?? '?';
    const detail = str(error.detail) ?? str(error.title) ?? 'error';
    collector.reject(null, 'not-a-message', `API error for ${truncate(what, 20)} ${truncate(id, 40)}: ${truncate(detail, 200)}`, line);
  }
}
