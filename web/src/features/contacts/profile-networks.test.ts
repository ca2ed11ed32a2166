import { describe, expect, it } from 'vitest';
import { profileNetworkKey, profileNetworkName } from './profile-networks';

describe('the network of a social profile', () => {
  it('is named as people know it, an unknown one as typed', () => {
    expect(profileNetworkName('mastodon')).toBe('Mastodon');
    expect(profileNetworkName('x')).toBe('X');
    expect(profileNetworkName('linkedin')).toBe('LinkedIn');
    expect(profileNetworkName('Threads')).toBe('Threads');
  });

  it('is stored by its key when one is picked or typed by name', () => {
    expect(profileNetworkKey('LinkedIn')).toBe('linkedin');
    expect(profileNetworkKey('x')).toBe('x');
    expect(profileNetworkKey('Threads')).toBe('Threads');
  });
});
