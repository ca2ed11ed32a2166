/**
 * The registry of recorded-data formats: which parser reads each, and which channel its messages
 * belong to. `rapport ingest FILE --format …` and the connectors look parsers up here rather than
 * importing them, so a new format is one entry.
 */
import { parseEml } from './connectors/email/eml.parser.js';
import { parseMbox } from './connectors/email/mbox.parser.js';
import { parseJetstream } from './connectors/bluesky/jetstream.parser.js';
import { parseMastodon } from './connectors/mastodon/mastodon.parser.js';
import { parseMetaWebhook } from './connectors/meta/meta-webhook.parser.js';
import { parseReddit } from './connectors/reddit/reddit.parser.js';
import { parseJsonFeed } from './connectors/rss/jsonfeed.parser.js';
import { parseAtom, parseRss } from './connectors/rss/xml-feed.parser.js';
import { parseTwitterV2 } from './connectors/x/twitter-v2.parser.js';
import { FORMAT_NAMES, type ChannelKind, type FormatName } from './message.schema.js';
import { ResultCollector, type ParseOptions, type ParseResult, type Parser, type ParserInput } from './parsing/parse-result.js';

export { detectFormat } from './format-detect.js';

export interface FormatDefinition {
  name: FormatName;
  channel: ChannelKind;
  parse: Parser;
  description: string;
}

export const FORMATS: Readonly<Record<FormatName, FormatDefinition>> = {
  rss: { name: 'rss', channel: 'rss', parse: parseRss, description: 'RSS 0.9x, 1.0 (RDF) or 2.0 feed' },
  atom: { name: 'atom', channel: 'rss', parse: parseAtom, description: 'Atom 1.0 (or 0.3) feed' },
  jsonfeed: { name: 'jsonfeed', channel: 'rss', parse: parseJsonFeed, description: 'JSON Feed 1.0/1.1' },
  eml: { name: 'eml', channel: 'email', parse: parseEml, description: 'one e-mail message (RFC 5322/MIME)' },
  mbox: { name: 'mbox', channel: 'email', parse: parseMbox, description: 'mailbox of e-mail messages (mboxo/mboxrd)' },
  mastodon: {
    name: 'mastodon',
    channel: 'mastodon',
    parse: parseMastodon,
    description: 'Mastodon API statuses, notifications, contexts, accounts, streaming events',
  },
  jetstream: {
    name: 'jetstream',
    channel: 'bluesky',
    parse: parseJetstream,
    description: 'Bluesky Jetstream events (JSONL) or repo record captures',
  },
  'twitter-v2': {
    name: 'twitter-v2',
    channel: 'twitter',
    parse: parseTwitterV2,
    description: 'X/Twitter API v2 responses, twarc captures',
  },
  'meta-webhook': {
    name: 'meta-webhook',
    channel: 'meta',
    parse: parseMetaWebhook,
    description: 'Messenger/Instagram/Page webhook deliveries, Graph API objects',
  },
  reddit: { name: 'reddit', channel: 'reddit', parse: parseReddit, description: 'Reddit API listings, posts, comments, inbox messages' },
};

export function isFormatName(value: string): value is FormatName {
  return (FORMAT_NAMES as readonly string[]).includes(value);
}

/**
 * Parses a whole file in the named format. Never throws on content: a parser failure is a
 * rejection of the file, so a batch of files keeps going past a bad one. An unknown format name is
 * the caller's mistake (check with `isFormatName`) and does throw.
 */
export async function parseFile(format: FormatName, content: ParserInput, options?: ParseOptions): Promise<ParseResult> {
  if (!isFormatName(format)) throw new TypeError(`unknown format "${String(format)}"; known: ${FORMAT_NAMES.join(', ')}`);
  try {
    return await FORMATS[format].parse(content, options);
  } catch (error) {
    const collector = new ResultCollector(format, options);
    collector.reject(null, 'malformed', `the file could not be parsed: ${error instanceof Error ? error.message : String(error)}`);
    return collector.result;
  }
}
