import { describe, expect, it } from 'vitest';
import { postCountLabel } from './post-count';

describe('the stream’s count', () => {
  it('says the number of posts, and past the bound that there are more', () => {
    expect(postCountLabel({ count: 0, exact: true })).toBe('0 posts');
    expect(postCountLabel({ count: 1, exact: true })).toBe('1 post');
    expect(postCountLabel({ count: 1234, exact: true })).toBe('1,234 posts');
    expect(postCountLabel({ count: 10_000, exact: false })).toBe('More than 10,000 posts');
  });
});
