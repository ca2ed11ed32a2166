/**
 * The `rss` and `atom` formats. Both read either dialect: a feed served as .rss is often Atom (and
 * the other way round), and refusing a feed the user can plainly read helps nobody. Messages record
 * the dialect actually found in `raw.format`.
 */
import type { FormatName } from '../../message.schema.js';
import { decodeXml, isBytes, tooLarge } from '../../parsing/input.js';
import { ResultCollector, type ParseOptions, type ParseResult, type ParserInput } from '../../parsing/parse-result.js';
import { atomEntry, atomFeedInfo } from './atom.entries.js';
import { addFeedEntry } from './feed-entry.js';
import { readFeedXml } from './feed-xml.js';
import { rssEntry, rssFeedInfo } from './rss.entries.js';

export function parseRss(input: ParserInput, options?: ParseOptions): ParseResult {
  return parseXmlFeed('rss', input, options);
}

export function parseAtom(input: ParserInput, options?: ParseOptions): ParseResult {
  return parseXmlFeed('atom', input, options);
}

function parseXmlFeed(requested: FormatName, input: ParserInput, options: ParseOptions | undefined): ParseResult {
  if (typeof input !== 'string' && !isBytes(input)) {
    const collector = new ResultCollector(requested, options);
    collector.reject(null, 'malformed', 'a feed must be given as XML text or bytes');
    return collector.result;
  }
  const oversize = tooLarge(input, options);
  if (oversize) {
    const collector = new ResultCollector(requested, options);
    collector.reject(null, 'too-large', oversize);
    return collector.result;
  }
  const doc = readFeedXml(decodeXml(input));
  if ('error' in doc) {
    const collector = new ResultCollector(requested, options);
    collector.reject(null, 'malformed', doc.error);
    return collector.result;
  }
  const collector = new ResultCollector(doc.dialect === 'atom' ? 'atom' : 'rss', options);
  const feed = doc.dialect === 'atom' ? atomFeedInfo(doc.feed) : rssFeedInfo(doc.feed);
  doc.entries.forEach((slot, index) => {
    if (!slot.node) {
      collector.reject(index, 'malformed', slot.error ?? 'malformed entry');
      return;
    }
    try {
      const entry = doc.dialect === 'atom' ? atomEntry(slot.node, feed) : rssEntry(slot.node, feed);
      addFeedEntry(collector, feed, entry, index);
    } catch (error) {
      collector.reject(index, 'invalid', `entry could not be read: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
  if (doc.entries.length === 0) collector.reject(null, 'empty', 'the feed has no entries');
  return collector.result;
}
