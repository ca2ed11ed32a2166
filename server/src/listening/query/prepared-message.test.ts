import { describe, expect, it } from 'vitest';
import { prepareMessage } from './prepared-message.js';
import { foldWord, forEachWord } from './text-words.js';

describe('prepareMessage', () => {
  it('keeps folded and written words with positions, title first then a gap', () => {
    const message = prepareMessage({ title: 'Big News', text: 'Café opens', channel: 'RSS' });
    expect(message.folded).toEqual(['big', 'news', 'cafe', 'opens']);
    expect([...message.words]).toEqual(['big', 'news', 'cafe', 'opens']);
    expect(message.written).toEqual(['Big', 'News', 'Café', 'opens']);
    expect(message.position[2]! - message.position[1]!).toBeGreaterThan(100);
    expect(message.channel).toBe('rss');
  });

  it('collects hashtags and mentions from the text and the given entities', () => {
    const message = prepareMessage({
      text: 'Love it #Rapport @Alice@mastodon.social. write to bob@example.com',
      channel: 'mastodon',
      hashtags: ['#CRM'],
      mentions: ['carol.bsky.social'],
    });
    expect([...message.hashtags].sort()).toEqual(['crm', 'rapport']);
    expect([...message.mentions].sort()).toEqual(['alice', 'alice@mastodon.social', 'carol.bsky.social']);
  });

  it('normalises author, language, URL and site', () => {
    const message = prepareMessage({
      text: '',
      channel: 'rss',
      authorHandle: '@Bob@Example.social',
      authorName: 'Bob  Stone',
      language: 'pt-BR',
      url: 'HTTPS://www.News.Example.com/Path/',
    });
    expect([...message.authors].sort()).toEqual(['bob', 'bob stone', 'bob@example.social']);
    expect(message.language).toBe('pt');
    expect(message.url).toBe('news.example.com/Path');
    expect(message.sites).toEqual(['news.example.com', 'example.com']);
  });
});

/** Words, folded and written, and positions as the rules state them, worked out the plain way. */
function referenceWords(title: string, text: string) {
  const folded: string[] = [];
  const written: string[] = [];
  const position: number[] = [];
  let next = 0;
  const add = (part: string) =>
    forEachWord(part, (start, end) => {
      const at = next++;
      if (end - start > 100) return;
      written.push(part.slice(start, end));
      folded.push(foldWord(part.slice(start, end)));
      position.push(at);
    });
  if (title) {
    add(title);
    next += 102;
  }
  add(text);
  return { folded, written, position, words: [...new Set(folded)] };
}

describe('prepareMessage words and positions', () => {
  it('counts a word too long to index as a position, and starts the text after the title gap', () => {
    const message = prepareMessage({ title: `A ${'x'.repeat(101)} b`, text: `c ${'y'.repeat(101)} d`, channel: 'rss' });
    expect(message.folded).toEqual(['a', 'b', 'c', 'd']);
    expect(message.position).toEqual([0, 2, 105, 107]);
    expect(message.written).toEqual(['A', 'b', 'c', 'd']);
  });

  it('agrees with cutting word by word on random titles and texts', () => {
    const pieces = ['Apple', 'pie', 'CAFÉ', '東京', '😀', 'x'.repeat(101), 'ΣΟΦΟΣ', 'e-mail', ' ', ', '];
    let seed = 5;
    const next = () => (seed = (seed * 16_807) % 2_147_483_647) / 2_147_483_647;
    const randomText = () => Array.from({ length: Math.floor(next() * 10) }, () => pieces[Math.floor(next() * pieces.length)]).join(' ');
    for (let i = 0; i < 500; i++) {
      const title = next() < 0.5 ? randomText() : '';
      const text = randomText();
      const message = prepareMessage({ title, text, channel: 'rss' });
      const expected = referenceWords(title, text);
      const got = { folded: message.folded, written: message.written, position: message.position, words: [...message.words] };
      expect(got, JSON.stringify({ title, text })).toEqual(expected);
    }
  });

  it('takes at most the entity limit of hashtags and mentions, lists first, then title and text', () => {
    const listed = Array.from({ length: 999 }, (_, i) => `tag${i}`);
    const message = prepareMessage({ title: '#fromtitle @alice', text: '#fromtext', channel: 'rss', hashtags: listed });
    expect(message.hashtags.size).toBe(1_000);
    expect(message.hashtags.has('fromtitle')).toBe(true);
    expect(message.hashtags.has('fromtext')).toBe(false);
    expect(message.mentions.size).toBe(0);
  });
});
