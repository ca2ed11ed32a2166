import { describe, expect, it } from 'vitest';
import type { AuthorNames } from './identity-contact.js';
import { withoutNetworkIds, type ContactNames } from './network-id-contacts.js';

const PSID = '6512345678909999';
const nameless: AuthorNames = { network: 'facebook', externalId: PSID, handle: PSID, displayName: PSID };
const numberHandle = { network: 'facebook', handle: PSID };

function contact(overrides: Partial<ContactNames> = {}): ContactNames {
  return { firstName: PSID, lastName: '', emails: [], phones: [], socialHandles: [numberHandle], ...overrides };
}

describe('a contact made from an author known by a numeric id alone', () => {
  it('is named "Unknown", as one made from that author now is, when it holds nothing else', () => {
    expect(withoutNetworkIds(contact(), [nameless])).toEqual({ firstName: 'Unknown', lastName: '', socialHandles: [] });
  });

  it('takes the name the author has given since, else goes by its e-mail, phone or another handle', () => {
    const named = { ...nameless, displayName: 'Mia Rossi' };
    expect(withoutNetworkIds(contact(), [named])).toEqual({ firstName: 'Mia', lastName: 'Rossi', socialHandles: [] });
    const withEmail = contact({ emails: [{ address: 'mia@example.org' }] });
    expect(withoutNetworkIds(withEmail, [nameless])).toEqual({ firstName: '', lastName: '', socialHandles: [] });
    const mastodon = { network: 'mastodon', handle: '@mia@fosstodon.org' };
    expect(withoutNetworkIds(contact({ socialHandles: [numberHandle, mastodon] }), [nameless])).toEqual({
      firstName: '',
      lastName: '',
      socialHandles: [mastodon],
    });
  });

  it('keeps a name a member gave it, and loses only the handle', () => {
    expect(withoutNetworkIds(contact({ firstName: 'Mia', lastName: 'Rossi' }), [nameless])).toEqual({
      firstName: 'Mia',
      lastName: 'Rossi',
      socialHandles: [],
    });
    // Called by the number only through its handle: named as a new one would be.
    expect(withoutNetworkIds(contact({ firstName: '' }), [nameless])).toEqual({ firstName: 'Unknown', lastName: '', socialHandles: [] });
  });

  it('changes nothing that is not a linked author’s numeric id on its network', () => {
    expect(withoutNetworkIds(contact({ firstName: 'Mia', socialHandles: [] }), [nameless])).toBeNull();
    // The same number on another network, or a name of digits the person chose, is kept.
    const elsewhere = contact({ firstName: '1984', socialHandles: [{ network: 'x', handle: PSID }] });
    expect(withoutNetworkIds(elsewhere, [nameless])).toBeNull();
    const mastodonAuthor: AuthorNames = { network: 'mastodon', externalId: 'acct-1', handle: 'acct-1', displayName: 'acct-1' };
    expect(
      withoutNetworkIds(contact({ firstName: 'acct-1', socialHandles: [{ network: 'mastodon', handle: 'acct-1' }] }), [mastodonAuthor]),
    ).toBeNull();
    expect(withoutNetworkIds(contact(), [])).toBeNull();
  });
});
