/**
 * The `mastodon` format: what the Mastodon API returns and streams, saved as JSON, JSON Lines or
 * a raw server-sent-events capture. Statuses and timelines become messages; contexts also name the
 * thread root; notifications carry the status they are about; conversations are DMs; streaming
 * `update`/`status.update` are statuses and `delete` a deletion; accounts are author profiles.
 */
import { decodeUtf8, isBytes, tooLarge } from '../../parsing/input.js';
import { isObject, list, readJson, str, type JsonObject, type JsonRecord } from '../../parsing/json.js';
import { ResultCollector, type ParseOptions, type ParseResult, type ParserInput } from '../../parsing/parse-result.js';
import { cleanId } from '../../parsing/values.js';
import { authorOf, isAccount, isStatus, statusDraft, type ThreadHint } from './mastodon-entities.js';

/** Notifications whose status is the channel's own post (someone favourited or boosted it). */
const ABOUT_OWN_STATUS = new Set(['favourite', 'reblog']);
/** Notifications whose status is someone else's message to or about the channel. */
const CARRIES_MESSAGE = new Set(['mention', 'status', 'update', 'quote', 'poll']);
/** API entities that are not messages, told apart by the fields that define them, so they are skipped rather than dead-lettered. */
const OTHER_ENTITIES: [string, string[]][] = [
  ['hashtag (trend data)', ['name', 'history']],
  ['hashtag', ['name', 'url', 'following']],
  ['relationship', ['following', 'followed_by']],
  ['instance', ['uri', 'title', 'version']],
  ['preview card', ['url', 'title', 'provider_name']],
  ['media attachment', ['type', 'url', 'preview_url']],
  ['custom emoji', ['shortcode', 'url']],
  ['list', ['id', 'title', 'replies_policy']],
  ['application', ['name', 'website']],
  ['OAuth token', ['access_token', 'token_type']],
  ['report', ['id', 'action_taken']],
  ['filter', ['id', 'context']],
  ['marker', ['last_read_id']],
  ['API error', ['error']],
];

/** Streaming events whose payload is a JSON entity that may hold a message. */
const PAYLOAD_EVENTS = new Set(['update', 'status.update', 'notification', 'conversation']);

export function parseMastodon(input: ParserInput, options?: ParseOptions): ParseResult {
  const collector = new ResultCollector('mastodon', options);
  if (typeof input === 'string' || isBytes(input)) {
    const oversize = tooLarge(input, options);
    if (oversize) {
      collector.reject(null, 'too-large', oversize);
      return collector.result;
    }
  }
  const { records, errors } = isEventStream(input) ? readEventStream(decodeUtf8(input)) : readJson(input);
  for (const error of errors) collector.reject(null, 'malformed', error.reason, error.line);
  const reader = new MastodonReader(collector);
  for (const record of records) {
    for (const item of Array.isArray(record.value) ? record.value : [record.value]) reader.item(item, record.line);
  }
  const { messages, profiles, deletions, rejected } = collector.result;
  if (messages.length + profiles.length + deletions.length + rejected.length === 0)
    collector.reject(null, 'empty', 'the file holds no Mastodon entities');
  return collector.result;
}

class MastodonReader {
  constructor(private readonly collector: ResultCollector) {}

  /** Contexts and search results hold several items; everything else is one item with one index. */
  item(value: unknown, line: number | undefined): void {
    if (isObject(value) && (Array.isArray(value.ancestors) || Array.isArray(value.descendants))) return this.context(value, line);
    if (isObject(value) && 'statuses' in value && 'accounts' in value) return this.search(value, line);
    const index = this.collector.nextIndex();
    try {
      this.single(value, index, line);
    } catch (error) {
      this.collector.reject(index, 'invalid', `item could not be read: ${error instanceof Error ? error.message : String(error)}`, line);
    }
  }

  private single(value: unknown, index: number, line: number | undefined): void {
    if (!isObject(value)) return this.collector.reject(index, 'invalid', 'item is not a JSON object', line);
    if (isStatus(value)) return this.status(value, index, line);
    if (typeof value.event === 'string' && 'payload' in value) return this.event(value.event, value.payload, index, line);
    if (typeof value.type === 'string' && isObject(value.account) && !('content' in value)) return this.notification(value, index, line);
    if (Array.isArray(value.accounts) && 'last_status' in value) return this.conversation(value, index, line);
    if (isAccount(value)) return this.profile(value, index, line);
    const entity = OTHER_ENTITIES.find(([, keys]) => keys.every((key) => key in value))?.[0];
    if (entity) return this.collector.reject(index, 'not-a-message', `${entity}: not a message`, line);
    this.collector.reject(index, 'invalid', 'not a Mastodon status, notification, context, conversation, account or streaming event', line);
  }

  private status(status: JsonObject, index: number, line: number | undefined, hint?: ThreadHint, direction?: 'in' | 'out'): void {
    const draft = statusDraft(status, hint);
    if (typeof draft === 'string') return this.collector.reject(index, 'invalid', draft, line);
    this.collector.message(direction ? { ...draft, direction } : draft, index, line);
  }

