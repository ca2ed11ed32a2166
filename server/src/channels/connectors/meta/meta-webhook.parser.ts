/**
 * The `meta-webhook` format: Meta webhook deliveries (Messenger, Instagram messaging, Page feed,
 * Instagram comments) as saved JSON bodies, one per file or one per line, plus the Graph API
 * objects a connector fetches to complete them. Signature checking belongs to the HTTP endpoint;
 * this only reads bodies already accepted.
 */
import { isObject, list, str, type JsonObject } from '../../parsing/json.js';
import { forEachJsonValue } from '../../parsing/json-input.js';
import { ResultCollector, type ParseOptions, type ParseResult, type ParserInput } from '../../parsing/parse-result.js';
import { truncate } from '../../parsing/text.js';
import { cleanId } from '../../parsing/values.js';
import { changeEvent, messagingEvent, timeOf, type EventOutcome } from './meta-events.js';
import { graphObject, graphPage, isGraphObject } from './meta-graph.js';

export function parseMetaWebhook(input: ParserInput, options?: ParseOptions): ParseResult {
  const collector = new ResultCollector('meta-webhook', options);
  forEachJsonValue(collector, input, options, (body, line) => readBody(collector, body, line));
  return collector.result;
}

function readBody(collector: ResultCollector, body: unknown, line: number | undefined): void {
  if (isObject(body) && typeof body.object === 'string' && Array.isArray(body.entry)) return readDelivery(collector, body, line);
  const page = graphPage(body);
  if (page) {
    for (const item of page) record(collector, collector.nextIndex(), isGraphObject(item) ? graphObject(item) : notGraph(), line);
    return;
  }
  if (isGraphObject(body)) return record(collector, collector.nextIndex(), graphObject(body), line);
  collector.reject(collector.nextIndex(), 'invalid', 'not a Meta webhook delivery ({object, entry}) or Graph API object', line);
}

function notGraph(): EventOutcome {
  return { kind: 'invalid', reason: 'list item is not a Graph API object with id and time' };
}

/** One delivery: `entry[]` per Page/account, each with `messaging[]`, `standby[]` or `changes[]`. */
function readDelivery(collector: ResultCollector, body: JsonObject, line: number | undefined): void {
  const object = body.object as string;
  const network = object === 'instagram' ? 'instagram' : 'facebook';
  if (object !== 'page' && object !== 'instagram') {
    collector.reject(collector.nextIndex(), 'not-a-message', `webhook for object "${truncate(object, 40)}" is not supported`, line);
    return;
  }
  for (const entry of list(body.entry)) {
    if (!isObject(entry)) {
      collector.reject(collector.nextIndex(), 'invalid', 'entry is not an object', line);
      continue;
    }
    const pageId = cleanId(str(entry.id)) ?? 'unknown';
    const entryTime = timeOf(entry.time);
    const events = [...list(entry.messaging), ...list(entry.standby)];
    for (const event of events) {
      record(
        collector,
        collector.nextIndex(),
        isObject(event) ? messagingEvent(event, pageId, network) : { kind: 'invalid', reason: 'messaging event is not an object' },
        line,
      );
    }
    for (const change of list(entry.changes)) {
      const index = collector.nextIndex();
      if (!isObject(change)) {
        record(collector, index, { kind: 'invalid', reason: 'change is not an object' }, line);
        continue;
      }
      // Instagram sends DMs as a "messages" change whose value is a messaging event.
      const value = isObject(change.value) ? change.value : undefined;
      const outcome =
        value && isObject(value.sender) && (isObject(value.message) || isObject(value.postback))
          ? messagingEvent(value, pageId, network)
          : changeEvent(change, entryTime);
      record(collector, index, outcome, line);
    }
    if (events.length === 0 && list(entry.changes).length === 0)
      collector.reject(collector.nextIndex(), 'empty', 'entry has no messaging events or changes', line);
  }
}

function record(collector: ResultCollector, index: number, outcome: EventOutcome, line: number | undefined): void {
  if (outcome.kind === 'message') collector.message(outcome.draft, index, line);
  else if (outcome.kind === 'deletion') collector.deletion('meta', outcome.externalId, index, outcome.at, line);
  else collector.reject(index, outcome.kind === 'skip' ? 'not-a-message' : 'invalid', outcome.reason, line);
}
