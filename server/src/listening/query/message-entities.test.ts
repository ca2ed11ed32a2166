import { describe, expect, it } from 'vitest';
import { hashtagsInText, mentionsInText } from './message-entities.js';

// The rules as regular expressions: the finder must agree with them on any text.
const HASHTAG = /(?:^|[^\p{L}\p{N}\p{M}_&])#([\p{L}\p{N}\p{M}_]+)/gu;
const MENTION = /(?:^|[^\p{L}\p{N}\p{M}_.@-])@([\p{L}\p{N}\p{M}_.-]+(?:@[\p{L}\p{N}\p{M}_.-]+)?)/gu;

const byExpression = (text: string, pattern: RegExp, limit: number) => [...text.matchAll(pattern)].map((m) => m[1]!).slice(0, limit);

function found(find: typeof hashtagsInText, text: string, limit = 1_000): string[] {
  const into: string[] = [];
  find(text, into, limit);
  return into;
}

const PIECES = [
  '#',
  '@',
  '##',
  '@@',
  'tag',
  'Ünï',
  '東京',
  '😀',
  '𝐀',
  '_',
  '.',
  '-',
  '&',
  ' ',
  'a',
  '9',
  'bob@example.com',
  '\ud800',
  '\udc00',
  'é',
  '\u0301',
];

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

describe('hashtags and mentions in text', () => {
  it('finds tags and handles where they start a word, not inside one', () => {
    expect(found(hashtagsInText, '#Rapport rocks, a#b &#39; _#x #東京 (#ok_1)')).toEqual(['Rapport', '東京', 'ok_1']);
    expect(found(mentionsInText, '@Alice@mastodon.social. mail bob@example.com, @bob-smith @@x .@y @')).toEqual([
      'Alice@mastodon.social.',
      'bob-smith',
    ]);
  });

  it('stops at the limit', () => {
    expect(found(hashtagsInText, '#a #b #c', 2)).toEqual(['a', 'b']);
    expect(found(mentionsInText, '@a @b', 0)).toEqual([]);
  });

  it('agrees with the regular expressions on random text', () => {
    const next = randomness(11);
    for (let i = 0; i < 5_000; i++) {
      const text = Array.from({ length: Math.floor(next() * 12) }, () => PIECES[Math.floor(next() * PIECES.length)]!).join('');
      const limit = next() < 0.1 ? Math.floor(next() * 3) : 1_000;
      expect(found(hashtagsInText, text, limit), JSON.stringify(text)).toEqual(byExpression(text, HASHTAG, limit));
      expect(found(mentionsInText, text, limit), JSON.stringify(text)).toEqual(byExpression(text, MENTION, limit));
    }
  });
});
