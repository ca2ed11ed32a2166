/** RSS 0.9x/2.0 and RSS 1.0 (RDF) channels and items to the shared feed shapes. */
import type { Attachment } from '../../message.schema.js';
import { parseDate } from '../../parsing/dates.js';
import { httpUrl, languageTag } from '../../parsing/values.js';
import { FeedAttachments } from './feed-attachments.js';
import { attr, contentOf, lineOf, nodesOf, textOf } from './feed-content.js';
import type { FeedEntry, FeedInfo, FeedPerson } from './feed-entry.js';
import { asArray, isNode, type XmlNode } from './feed-xml.js';

export function rssFeedInfo(channel: XmlNode): FeedInfo {
  const links = asArray(channel.link);
  // RSS's own <link> is text; an <atom:link> beside it is an element with href (usually rel="self").
  const siteLink = links.map((l) => (typeof l === 'string' ? textOf(l) : undefined)).find((l) => httpUrl(l));
  const atomLink = links.filter(isNode).find((l) => (attr(l, 'rel') ?? 'alternate') === 'alternate') ?? links.filter(isNode)[0];
  return {
    title: lineOf(channel.title),
    link: httpUrl(siteLink) ?? httpUrl(attr(atomLink, 'href')),
    language: languageTag(textOf(channel.language) ?? textOf(channel['dc:language']) ?? attr(channel, 'xml:lang')),
    author: personOf(textOf(channel['dc:creator']) ?? textOf(channel.managingEditor) ?? textOf(channel['itunes:author'])),
  };
}

export function rssEntry(item: XmlNode, feed: FeedInfo): FeedEntry {
  const guid = asArray(item.guid)[0];
  const guidText = textOf(guid);
  // RSS 2.0: a guid is a permalink unless it says isPermaLink="false".
  const guidLink = guidText && attr(guid, 'isPermaLink') !== 'false' ? httpUrl(guidText) : undefined;
  const content = contentOf(item['content:encoded']) ?? contentOf(item.description) ?? contentOf(item.content) ?? contentOf(item.summary);
  const mediaDescription = contentOf(item['media:description']) ?? contentOf(nodesOf(item, 'media:group')[0]?.['media:description']);
  return {
    id: guidText ?? attr(item, 'rdf:about') ?? textOf(item.id),
    link: itemLink(item) ?? guidLink,
    title: lineOf(item.title),
    html: content?.html,
    text: content?.text ?? mediaDescription?.text,
    published: firstDate(item, [
      'pubDate',
      'dc:date',
      'published',
      'updated',
      'dcterms:issued',
      'dcterms:created',
      'dcterms:modified',
      'dc:created',
    ]),
    author: personOf(textOf(item['dc:creator']) ?? textOf(item.author) ?? textOf(item['itunes:author'])),
    inReplyTo: attr(nodesOf(item, 'thr:in-reply-to')[0], 'ref'),
    language: languageTag(textOf(item['dc:language']) ?? attr(item, 'xml:lang')) ?? feed.language,
    attachments: rssAttachments(item, feed.link),
  };
}

function itemLink(item: XmlNode): string | undefined {
  for (const link of asArray(item.link)) {
    const href = typeof link === 'string' ? textOf(link) : (attr(link, 'href') ?? textOf(link));
    if (href) return href;
  }
  return undefined;
}

export function firstDate(node: XmlNode, names: string[]): Date | undefined {
  for (const name of names) {
    const date = parseDate(textOf(node[name]));
    if (date) return date;
  }
  return undefined;
}

/**
 * "lawyer@example.com (Lawyer Boyer)" (RSS 2.0's author), "Name <address>", a bare address or a
 * bare name (dc:creator).
 */
export function personOf(value: string | undefined): FeedPerson | undefined {
  if (!value) return undefined;
  const text = value.replace(/\s+/g, ' ').trim().slice(0, 512);
  const paren = /^([^\s()<>@]+@[^\s()<>]+)\s*\((.+)\)$/.exec(text);
  if (paren) return { email: paren[1], name: paren[2]!.trim() };
  const angle = /^(.*?)\s*<([^\s<>@]+@[^\s<>]+)>$/.exec(text);
  if (angle) return { email: angle[2], name: angle[1]!.replace(/^"|"$/g, '').trim() || undefined };
  if (/^[^\s@]+@[^\s@]+$/.test(text)) return { email: text };
  return { name: text };
}

function rssAttachments(item: XmlNode, base: string | undefined): Attachment[] {
  const attachments = new FeedAttachments(base);
  for (const enclosure of nodesOf(item, 'enclosure'))
    attachments.add(attr(enclosure, 'url'), attr(enclosure, 'type'), attr(enclosure, 'length'));
  return attachments.addMediaContent(item).addEnclosureLinks(nodesOf(item, 'link')).list();
}
