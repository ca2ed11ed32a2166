import { describe, expect, it } from 'vitest';
import { corpusFile } from '../../testing/corpora.js';
import { parseAtom, parseRss } from './xml-feed.parser.js';

const feed = (name: string): Buffer => corpusFile('rss-atom', name);
const RECEIVED = new Date('2024-05-01T12:00:00Z');

describe('RSS 2.0', () => {
  it('reads the canonical sample: guid, link, title, author, date, escaped HTML description', () => {
    const { messages, format } = parseRss(feed('node-feedparser__rss2sample.xml'));
    expect(format).toBe('rss');
    const [first, second] = messages;
    expect(first).toMatchObject({
      channel: 'rss',
      externalId: 'http://liftoff.msfc.nasa.gov/2003/06/03.html#item573',
      threadKey: 'http://liftoff.msfc.nasa.gov/2003/06/03.html#item573',
      title: 'Star City',
      url: 'http://liftoff.msfc.nasa.gov/news/2003/news-starcity.asp',
      sentAt: new Date('2003-06-03T09:39:21Z'),
      language: 'en-us',
      direction: 'in',
      isPrivate: false,
      author: { externalId: 'writer@example.com', handle: 'Writer', displayName: 'Writer' },
      raw: { format: 'rss', index: 0 },
    });
    expect(first!.author.email).toBeUndefined();
    expect(first!.html).toContain('<a href="http://howe.iki.rssi.ru/GCTC/gctc_e.htm">Star City</a>');
    expect(first!.text).toBe(
      "How do Americans get ready to work with Russians aboard the International Space Station? They take a crash course in culture, language and protocol at Russia's Star City.",
    );
    // No title or link: the permalink guid is the URL, the channel's managing editor the author.
    expect(second).toMatchObject({
      externalId: 'http://liftoff.msfc.nasa.gov/2003/05/30.html#item572',
      url: 'http://liftoff.msfc.nasa.gov/2003/05/30.html#item572',
      author: { handle: 'editor@example.com', profileUrl: 'http://liftoff.msfc.nasa.gov/' },
    });
    expect(second!.title).toBeUndefined();
  });

  it('prefers content:encoded, reads dc:creator, and keeps enclosures as metadata', () => {
    const medium = parseRss(feed('rss-parser__content-encoded.rss')).messages[0]!;
    expect(medium.author.displayName).toBe('Jeremy Puma');
    expect(medium.html).toMatch(/^<h4>Using Wild Ingredients in the\u00a0Kitchen<\/h4><figure><img/);
    expect(medium.text).toMatch(/^Using Wild Ingredients in the Kitchen\n\nHEY, YOU!/);

    const podcast = parseRss(feed('rss-parser__item-itunes-episodeType.rss')).messages[0]!;
    expect(podcast.attachments).toEqual([
      {
        name: 'podcast_16544_baywatch_berlin_episode_1_trailer.mp3',
        contentType: 'audio/mpeg',
        size: 2338520,
        url: 'https://cdn.podigee.com/media/podcast_16544_baywatch_berlin_episode_1_trailer.mp3?v=1574079359&source=feed',
      },
    ]);
  });

  it('gives undated items the receivedAt of the fetch when one is passed', () => {
    const withoutDate = parseRss(feed('feedparser__wellformed__rss__item_enclosure_multiple.xml'));
    expect(withoutDate.messages).toEqual([]);
    expect(withoutDate.rejected[0]).toMatchObject({ index: 0, code: 'invalid' });

    const { messages } = parseRss(feed('feedparser__wellformed__rss__item_enclosure_multiple.xml'), { receivedAt: RECEIVED });
    expect(messages[0]).toMatchObject({ externalId: 'http://example.com/', sentAt: RECEIVED, receivedAt: RECEIVED });
    expect(messages[0]!.attachments).toEqual([
      { name: '1', contentType: 'image/jpeg', size: 100000, url: 'http://example.com/1' },
      { name: '2', contentType: 'image/gif', size: 200000, url: 'http://example.com/2' },
    ]);
  });

  it('decodes escaped markup and entity-encoded content', () => {
    const escaped = parseRss(feed('feedparser__wellformed__rss__item_description_escaped_markup.xml'), { receivedAt: RECEIVED })
      .messages[0]!;
    expect(escaped.html).toBe('<p>Example description</p>');
    expect(escaped.text).toBe('Example description');
    // Nothing stable in the item but its content: the id is derived from it, identically each time.
    expect(escaped.externalId).toMatch(/^generated:[0-9a-f]{40}$/);
    const again = parseRss(feed('feedparser__wellformed__rss__item_description_escaped_markup.xml'), { receivedAt: RECEIVED }).messages[0]!;
    expect(again.externalId).toBe(escaped.externalId);

    const encoded = parseRss(feed('feedparser__wellformed__rss__item_content_encoded.xml'), { receivedAt: RECEIVED }).messages[0]!;
    expect(encoded.html).toBe('<p>Example content</p>');
  });

  it('reads RSS 1.0 (RDF) with rdf:about ids and dc:date', () => {
    const { messages, format } = parseRss(feed('rss-parser__craigslist.rss'));
    expect(format).toBe('rss');
    expect(messages).toHaveLength(25);
    expect(messages[0]).toMatchObject({
      externalId: 'http://sfbay.craigslist.org/eby/apa/6186664607.html',
      title: 'Bright, Spacious Beautiful Victorian (oakland north / temescal) $4300 3bd 1930ft2',
      sentAt: new Date('2017-06-21T17:33:10Z'),
      language: 'en-us',
    });
  });

  it('reads RSS 0.90 (Netscape RDF) and a bare <channel> document, each item once', () => {
    const rss090 =
      '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://my.netscape.com/rdf/simple/0.9/">' +
      '<channel><title>Old</title><link>http://old.example/</link></channel><item><title>First</title><link>http://old.example/1</link></item></rdf:RDF>';
    expect(parseRss(rss090, { receivedAt: RECEIVED }).messages.map((m) => [m.externalId, m.author.handle])).toEqual([
      ['http://old.example/1', 'Old'],
    ]);
    const bare =
      '<channel><title>Bare</title><item><guid>1</guid><title>One</title><pubDate>2024-01-01</pubDate></item><item><guid>2</guid><title>Two</title><pubDate>2024-01-02</pubDate></item></channel>';
    expect(parseRss(bare).messages.map((m) => m.externalId)).toEqual(['1', '2']);
  });

  it('refuses an item that has an id and nothing to say', () => {
    const rss =
      '<rss version="2.0"><channel><title>Feed</title><link>http://feed.example/</link>' +
      '<item><guid>only-an-id</guid><pubDate>Mon, 01 Jan 2024 10:00:00 GMT</pubDate></item>' +
      '<item><guid>said</guid><title>Said something</title><pubDate>Mon, 01 Jan 2024 11:00:00 GMT</pubDate></item></channel></rss>';
    const { messages, rejected } = parseRss(rss);
    expect(messages.map((m) => m.externalId)).toEqual(['said']);
    expect(rejected).toEqual([
      expect.objectContaining({ index: 0, code: 'empty', reason: 'entry has no title, content, link or attachment' }),
    ]);
  });

  it('reads a feed whose RSS 1.0 namespace has a prefix', () => {
    const rdf =
      '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:r="http://purl.org/rss/1.0/" xmlns:d="http://purl.org/dc/elements/1.1/">' +
      '<r:channel rdf:about="http://example.org/"><r:title>Prefixed</r:title><r:link>http://example.org/</r:link></r:channel>' +
      '<r:item rdf:about="http://example.org/1"><r:title>One</r:title><r:link>http://example.org/1</r:link><d:date>2004-02-03T10:20:30+01:00</d:date><d:creator>Ann</d:creator></r:item>' +
      '</rdf:RDF>';
    const [message] = parseRss(rdf).messages;
    expect(message).toMatchObject({
      externalId: 'http://example.org/1',
      title: 'One',
      sentAt: new Date('2004-02-03T09:20:30Z'),
      author: { displayName: 'Ann' },
    });
  });
});

