import { describe, expect, it } from 'vitest';
import { authorHandle, authorName } from './mention-author';

const author = (displayName: string | null, handle: string | null) => ({
  identityId: null,
  handle,
  displayName,
  profileUrl: null,
  avatarUrl: null,
  followers: null,
  contactId: null,
});

describe('mention authors', () => {
  it('names the author by display name, then handle, never blank', () => {
    expect(authorName(author('Ann Lee', 'ann'))).toBe('Ann Lee');
    expect(authorName(author('  ', 'ann'))).toBe('ann');
    expect(authorName(author(null, null))).toBe('Unknown author');
  });

  it('shows a bare handle with an @, and leaves full addresses alone', () => {
    expect(authorHandle(author(null, 'ann'))).toBe('@ann');
    expect(authorHandle(author(null, '@ann@mastodon.social'))).toBe('@ann@mastodon.social');
    expect(authorHandle(author(null, 'ann@example.org'))).toBe('ann@example.org');
    expect(authorHandle(author(null, 'Tech news'))).toBe('Tech news');
    expect(authorHandle(author(null, null))).toBeNull();
  });
});
