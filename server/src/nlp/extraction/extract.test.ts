import { describe, expect, it } from 'vitest';
import { extractEntities, MAX_PER_KIND } from './extract.js';

describe('extractEntities', () => {
  it('finds hashtags in any script, once each, without the #', () => {
    const { hashtags } = extractEntities('Love it #Coffee #café #日本語 #coffee #123 a#b https://x.example/#anchor');
    expect(hashtags).toEqual(['Coffee', 'café', '日本語']);
  });

  it('finds @mentions, Mastodon @user@server and Bluesky handles, but not e-mail addresses', () => {
    const { mentions } = extractEntities('@acme_support hi! cc @Gargron@mastodon.social and @snarfed.org, write to bob@example.com');
    expect(mentions).toEqual(['acme_support', 'Gargron@mastodon.social', 'snarfed.org']);
  });

  it('finds links and strips the punctuation that ends the sentence', () => {
    const { urls } = extractEntities(
      'See https://example.com/a?b=1. Also (https://t.co/xyz) and https://en.wikipedia.org/wiki/Foo_(bar), ok?',
    );
    expect(urls).toEqual(['https://example.com/a?b=1', 'https://t.co/xyz', 'https://en.wikipedia.org/wiki/Foo_(bar)']);
  });

  it('leaves out of the keywords a tag that only stands apart once the mention before it is taken out', () => {
    const extraction = extractEntities('@shop#bargain great battery');
    expect(extraction.mentions).toEqual(['shop']);
    expect(extraction.hashtags).toEqual([]);
    expect(extraction.keywords).toEqual(['great', 'battery']);
  });

  it('ranks content words as keywords, leaving out stop words, links, tags and mentions', () => {
    const { keywords } = extractEntities(
      '@shop The battery is dead again. The battery lasted a day! Refund please #fail https://t.co/battery',
    );
    expect(keywords[0]).toBe('battery');
    expect(keywords).toContain('refund');
    expect(keywords).not.toContain('the');
    expect(keywords).not.toContain('shop');
    expect(keywords).not.toContain('fail');
  });

  it('types named entities by their cues', () => {
    const { entities } = extractEntities(
      'Yesterday Dr. Alvarez from Deutsche Bank met Mr Johnson. I ordered an iPhone 15 and a PS5 from the BBC shop, and Andy Burnham liked the Model 3.',
    );
    expect(entities).toEqual(
      expect.arrayContaining([
        { text: 'Alvarez', type: 'person' },
        { text: 'Deutsche Bank', type: 'organisation' },
        { text: 'Johnson', type: 'person' },
        { text: 'iPhone 15', type: 'product' },
        { text: 'PS5', type: 'product' },
        { text: 'BBC', type: 'organisation' },
        { text: 'Andy Burnham', type: 'person' },
        { text: 'Model 3', type: 'product' },
      ]),
    );
    expect(entities.map((entity) => entity.text)).not.toContain('Yesterday');
    expect(entities.map((entity) => entity.text)).not.toContain('I');
  });

  it('does not take a capitalised sentence opener for a name', () => {
    expect(extractEntities('Great service. Fast delivery. Lovely people.').entities).toEqual([]);
  });

  it('returns empty lists for empty or wordless text and never throws on hostile input', () => {
    const empty = { hashtags: [], mentions: [], urls: [], keywords: [], entities: [] };
    for (const text of ['', '#', '@', '@@@###', 'https://', '\u0000\ud800']) expect(extractEntities(text)).toEqual(empty);
    const binary = Array.from({ length: 100_000 }, (_, i) => String.fromCharCode((i * 7919) % 0xffff)).join('');
    const started = performance.now();
    const flood = extractEntities(
      Array.from({ length: 5000 }, (_, i) => `#tag${i} @user${i} https://x.example/${i} Acme${i} Corp`).join(' '),
    );
    extractEntities(binary);
    expect(performance.now() - started).toBeLessThan(500);
    expect(flood.hashtags).toHaveLength(MAX_PER_KIND);
    expect(flood.mentions).toHaveLength(MAX_PER_KIND);
    expect(flood.urls).toHaveLength(MAX_PER_KIND);
    expect(flood.entities.length).toBeLessThanOrEqual(MAX_PER_KIND);
  });
});
