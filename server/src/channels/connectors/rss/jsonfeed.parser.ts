/** JSON Feed 1.0 and 1.1 (jsonfeed.org): the same entries as RSS/Atom, as JSON. */
import type { Attachment } from '../../message.schema.js';
import { parseDate } from '../../parsing/dates.js';
import { count, field, isObject, list, obj, readJson, str } from '../../parsing/json.js';
import { tooLarge } from '../../parsing/input.js';
import { ResultCollector, type ParseOptions, type ParseResult, type ParserInput } from '../../parsing/parse-result.js';
import { htmlToText, normaliseLine } from '../../parsing/text.js';
import { contentTypeFor, fileNameFrom, httpUrl, languageTag } from '../../parsing/values.js';
import { addFeedEntry, type FeedEntry, type FeedInfo, type FeedPerson } from './feed-entry.js';

export function parseJsonFeed(input: ParserInput, options?: ParseOptions): ParseResult {
  const collector = new ResultCollector('jsonfeed', options);
  const oversize = typeof input === 'string' || input instanceof Uint8Array ? tooLarge(input, options) : null;
  if (oversize) {
    collector.reject(null, 'too-large', oversize);
    return collector.result;
  }
  const { records, errors } = readJson(input);
  for (const error of errors) collector.reject(null, 'malformed', error.reason, error.line);
  const doc = records.length === 1 ? obj(records[0]!.value) : undefined;
  if (!doc || !Array.isArray(doc.items)) {
    if (errors.length === 0) collector.reject(null, 'invalid', 'not a JSON Feed: expected an object with an "items" array');
    return collector.result;
  }
  const base = httpUrl(str(doc.home_page_url)) ?? httpUrl(str(doc.feed_url));
  const feed: FeedInfo = {
    title: titleOf(doc.title),
    link: base,
    language: languageTag(doc.language),
    author: personOf(firstAuthor(doc)),
  };
  list(doc.items).forEach((item, index) => {
    if (!isObject(item)) {
      collector.reject(index, 'invalid', 'item is not an object');
      return;
    }
    addFeedEntry(collector, feed, entryOf(item, feed), index);
  });
  if (doc.items.length === 0) collector.reject(null, 'empty', 'the feed has no items');
  return collector.result;
}

function entryOf(item: Record<string, unknown>, feed: FeedInfo): FeedEntry {
  const html = str(item.content_html);
  const plain = str(item.content_text) ?? str(item.summary);
  return {
    id: str(item.id),
    link: httpUrl(str(item.url), feed.link) ?? httpUrl(str(item.external_url), feed.link),
    title: titleOf(item.title),
    html,
    text: html ? htmlToText(html) : plain,
    published: parseDate(item.date_published) ?? parseDate(item.date_modified),
    author: personOf(firstAuthor(item)),
    language: languageTag(item.language) ?? feed.language,
    attachments: list(item.attachments).flatMap((a): Attachment[] => {
      const url = httpUrl(str(field(a, 'url')), feed.link);
      if (!url) return [];
      const size = count(field(a, 'size_in_bytes'));
      return [
        {
          name: str(field(a, 'title')) ?? fileNameFrom(url) ?? 'attachment',
          contentType: str(field(a, 'mime_type')) ?? contentTypeFor(url, 'application/octet-stream'),
          size,
          url,
        },
      ];
    }),
  };
}

function titleOf(value: unknown): string | undefined {
  const text = typeof value === 'string' ? normaliseLine(value) : '';
  return text || undefined;
}

/** 1.1 has `authors`; 1.0 had one `author`. */
function firstAuthor(holder: Record<string, unknown>): unknown {
  return list(holder.authors)[0] ?? holder.author;
}

function personOf(value: unknown): FeedPerson | undefined {
  if (!isObject(value)) return undefined;
  const name = str(value.name);
  const url = httpUrl(str(value.url));
  return name || url ? { name, url, avatar: str(value.avatar) } : undefined;
}
