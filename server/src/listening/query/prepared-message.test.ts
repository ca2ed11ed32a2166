import { describe, expect, it } from 'vitest';
import { prepareMessage } from './prepared-message.js';

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