describe('Atom', () => {
  it('reads entries: id, alternate link resolved against the feed, xhtml content, feed author', () => {
    const { messages, format } = parseAtom(feed('node-feedparser__intertwingly.atom'));
    expect(format).toBe('atom');
    const first = messages[0]!;
    expect(first).toMatchObject({
      externalId: 'tag:intertwingly.net,2004:3299',
      title: 'Inhibiting Suspend',
      url: 'http://intertwingly.net/blog/2012/07/16/Inhibiting-Suspend',
      sentAt: new Date('2012-07-16T15:48:01Z'),
      author: {
        externalId: 'http://intertwingly.net/blog/',
        handle: 'Sam Ruby',
        displayName: 'Sam Ruby',
        profileUrl: 'http://intertwingly.net/blog/',
      },
    });
    // Inline SVG stays in the HTML; the text is what a reader reads.
    expect(first.html).toMatch(/^<svg/);
    expect(first.text).toMatch(/^The interface is a bit low level, but workable:/);
    expect(first.text).not.toContain('<');
  });

  it('resolves relative entry links and reads escaped HTML content and per-entry authors', () => {
    const { messages } = parseAtom(feed('rss-parser__gulp-atom.atom'));
    expect(messages[0]).toMatchObject({
      externalId: 'tag:github.com,2008:Repository/11167738/v3.9.0',
      url: 'https://github.com/gulpjs/gulp/releases/tag/v3.9.0',
      html: '<p>3.9.0</p>',
      text: '3.9.0',
      language: 'en-US',
      sentAt: new Date('2015-06-01T21:49:41Z'),
      author: { externalId: 'contra', handle: 'contra' },
    });
  });

  it('unwraps inline xhtml content and reads Atom 0.3', () => {
    const inline = parseAtom(feed('feedparser__wellformed__atom10__entry_content_inline_markup.xml'), { receivedAt: RECEIVED })
      .messages[0]!;
    expect(inline.html).toBe('Example <b>Atom</b>');
    expect(inline.text).toBe('Example Atom');

    const old = parseAtom(feed('feedparser__wellformed__media-rss__media_group.xml'), { receivedAt: RECEIVED }).messages[0]!;
    expect(old.title).toBe('Example Atom');
  });

  it('reads an Atom feed served as .rss (reddit) under either format name', () => {
    const viaRss = parseRss(feed('rss-parser__reddit-home.rss'));
    expect(viaRss.format).toBe('atom');
    expect(viaRss.messages[0]).toMatchObject({
      externalId: 't3_42tizy',
      author: { handle: '/u/AngryRedditorsBelow', profileUrl: 'https://www.reddit.com/user/AngryRedditorsBelow' },
      raw: { format: 'atom', index: 0 },
    });
  });

  it('links comment entries to what they reply to (RFC 4685 thr:in-reply-to)', () => {
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:thr="http://purl.org/syndication/thread/1.0"><title>Comments</title>
      <entry><id>urn:c:2</id><title>Re</title><updated>2024-01-02T00:00:00Z</updated><author><name>Bo</name></author>
      <thr:in-reply-to ref="urn:post:1" href="http://example.org/1"/><content type="text">Agreed &lt;3</content></entry></feed>`;
    const [reply] = parseAtom(atom).messages;
    expect(reply).toMatchObject({ externalId: 'urn:c:2', inReplyToExternalId: 'urn:post:1', text: 'Agreed <3' });
    expect(reply!.threadKey).toBeUndefined();
    expect(reply!.html).toBeUndefined();
  });
});

describe('broken feeds', () => {
  it('keeps the complete entries of a truncated download and rejects the cut one', () => {
    const whole = feed('rss-parser__guardian.rss').toString('utf8');
    const cut = whole.slice(0, whole.indexOf('<item>', whole.indexOf('<item>') + 10) + 200);
    const result = parseRss(cut);
    expect(result.messages).toHaveLength(1);
    expect(result.messages[0]!.title).toBe('Trump State of the Union address promised unity but emphasized discord');
    expect(result.rejected).toEqual([{ index: 1, code: 'malformed', reason: 'entry is cut off: the file ends inside it' }]);
  });

  it('rejects one malformed entry and keeps the others', () => {
    const rss = `<rss><channel><title>T</title>
      <item><title>ok</title><guid>a</guid><pubDate>Mon, 01 Jan 2024 00:00:00 GMT</pubDate></item>
      <item><title>bad</title><guid>b</guid><enclosure url="http://x/ length="1"/></item>
      <item><title>also ok</title><guid>c</guid><pubDate>Mon, 01 Jan 2024 00:00:00 GMT</pubDate></item></channel></rss>`;
    const result = parseRss(rss);
    expect(result.messages.map((m) => m.externalId)).toEqual(['a', 'c']);
    expect(result.rejected).toMatchObject([{ index: 1, code: 'malformed' }]);
  });

  it('reads a feed whose comment precedes the XML declaration', () => {
    const rss =
      '<!-- note -->\n<?xml version="1.0"?><rss version="2.0"><channel><item><guid>x</guid><pubDate>2004-01-01</pubDate><title>t</title></item></channel></rss>';
    expect(parseRss(rss).messages[0]).toMatchObject({ externalId: 'x', sentAt: new Date('2004-01-01T00:00:00Z') });
  });

  it('refuses what is not a feed, saying what it is', () => {
    expect(parseRss('<html><body>hi</body></html>').rejected).toEqual([
      { index: null, code: 'malformed', reason: 'not an RSS or Atom document (root element: html)' },
    ]);
    expect(parseRss('').rejected[0]).toMatchObject({ index: null, code: 'malformed' });
  });
});

describe('charsets', () => {
  const item = (title: string): string =>
    `<rss version="2.0"><channel><title>c</title><item><guid>g</guid><pubDate>Mon, 01 Jan 2024 00:00:00 GMT</pubDate><title>${title}</title></item></channel></rss>`;

  it('decodes the declared legacy encoding', () => {
    const bytes = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?>'), Buffer.from(item('Café Müller'), 'latin1')]);
    expect(parseRss(bytes).messages[0]!.title).toBe('Café Müller');
    const sjis = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="Shift_JIS"?>'), Buffer.from(item('XX'), 'latin1')]);
    sjis.set([0x82, 0xa0], sjis.indexOf('XX'));
    expect(parseRss(sjis).messages[0]!.title).toBe('あ');
  });

  it('reads UTF-8 bytes that wrongly declare Latin-1 as UTF-8', () => {
    const bytes = Buffer.from(`<?xml version="1.0" encoding="iso-8859-1"?>${item('Café ✓')}`, 'utf8');
    expect(parseRss(bytes).messages[0]!.title).toBe('Café ✓');
  });

  it('falls back to Windows-1252 for undeclared non-UTF-8 bytes, and reads UTF-16 with a BOM', () => {
    const cp1252 = Buffer.from(item('it\x92s'), 'latin1');
    expect(parseRss(cp1252).messages[0]!.title).toBe('it’s');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(item('ünïcode'), 'utf16le')]);
    expect(parseRss(utf16).messages[0]!.title).toBe('ünïcode');
  });

  it('repairs text that was UTF-8 read as Latin-1 upstream', () => {
    expect(parseRss(item('cafÃ© â€“ done')).messages[0]!.title).toBe('café – done');
  });
});

describe('hostile content', () => {
  it('keeps script only in html, never in text, and never expands DOCTYPE entities', () => {
    const rss = `<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>
      <rss version="2.0"><channel><item><guid>s</guid><pubDate>Mon, 01 Jan 2024 00:00:00 GMT</pubDate><title>&b;</title>
      <description><![CDATA[<p>Hello<script>alert("x")</script><img src=x onerror="alert(1)"></p>]]></description></item></channel></rss>`;
    const [message] = parseRss(rss).messages;
    expect(message!.html).toContain('<script>alert("x")</script>');
    expect(message!.text).toBe('Hello');
    expect(message!.title).toBe('&b;');
  });

  it('treats tags named like Object.prototype members as data', () => {
    const rss =
      '<rss><channel><item><guid>p</guid><pubDate>2024-01-01</pubDate><__proto__>x</__proto__><constructor>y</constructor><title>t</title></item></channel></rss>';
    expect(parseRss(rss).messages[0]!.title).toBe('t');
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('drops non-http links', () => {
    const rss =
      '<rss><channel><link>javascript:alert(1)</link><item><guid>j</guid><link>javascript:alert(1)</link><pubDate>2024-01-01</pubDate><title>t</title></item></channel></rss>';
    const [message] = parseRss(rss).messages;
    expect(message!.url).toBeUndefined();
    expect(message!.author.profileUrl).toBeUndefined();
  });
});
