/**
 * Reads an RSS (0.9x, 1.0 RDF, 2.0) or Atom (0.3, 1.0) document into plain objects, tolerating what
 * real feeds do wrong.
 *
 * Why fast-xml-parser rather than a feed library: feed libraries (rss-parser, feedparser) hide the
 * fields a CRM needs (thread links, enclosure sizes, per-entry authors) behind their own model, fetch
 * URLs themselves, or are unmaintained; fast-xml-parser is pure JavaScript, maintained, has no
 * native parts, leaves DOCTYPE entities unexpanded when told to (no "billion laughs"), bounds nesting,
 * and lets the raw markup of content elements through untouched (stop nodes), so we map the few
 * dozen feed elements ourselves, with namespaces resolved by URI rather than by whatever prefix a
 * feed happened to choose.
 *
 * When the document is not well-formed (a truncated download, an unclosed CDATA), each entry is
 * parsed on its own so one broken entry costs that entry, not the feed.
 */
import { XMLParser } from 'fast-xml-parser';

export type XmlNode = { readonly [key: string]: unknown };

export type FeedDialect = 'rss' | 'rdf' | 'atom';

export interface EntrySlot {
  node?: XmlNode;
  error?: string;
}

export interface FeedDocument {
  dialect: FeedDialect;
  /** The `<channel>` (RSS, RDF) or `<feed>` (Atom) element: feed-level title, link, author, language. */
  feed: XmlNode;
  /** In document order; when the document was not well-formed, each recovered on its own. */
  entries: EntrySlot[];
}

/** Elements of the feed vocabularies themselves are read without a prefix, whatever the document used. */
const UNPREFIXED = new Set([
  'http://www.w3.org/2005/atom',
  'http://purl.org/atom/ns#',
  'http://purl.org/rss/1.0/',
  'http://my.netscape.com/rdf/simple/0.9/',
  'http://backend.userland.com/rss2',
  'http://purl.org/net/rss1.1#',
]);

/** Extension namespaces under one fixed prefix each, so `<foo:creator>` bound to Dublin Core reads as `dc:creator`. */
const PREFIXES: Record<string, string> = {
  'http://purl.org/dc/elements/1.1/': 'dc',
  'http://purl.org/dc/terms/': 'dcterms',
  'http://purl.org/rss/1.0/modules/content/': 'content',
  'http://search.yahoo.com/mrss/': 'media',
  'http://search.yahoo.com/mrss': 'media',
  'http://www.w3.org/1999/02/22-rdf-syntax-ns#': 'rdf',
  'http://www.itunes.com/dtds/podcast-1.0.dtd': 'itunes',
  'http://www.w3.org/1999/xhtml': 'xhtml',
  'http://purl.org/syndication/thread/1.0': 'thr',
  'http://purl.org/rss/1.0/modules/slash/': 'slash',
  'http://www.w3.org/xml/1998/namespace': 'xml',
};

/** Elements whose content is markup (or may be): kept raw and interpreted by the mapper with their `type`. */
const RAW_ELEMENTS = ['title', 'subtitle', 'summary', 'content', 'description', 'content:encoded', 'media:description', 'itunes:summary'];

/** Names that would reach Object.prototype if used as keys. */
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);

/** How far into a file the first tag may be: servers sometimes print a warning before the XML. */
const MAX_PREAMBLE = 4_096;

export function readFeedXml(input: string): FeedDocument | { error: string } {
  const start = input.indexOf('<');
  // Without this, megabytes of text that is not XML cost the parser seconds to refuse.
  if (start < 0 || start > MAX_PREAMBLE) return { error: 'not XML: no element in the first 4 KB' };
  const text = start > 0 ? input.slice(start) : input;
  const parser = makeParser(namespaceMap(text));
  try {
    const parsed = parser.parse(text) as XmlNode;
    const doc = fromParsed(parsed);
    if (doc) return doc;
    return { error: `not an RSS or Atom document (root element: ${rootName(parsed) ?? 'none'})` };
  } catch (error) {
    return salvage(text, parser, error instanceof Error ? error.message : String(error));
  }
}

/** Prefix → canonical prefix ('' for the feed vocabularies), from every xmlns declaration in the text. */
function namespaceMap(text: string): Map<string, string> {
  const map = new Map<string, string>();
  const declaration = /xmlns:([A-Za-z_][\w.-]{0,63})\s*=\s*["']([^"']{0,512})["']/g;
  let match: RegExpExecArray | null;
  let seen = 0;
  while ((match = declaration.exec(text)) !== null && seen++ < 1_000) {
    const [, prefix, uri] = match;
    if (map.has(prefix!)) continue;
    const key = uri!.trim().toLowerCase();
    map.set(prefix!, UNPREFIXED.has(key) ? '' : (PREFIXES[key] ?? prefix!));
  }
  return map;
}

