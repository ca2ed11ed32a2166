import { describe, expect, it } from 'vitest';
import { parseJsonFeed } from './jsonfeed.parser.js';

const FEED = {
  version: 'https://jsonfeed.org/version/1.1',
  title: 'Example Blog',
  home_page_url: 'https://blog.example.org/',
  language: 'en',
  authors: [{ name: 'Blog Team', url: 'https://blog.example.org/about' }],
  items: [
    {
      id: '2',
      url: '/posts/2',
      title: 'Second &amp; last',
      content_html: '<p>Hi <script>steal()</script><em>there</em></p>',
      date_published: '2024-03-01T10:00:00+01:00',
      authors: [{ name: 'Ann', url: 'https://blog.example.org/ann', avatar: 'https://blog.example.org/ann.png' }],
      attachments: [{ url: 'https://cdn.example.org/ep2.mp3', mime_type: 'audio/mpeg', size_in_bytes: 1234 }],
    },
    { id: 1, content_text: 'Plain first post', date_modified: '2024-02-01T00:00:00Z' },
    'not an item',
  ],
};

describe('JSON Feed', () => {
  it('reads items with ids, relative URLs, HTML content, authors and attachments', () => {
    const { messages, rejected } = parseJsonFeed(JSON.stringify(FEED));
    expect(messages[0]).toMatchObject({
      channel: 'rss',
      externalId: '2',
      url: 'https://blog.example.org/posts/2',
      title: 'Second &amp; last',
      text: 'Hi there',
      html: '<p>Hi <script>steal()</script><em>there</em></p>',
      language: 'en',
      sentAt: new Date('2024-03-01T09:00:00Z'),
      author: {
        externalId: 'https://blog.example.org/ann',
        handle: 'Ann',
        profileUrl: 'https://blog.example.org/ann',
        avatarUrl: 'https://blog.example.org/ann.png',
      },
      attachments: [{ name: 'ep2.mp3', contentType: 'audio/mpeg', size: 1234, url: 'https://cdn.example.org/ep2.mp3' }],
      raw: { format: 'jsonfeed', index: 0 },
    });
    // A numeric id is still an id; with no author of its own, the feed's author speaks.
    expect(messages[1]).toMatchObject({ externalId: '1', text: 'Plain first post', author: { handle: 'Blog Team' } });
    expect(rejected).toEqual([{ index: 2, code: 'invalid', reason: 'item is not an object' }]);
  });

  it('accepts a parsed object, and refuses JSON that is not a feed', () => {
    expect(parseJsonFeed(FEED).messages).toHaveLength(2);
    expect(parseJsonFeed('{"hello": 1}').rejected).toEqual([
      { index: null, code: 'invalid', reason: 'not a JSON Feed: expected an object with an "items" array' },
    ]);
    expect(parseJsonFeed('{"items": [').rejected[0]).toMatchObject({ index: null, code: 'malformed' });
  });
});
