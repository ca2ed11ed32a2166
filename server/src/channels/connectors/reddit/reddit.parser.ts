/**
 * The `reddit` format: Reddit API JSON ("things"): listings of posts (t3) and comments (t1), a post
 * page ([post listing, comment listing]) with its nested reply trees, inbox messages (t4), and user
 * (t2) and subreddit (t5) objects. Ids are fullnames ("t3_abc"), the form `parent_id` and `link_id`
 * use, so a comment's parent and thread are its own fields.
 */
import type { Author } from '../../message.schema.js';
import { fromEpochSeconds } from '../../parsing/dates.js';
import { count, isObject, list, path, str, type JsonObject } from '../../parsing/json.js';
import { forEachJsonValue } from '../../parsing/json-input.js';
import { ResultCollector, type ParseOptions, type ParseResult, type ParserInput } from '../../parsing/parse-result.js';
import { decodeEntities, htmlToText, normaliseLine, normaliseText, truncate } from '../../parsing/text.js';
import { cleanId, httpUrl } from '../../parsing/values.js';

/** Comment trees nest a listing per level; real threads stop well before this. */
const MAX_THINGS = 200_000;

export function parseReddit(input: ParserInput, options?: ParseOptions): ParseResult {
  const collector = new ResultCollector('reddit', options);
  forEachJsonValue(collector, input, options, (value, line) => walk(collector, value, line));
  return collector.result;
}

/**
 * Depth-first over listings and reply trees with an explicit stack, so a hostile 10,000-level
 * nesting costs memory in proportion to its size and never the call stack.
 */
function walk(collector: ResultCollector, root: unknown, line: number | undefined): void {
  const stack: unknown[] = [root];
  let seen = 0;
  while (stack.length > 0) {
    if (++seen > MAX_THINGS) return collector.reject(null, 'too-large', `more than ${MAX_THINGS} things in one document`, line);
    const value = stack.pop();
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push(value[i]);
      continue;
    }
    if (!isObject(value) || typeof value.kind !== 'string') {
      collector.reject(collector.nextIndex(), 'invalid', 'not a Reddit thing ({kind, data})', line);
      continue;
    }
    const data = isObject(value.data) ? value.data : undefined;
    if (value.kind === 'Listing') {
      const children = list(data?.children);
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
      continue;
    }
    const index = collector.nextIndex();
    if (!data) {
      collector.reject(index, 'invalid', `${truncate(value.kind, 10)} thing without data`, line);
      continue;
    }
    thing(collector, value.kind, data, index, line);
    // Replies come after their parent, in order.
    if (isObject(data.replies)) stack.push(data.replies);
  }
}

function thing(collector: ResultCollector, kind: string, data: JsonObject, index: number, line: number | undefined): void {
  if (kind === 't3' || kind === 't1' || kind === 't4') {
    const draft = thingDraft(kind, data);
    return typeof draft === 'string' ? collector.reject(index, 'invalid', draft, line) : collector.message(draft, index, line);
  }
  if (kind === 't2') {
    const author = userProfile(data);
    return author ? collector.profile('reddit', author, index, line) : collector.reject(index, 'invalid', 'user without a name', line);
  }
  if (kind === 'more')
    return collector.reject(index, 'not-a-message', `"more" placeholder for ${count(data.count) ?? 0} unloaded comments`, line);
  if (kind === 't5')
    return collector.reject(
      index,
      'not-a-message',
      `subreddit r/${truncate(str(data.display_name) ?? '?', 50)}: a community, not a message`,
      line,
    );
  collector.reject(index, 'not-a-message', `${truncate(kind, 10)} thing: not a post, comment or message`, line);
}

function thingDraft(kind: 't1' | 't3' | 't4', data: JsonObject): Parameters<ResultCollector['message']>[0] | string {
  const name = cleanId(str(data.name)) ?? (str(data.id) ? `${kind}_${str(data.id)}` : undefined);
  if (!name) return `${kind} without name or id`;
  const author = str(data.author);
  if (!author || author === '[deleted]') return 'author deleted: nothing to attribute the message to';
  const sentAt = fromEpochSeconds(data.created_utc) ?? fromEpochSeconds(data.created);
  if (!sentAt) return `${kind} without a valid created_utc`;
  const parent = cleanId(str(data.parent_id));
  const permalink = str(data.permalink) ?? str(data.context);
  // Inbox comment replies carry no link_id; their context URL names the post.
  const postInUrl = permalink ? /\/comments\/([a-z0-9]{1,20})\//i.exec(permalink)?.[1] : undefined;
  const link = cleanId(str(data.link_id)) ?? (kind === 't1' && postInUrl ? `t3_${postInUrl.toLowerCase()}` : undefined);
  const firstMessage = cleanId(str(data.first_message_name));
  // Reddit escapes its own HTML once more inside JSON ("&lt;div class=\"md\"&gt;").
  const htmlField = str(kind === 't3' ? data.selftext_html : data.body_html);
  const html = htmlField ? decodeEntities(htmlField) : undefined;
  const body = str(kind === 't3' ? data.selftext : data.body);
  const outbound = kind === 't3' && data.is_self === false ? httpUrl(str(data.url)) : undefined;
  const threadKey = kind === 't3' ? name : kind === 't1' ? (link ?? undefined) : (firstMessage ?? name);
  return {
    channel: 'reddit',
    externalId: name,
    threadKey: threadKey ?? (parent ? undefined : name),
    inReplyToExternalId: parent,
    rootExternalId: kind === 't1' ? link : kind === 't4' && firstMessage !== name ? firstMessage : undefined,
    author: authorOf(author),
    // Markdown source is the text people wrote; the rendered HTML is the fallback. A link post's body is its link.
    text: body ? normaliseText(decodeEntities(body)) : html ? htmlToText(html) : (outbound ?? ''),
    html,
    title:
      kind === 't3' || kind === 't4' ? normaliseLine(decodeEntities(str(data.title) ?? str(data.subject) ?? '')) || undefined : undefined,
    url: permalink ? httpUrl(permalink, 'https://www.reddit.com') : outbound,
    sentAt,
    isPrivate: kind === 't4',
    attachments: [],
    metrics: kind === 't4' ? undefined : metricsOf(kind, data),
  };
}

/** A score can be negative; as "likes" it counts from zero. A comment's replies are its loaded children. */
function metricsOf(kind: 't1' | 't3', data: JsonObject): { likes: number; shares: number; replies: number } {
  const likes = Math.max(0, Math.trunc(Number(data.score) || 0));
  if (kind === 't3') return { likes, shares: count(data.num_crossposts) ?? 0, replies: count(data.num_comments) ?? 0 };
  return {
    likes,
    shares: 0,
    replies: list(path(data, 'replies', 'data', 'children')).filter((c) => isObject(c) && c.kind === 't1').length,
  };
}

/** Usernames are unique and never change; `author_fullname` (t2_…) is missing from inbox items. */
function authorOf(username: string): Author {
  return {
    externalId: username,
    handle: username,
    displayName: username,
    profileUrl: `https://www.reddit.com/user/${encodeURIComponent(username)}/`,
  };
}

function userProfile(data: JsonObject): Author | undefined {
  const name = str(data.name);
  if (!name) return undefined;
  const description = str(path(data, 'subreddit', 'public_description'));
  const title = str(path(data, 'subreddit', 'title'));
  return {
    ...authorOf(name),
    displayName: (title && normaliseLine(title, 512)) || name,
    avatarUrl: httpUrl(decodeEntities(str(data.icon_img) ?? '')),
    bio: description ? truncate(normaliseText(description), 10_000) : undefined,
  };
}
