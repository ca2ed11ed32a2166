import { describe, expect, it } from 'vitest';
import { replyLength, replyRoom, roomInWords, tooLongReason } from './reply-length';

describe('replyLength', () => {
  it('counts a family emoji as one grapheme, as Bluesky does, but as its code points otherwise', () => {
    const family = '👨‍👩‍👧';
    expect(replyLength(family, 'graphemes')).toBe(1);
    expect(replyLength(family, 'code_points')).toBe(5);
  });

  it('counts a link as 23 and a remote mention as its user name on Mastodon', () => {
    const link = `see https://example.com/${'a'.repeat(100)}`;
    expect(replyLength(link, 'mastodon')).toBe(4 + 23);
    expect(replyLength('@noor@fosstodon.example hi', 'mastodon')).toBe('@noor hi'.length);
  });

  it('weighs an emoji and a CJK character as 2 on X, and a link as 23', () => {
    expect(replyLength('hi 😀', 'x_weighted')).toBe(3 + 2);
    expect(replyLength('日本', 'x_weighted')).toBe(4);
    expect(replyLength('https://example.com/a/very/long/path/indeed', 'x_weighted')).toBe(23);
  });
});

describe('replyRoom', () => {
  const x = { max: 280, counting: 'x_weighted' } as const;

  it('has nothing to say where the network sets no limit', () => {
    expect(replyRoom('a'.repeat(10_000), null)).toBeNull();
  });

  it('shows the count only near the limit', () => {
    expect(replyRoom('a'.repeat(100), x)).toMatchObject({ left: 180, over: false, shown: false });
    expect(replyRoom('a'.repeat(230), x)).toMatchObject({ left: 50, over: false, shown: true });
  });

  it('is over the limit past it, and trailing spaces (trimmed when sent) take no room', () => {
    expect(replyRoom('a'.repeat(281), x)).toMatchObject({ length: 281, left: -1, over: true, shown: true });
    expect(replyRoom(`${'a'.repeat(280)}   `, x)).toMatchObject({ left: 0, over: false });
  });
});

describe('tooLongReason', () => {
  const mastodon = { max: 500, counting: 'mastodon' } as const;

  it('names the network, its limit and how much to cut', () => {
    const room = replyRoom('a'.repeat(512), mastodon)!;
    expect(roomInWords(room)).toBe('12 over');
    expect(tooLongReason(room, 'Mastodon')).toBe(
      'Too long for Mastodon: it takes at most 500 characters, and this reply is 512. Shorten it by 12 to send it.',
    );
  });

  it('says nothing of a reply that fits, or of a network without a limit', () => {
    const room = replyRoom('a'.repeat(450), mastodon)!;
    expect(roomInWords(room)).toBe('50 left');
    expect(tooLongReason(room, 'Mastodon')).toBeNull();
    expect(tooLongReason(replyRoom('a'.repeat(9000), null), 'E-mail')).toBeNull();
  });
});
