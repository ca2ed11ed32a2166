import { describe, expect, it } from 'vitest';
import { pairNames } from './duplicate-labels';
import { contactDescription, identityDescription } from './identity-name';
import { contactSummary, duplicatePair } from './duplicate-pairs.testing';
import type { ContactSummary } from './types';

const noor = { network: 'mastodon', displayName: 'Noor Haddad', handle: '@noor@fosstodon.example', email: null };

const contact = (over: Partial<ContactSummary>) =>
  contactSummary({ displayName: 'Noor Haddad', firstName: 'Noor', lastName: 'Haddad', ...over });

describe('telling apart people of one name', () => {
  it('names an identity with its network and handle, else its e-mail', () => {
    expect(identityDescription(noor)).toBe('Noor Haddad (Mastodon @noor@fosstodon.example)');
    expect(identityDescription({ ...noor, network: 'email', handle: null, email: 'noor.haddad@proton.example' })).toBe(
      'Noor Haddad (E-mail noor.haddad@proton.example)',
    );
    // A handle that is the name already is not said twice.
    expect(identityDescription({ ...noor, displayName: null })).toBe('@noor@fosstodon.example (Mastodon)');
  });

  it('names a contact with its first e-mail, else its company', () => {
    expect(contactDescription(contact({ emails: ['noor@acme.example'], companyName: 'Acme' }))).toBe('Noor Haddad (noor@acme.example)');
    expect(contactDescription(contact({ companyName: 'Acme' }))).toBe('Noor Haddad (Acme)');
    expect(contactDescription(contact({}))).toBe('Noor Haddad');
  });

  it('names the identity side of a pair in the review queue in full', () => {
    const pair = duplicatePair({
      kind: 'identity',
      probability: 0.8,
      weight: 4,
      right: contact({}),
      identity: { id: 'i', profileUrl: null, avatarUrl: null, ...noor },
    });
    expect(pairNames(pair)).toEqual(['Noor Haddad (Mastodon @noor@fosstodon.example)', 'Noor Haddad']);
  });
});
