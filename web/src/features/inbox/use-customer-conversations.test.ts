import { describe, expect, it } from 'vitest';
import { aConversation } from './conversation.testing';
import { customerFilter } from './use-customer-conversations';

const identity = {
  id: 'identity-1',
  network: 'mastodon' as const,
  handle: 'ada@social.example',
  displayName: 'Ada',
  profileUrl: null,
  avatarUrl: null,
  email: null,
  followers: null,
};

describe('the customer’s other conversations', () => {
  it('are their contact’s, on every network, when the conversation has one', () => {
    expect(customerFilter(aConversation({ identity, contactId: 'contact-1' }))).toEqual({ contactId: 'contact-1' });
    const contact = { id: 'contact-1', displayName: 'Ada Lovelace', tier: null };
    expect(customerFilter(aConversation({ identity, contactId: 'contact-1', contact }))).toEqual({ contactId: 'contact-1' });
  });

  it('are their identity’s without a contact, and none without either', () => {
    expect(customerFilter(aConversation({ identity }))).toEqual({ identityId: 'identity-1' });
    expect(customerFilter(aConversation())).toBeNull();
  });
});
