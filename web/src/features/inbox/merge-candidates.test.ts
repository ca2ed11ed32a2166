import { describe, expect, it } from 'vitest';
import { aConversation } from './conversation.testing';
import { mergeCandidates, mergePrivacyWarning } from './merge-candidates';

const mail = aConversation({ id: 'mail', network: 'email', isPrivate: true });
const toot = aConversation({ id: 'toot', network: 'mastodon', isPrivate: false, lastMessageAt: '2026-01-02T10:00:00Z' });
const oldMail = aConversation({ id: 'old', network: 'email', isPrivate: true, lastMessageAt: '2025-06-01T10:00:00Z' });
const stranger = aConversation({ id: 'stranger', network: 'twitter', lastMessageAt: '2026-01-03T10:00:00Z' });

describe('merge candidates', () => {
  it('offers the same customer’s other conversations first, newest first, and each only once', () => {
    const { sameCustomer, others } = mergeCandidates(mail, [oldMail, mail, toot], [stranger, toot, mail]);
    expect(sameCustomer.map((c) => c.id)).toEqual(['toot', 'old']);
    expect(others.map((c) => c.id)).toEqual(['stranger']);
  });

  it('leaves out conversations already merged away', () => {
    const merged = aConversation({ id: 'merged', mergedIntoId: 'toot' });
    expect(mergeCandidates(mail, [merged], []).sameCustomer).toEqual([]);
  });
});

describe('merging a private conversation into a public one', () => {
  it('is said, naming both networks', () => {
    expect(mergePrivacyWarning(mail, toot)).toMatch(
      /^This conversation is private \(E-mail\), and the one you picked is public \(Mastodon\)/,
    );
  });

  it('is not said for private into private, public into either, or before a target is picked', () => {
    expect(mergePrivacyWarning(mail, oldMail)).toBeNull();
    expect(mergePrivacyWarning(toot, mail)).toBeNull();
    expect(mergePrivacyWarning(toot, stranger)).toBeNull();
    expect(mergePrivacyWarning(mail, undefined)).toBeNull();
  });
});
