/** Enclosures and media:content of an entry, as attachment metadata, each URL once. */
import type { Attachment } from '../../message.schema.js';
import { count } from '../../parsing/json.js';
import { contentTypeFor, fileNameFrom, httpUrl } from '../../parsing/values.js';
import { attr, nodesOf } from './feed-content.js';
import type { XmlNode } from './feed-xml.js';

const MAX_ATTACHMENTS = 1_000;

export class FeedAttachments {
  private readonly found: Attachment[] = [];
  private readonly seen = new Set<string>();

  constructor(private readonly base: string | undefined) {}

  add(url: string | undefined, type: string | undefined, size: string | undefined, name?: string): void {
    const href = httpUrl(url, this.base);
    if (!href || this.seen.has(href) || this.found.length >= MAX_ATTACHMENTS) return;
    this.seen.add(href);
    const bytes = count(size);
    this.found.push({
      name: name ?? fileNameFrom(href) ?? 'enclosure',
      contentType: type ?? contentTypeFor(href, 'application/octet-stream'),
      // A length of 0 is how many podcast feeds say "unknown".
      size: bytes ? bytes : undefined,
      url: href,
    });
  }

  /** Atom-style `<link rel="enclosure">` elements. */
  addEnclosureLinks(links: XmlNode[]): this {
    for (const link of links)
      if (attr(link, 'rel') === 'enclosure') this.add(attr(link, 'href'), attr(link, 'type'), attr(link, 'length'), attr(link, 'title'));
    return this;
  }

  /** Media RSS `<media:content>`, directly in the entry or grouped in `<media:group>`. */
  addMediaContent(entry: XmlNode): this {
    const media = [
      ...nodesOf(entry, 'media:content'),
      ...nodesOf(entry, 'media:group').flatMap((group) => nodesOf(group, 'media:content')),
    ];
    for (const content of media) this.add(attr(content, 'url'), attr(content, 'type'), attr(content, 'fileSize'));
    return this;
  }

  list(): Attachment[] {
    return this.found;
  }
}
