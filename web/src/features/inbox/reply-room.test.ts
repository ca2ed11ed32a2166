import { describe, expect, it } from 'vitest';
import { replyRoom, roomInWords, tooLongReason } from './reply-room';

describe('replyRoom', () => {
  const x = { max: 280, counting: 'x_weighted' } as const;

  it('has nothing to say where the network sets no limit', () => {
    expect(replyRoom('a'.repeat(10_000), null)).toBeNull();
  });

  it('counts the reply as its network does: an emoji weighs 2 on X', () => {
    expect(replyRoom('😀'.repeat(140), x)).toMatchObject({ length: 280, left: 0, over: false });
    expect(replyRoom('😀'.repeat(141), x)).toMatchObject({ length: 282, over: true });
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
