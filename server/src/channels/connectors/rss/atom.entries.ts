/** Atom 1.0 (RFC 4287) and Atom 0.3 feeds and entries to the shared feed shapes. */
import { httpUrl, languageTag } from '../../parsing/values.js';
import { FeedAttachments } from './feed-attachments.js';
import { attr, contentOf, lineOf, nodesOf, textOf } from './feed-content.js';
import type { FeedEntry, FeedInfo, FeedPerson } from './feed-entry.js';
import { firstDate } from './rss.entries.js';
import type { XmlNode } from './feed-xml.js';

export interface AtomFeedInfo extends FeedInfo {
  /** What relative links resolve against: xml:base, else the feed's own (self) URL. */
  base?: string;
}

export function atomFeedInfo(feed: XmlNode): AtomFeedInfo {
  const links = nodesOf(feed, 'link');
  const self = httpUrl(
    attr(
      links.find((l) => attr(l, 'rel') === 'self'),
      'href',
    ),
  );
  const base = httpUrl(attr(feed, 'xml:base'), self) ?? self;
  return {
    base,
    id: textOf(feed.id),
    title: lineOf(feed.title),
    link: httpUrl(alternateHref(links), base) ?? base,
    language: languageTag(attr(feed, 'xml:lang')),
    author: personOf(nodesOf(feed, 'author')[0], base),
  };
}

export function atomEntry(entry: XmlNode, feed: AtomFeedInfo): FeedEntry {
  const base = httpUrl(attr(entry, 'xml:base'), feed.base) ?? feed.base ?? feed.link;
  const links = nodesOf(entry, 'link');
  const content = contentOf(entry.content) ?? contentOf(entry.summary);
  // Out-of-line content (<content src="…"/>) is a link to the body, not a body.
  const contentSrc = attr(nodesOf(entry, 'content')[0], 'src');
  const source = nodesOf(entry, 'source')[0];
  return {
    id: textOf(entry.id),
    link: httpUrl(alternateHref(links) ?? contentSrc, base),
    title: lineOf(entry.title),
    html: content?.html,
    text: content?.text,
    // Atom 1.0 says published/updated; 0.3 said issued/created/modified.
    published: firstDate(entry, ['published', 'issued', 'created', 'updated', 'modified', 'dc:date']),
    author: personOf(nodesOf(entry, 'author')[0] ?? (source ? nodesOf(source, 'author')[0] : undefined), base),
    inReplyTo: attr(nodesOf(entry, 'thr:in-reply-to')[0], 'ref'),
    language: languageTag(attr(entry, 'xml:lang')) ?? feed.language,
    attachments: new FeedAttachments(base).addEnclosureLinks(links).addMediaContent(entry).list(),
  };
}

function alternateHref(links: XmlNode[]): string | undefined {
  const alternates = links.filter((l) => (attr(l, 'rel') ?? 'alternate') === 'alternate');
  const html = alternates.find((l) => (attr(l, 'type') ?? 'text/html').includes('html'));
  return attr(html ?? alternates[0], 'href');
}

function personOf(node: XmlNode | undefined, base: string | undefined): FeedPerson | undefined {
  if (!node) return undefined;
  const name = textOf(node.name) ?? textOf(node);
  const url = httpUrl(textOf(node.uri) ?? textOf(node.url), base);
  const email = textOf(node.email);
  return name || url || email ? { name: name?.slice(0, 512), url, email } : undefined;
}
