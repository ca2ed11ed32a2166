import { describe, expect, it } from 'vitest';
import { normaliseHandle, normaliseUrl } from './query-fields.js';
import { foldWord } from './text-words.js';

// The rules as regular expressions: the hand-written versions must agree with them.
function urlByExpression(url: string): string {
  const withoutScheme = url.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  const slash = withoutScheme.indexOf('/');
  const host = (slash === -1 ? withoutScheme : withoutScheme.slice(0, slash)).toLowerCase().replace(/^www\./, '');
  return host + (slash === -1 ? '' : withoutScheme.slice(slash).replace(/\/+$/, ''));
}
const handleByExpression = (handle: string) => foldWord(handle.trim().replace(/^@/, '').replace(/\s+/g, ' '));

/** Deterministic random numbers (mulberry32), so a failure can be replayed. */
function randomness(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const URL_PIECES = ['https', 'HTTP', 'a+b', '9x', 'ſ', '://', ':', '/', '//', 'www.', 'WWW.', 'Example.com', 'news', '.', ' ', '?q=1', 'É'];
const HANDLE_PIECES = ['@', 'alice', 'Bob', '.', '_', '-', ' ', '\t', 'mastodon.social', 'É', '9'];

describe('field values', () => {
  it('normalises URLs: scheme and www. dropped, host lower-cased, path kept without trailing slashes', () => {
    expect(normaliseUrl(' HTTPS://www.News.Example.com/Path/// ')).toBe('news.example.com/Path');
    expect(normaliseUrl('example.com')).toBe('example.com');
    // Not a scheme (it starts with a digit): kept, and the host ends at the first slash.
    expect(normaliseUrl('1http://X.org/')).toBe('1http://X.org');
  });

  it('normalises handles: folded, without a leading @, spaces collapsed', () => {
    expect(normaliseHandle('@Alice@Mastodon.social')).toBe('alice@mastodon.social');
    expect(normaliseHandle('bob_smith.bsky.social')).toBe('bob_smith.bsky.social');
    expect(normaliseHandle(' Bob   Stone ')).toBe('bob stone');
  });

  it('agree with the regular expressions on random values', () => {
    const next = randomness(3);
    const build = (pieces: string[]) =>
      Array.from({ length: Math.floor(next() * 8) }, () => pieces[Math.floor(next() * pieces.length)]).join('');
    for (let i = 0; i < 3_000; i++) {
      const url = build(URL_PIECES);
      expect(normaliseUrl(url), JSON.stringify(url)).toBe(urlByExpression(url));
      const handle = build(HANDLE_PIECES);
      expect(normaliseHandle(handle), JSON.stringify(handle)).toBe(handleByExpression(handle));
    }
  });
});
