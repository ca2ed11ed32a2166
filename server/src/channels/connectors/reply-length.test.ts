import { describe, expect, it } from 'vitest';
import { replyLength } from './reply-length.js';

describe('reply length as each network counts it', () => {
  it('counts user-perceived characters for Bluesky', () => {
    expect(replyLength('👨‍👩‍👧‍👦é', 'graphemes')).toBe(2);
    expect(replyLength('👨‍👩‍👧‍👦', 'code_points')).toBe(7);
  });

  it('counts a link as 23 and a remote mention without its server on Mastodon', () => {
    expect(replyLength(`@ada@analytical.example see https://example.com/${'a'.repeat(100)}`, 'mastodon')).toBe('@ada see '.length + 23);
  });

  it('weighs X text as twitter-text does: links 23, CJK and emoji 2', () => {
    expect(replyLength('hello', 'x_weighted')).toBe(5);
    expect(replyLength('日本語', 'x_weighted')).toBe(6);
    expect(replyLength('👍🏽 ok', 'x_weighted')).toBe(5);
    expect(replyLength(`read https://example.com/${'x'.repeat(200)}`, 'x_weighted')).toBe(5 + 23);
  });
});