function makeParser(namespaces: Map<string, string>): XMLParser {
  const canonical = (name: string): string => {
    const colon = name.indexOf(':');
    let result = name;
    if (colon > 0) {
      const prefix = namespaces.get(name.slice(0, colon));
      if (prefix !== undefined) result = prefix ? `${prefix}:${name.slice(colon + 1)}` : name.slice(colon + 1);
    }
    return RESERVED.has(result) ? `_${result}` : result;
  };
  return new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    // Entities are decoded by the mapper; the parser never expands DOCTYPE-declared ones.
    processEntities: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    transformTagName: canonical,
    transformAttributeName: canonical,
    stopNodes: RAW_ELEMENTS.map((name) => `*.${name}`),
    maxNestedTags: 100,
  });
}

function rootName(parsed: XmlNode): string | undefined {
  return Object.keys(parsed).find((key) => !key.startsWith('?') && !key.startsWith('#') && !key.startsWith('@'));
}

function fromParsed(parsed: XmlNode): FeedDocument | null {
  const name = rootName(parsed);
  const root = name ? asNode(parsed[name]) : undefined;
  if (!name || !root) return null;
  const entries = (nodes: unknown): EntrySlot[] => asArray(nodes).map((node) => (isNode(node) ? { node } : { node: {} }));
  if (name === 'rss' || name === 'channel') {
    if (name === 'channel') return { dialect: 'rss', feed: root, entries: entries(root.item) };
    const channel = asNode(asArray(root.channel)[0]) ?? {};
    // Some generators put items beside the channel instead of inside it.
    return { dialect: 'rss', feed: channel, entries: entries([...asArray(channel.item), ...asArray(root.item)]) };
  }
  if (name === 'rdf:RDF' || name === 'RDF') {
    const channel = asNode(asArray(root.channel)[0]) ?? {};
    return { dialect: 'rdf', feed: channel, entries: entries([...asArray(root.item), ...asArray(channel.item)]) };
  }
  if (name === 'feed') return { dialect: 'atom', feed: root, entries: entries(root.entry) };
  return null;
}

/** Parses the head and each entry separately; an entry that still fails is reported, not fatal. */
function salvage(text: string, parser: XMLParser, reason: string): FeedDocument | { error: string } {
  const { headEnd, chunks } = entryChunks(text);
  const head = tryParse(parser, headEnd < 0 ? text : text.slice(0, headEnd));
  const headDoc = head ? fromParsed(head) : null;
  const dialect = headDoc?.dialect ?? guessDialect(text);
  if (!dialect || chunks.length === 0) return { error: `malformed XML: ${reason}` };
  const entries = chunks.map((chunk): EntrySlot => {
    if (chunk === null) return { error: 'entry is cut off: the file ends inside it' };
    const parsed = tryParse(parser, chunk);
    const name = parsed ? rootName(parsed) : undefined;
    const node = parsed && name ? asNode(parsed[name]) : undefined;
    return node ? { node } : { error: 'malformed entry: not well-formed XML' };
  });
  return { dialect, feed: headDoc?.feed ?? {}, entries };
}

const MAX_ENTRIES = 100_000;

/**
 * The text of each `<item>`/`<entry>` element, found with forward scans only (a backtracking regex
 * over a hostile 20 MB file would never finish). A last entry without its end tag is null.
 */
function entryChunks(text: string): { headEnd: number; chunks: (string | null)[] } {
  const opener = /<((?:[\w.-]+:)?(?:item|entry))(?=[\s/>])/g;
  const chunks: (string | null)[] = [];
  let headEnd = -1;
  let match: RegExpExecArray | null;
  while ((match = opener.exec(text)) !== null && chunks.length < MAX_ENTRIES) {
    if (headEnd < 0) headEnd = match.index;
    const tagEnd = text.indexOf('>', match.index);
    if (tagEnd < 0) {
      chunks.push(null);
      break;
    }
    if (text[tagEnd - 1] === '/') {
      chunks.push(text.slice(match.index, tagEnd + 1));
      opener.lastIndex = tagEnd + 1;
      continue;
    }
    const close = text.indexOf(`</${match[1]}`, tagEnd);
    if (close < 0) {
      chunks.push(null);
      break;
    }
    const closeEnd = text.indexOf('>', close);
    const stop = closeEnd < 0 ? text.length : closeEnd + 1;
    chunks.push(text.slice(match.index, stop));
    opener.lastIndex = stop;
  }
  return { headEnd, chunks };
}

function tryParse(parser: XMLParser, text: string): XmlNode | undefined {
  try {
    return parser.parse(text) as XmlNode;
  } catch {
    return undefined;
  }
}

function guessDialect(text: string): FeedDialect | null {
  const head = text.slice(0, 4_096);
  if (/<(?:[\w-]+:)?feed\b/.test(head)) return 'atom';
  if (/<(?:[\w-]+:)?RDF\b/.test(head)) return 'rdf';
  if (/<rss\b|<channel\b/.test(head)) return 'rss';
  return null;
}

export function isNode(value: unknown): value is XmlNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asNode(value: unknown): XmlNode | undefined {
  if (isNode(value)) return value;
  // An empty element parses as "": treat it as an element with nothing in it.
  return value === '' ? {} : undefined;
}

export function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}