  private profile(account: unknown, index: number, line: number | undefined): void {
    const author = authorOf(account);
    if (author) this.collector.profile('mastodon', author, index, line);
    else this.collector.reject(index, 'invalid', 'account has no id, username or acct', line);
  }

  /** Ancestors run from the root down, so a first ancestor that replies to nothing is the root of all. */
  private context(context: JsonObject, line: number | undefined): void {
    const ancestors = list(context.ancestors);
    const first = ancestors[0];
    const rootId = isStatus(first) && !str(first.in_reply_to_id) ? cleanId(str(first.id)) : undefined;
    for (const status of [...ancestors, ...list(context.descendants)]) {
      const index = this.collector.nextIndex();
      if (isStatus(status)) this.status(status, index, line, { rootId });
      else this.collector.reject(index, 'invalid', 'context entry is not a status', line);
    }
  }

  private notification(notification: JsonObject, index: number, line: number | undefined): void {
    const type = notification.type as string;
    const status = notification.status;
    this.profile(notification.account, index, line);
    if (isStatus(status) && ABOUT_OWN_STATUS.has(type)) return this.status(status, index, line, undefined, 'out');
    if (isStatus(status) && CARRIES_MESSAGE.has(type)) return this.status(status, index, line);
    this.collector.reject(index, 'not-a-message', `${type} notification: an interaction, not a message`, line);
  }

  private conversation(conversation: JsonObject, index: number, line: number | undefined): void {
    const status = conversation.last_status;
    if (!isStatus(status)) return this.collector.reject(index, 'not-a-message', 'conversation without a last status', line);
    this.status(status, index, line, { conversationId: cleanId(str(conversation.id)) });
  }

  private search(results: JsonObject, line: number | undefined): void {
    if (list(results.accounts).length + list(results.statuses).length === 0) {
      return this.collector.reject(this.collector.nextIndex(), 'empty', 'search results hold no statuses or accounts', line);
    }
    for (const account of list(results.accounts)) this.profile(account, this.collector.nextIndex(), line);
    for (const status of list(results.statuses)) {
      const index = this.collector.nextIndex();
      if (isStatus(status)) this.status(status, index, line);
      else this.collector.reject(index, 'invalid', 'search result is not a status', line);
    }
  }

  /** A streaming API event: the payload of update/notification/conversation is itself JSON text. */
  private event(event: string, payload: unknown, index: number, line: number | undefined): void {
    if (event === 'delete') {
      const id = cleanId(str(payload));
      if (id) return this.collector.deletion('mastodon', id, index, undefined, line);
      return this.collector.reject(index, 'invalid', 'delete event without a status id', line);
    }
    if (!PAYLOAD_EVENTS.has(event))
      return this.collector.reject(index, 'not-a-message', `streaming event "${event.slice(0, 40)}" carries no message`, line);
    const body = typeof payload === 'string' ? parsePayload(payload) : payload;
    if (!isObject(body)) return this.collector.reject(index, 'malformed', `${event} event payload is not a JSON object`, line);
    if (event === 'notification' && typeof body.type === 'string') return this.notification(body, index, line);
    if (event === 'conversation') return this.conversation(body, index, line);
    if (isStatus(body)) return this.status(body, index, line);
    this.collector.reject(index, 'invalid', `${event} event payload is not a status`, line);
  }
}

function parsePayload(payload: string): unknown {
  try {
    return JSON.parse(payload) as unknown;
  } catch {
    return undefined;
  }
}

function isEventStream(input: unknown): input is string | Uint8Array {
  if (typeof input !== 'string' && !isBytes(input)) return false;
  const head = (typeof input === 'string' ? input.slice(0, 256) : Buffer.from(input.subarray(0, 256)).toString('utf8')).trimStart();
  return /^(?:event|data|:)/.test(head);
}

/** Server-sent events as the streaming API sends them: "event:" and "data:" lines, a blank line ends one. */
function readEventStream(text: string): { records: JsonRecord[]; errors: { line?: number; reason: string }[] } {
  const records: JsonRecord[] = [];
  let event: string | undefined;
  let data: string[] = [];
  let startLine = 1;
  const flush = (): void => {
    if (event !== undefined || data.length > 0)
      records.push({ value: { event: event ?? 'message', payload: data.join('\n') }, line: startLine });
    event = undefined;
    data = [];
  };
  text.split('\n').forEach((raw, i) => {
    const lineText = raw.replace(/\r$/, '');
    if (lineText === '') return flush();
    if (event === undefined && data.length === 0) startLine = i + 1;
    if (lineText.startsWith(':')) return;
    const colon = lineText.indexOf(':');
    const name = colon < 0 ? lineText : lineText.slice(0, colon);
    const value = colon < 0 ? '' : lineText.slice(colon + 1).replace(/^ /, '');
    if (name === 'event') event = value;
    else if (name === 'data') data.push(value);
  });
  flush();
  return { records, errors: [] };
}
