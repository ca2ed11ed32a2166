import { describe, expect, it } from 'vitest';
import { pairNames } from './duplicate-labels';
import { contactDescription, identityDescription } from './identity-name';
import type { ContactSummary, DuplicateCandidate } from './types';

const noor = { network: 'mastodon', displayName: 'Noor Haddad', handle: '@noor@fosstodon.example', email: null };

const contact = (over: Partial<ContactSummary>): ContactSummary => ({
  id: 'c',
  displayName: 'Noor Haddad',
  firstName: 'Noor',
  lastName: 'Haddad',
  title: '',
  emails: [],
  phones: [],
  handles: [],
  companyName: null,
  lifecycleStage: 'lead',
  updatedAt: '2026-01-01T00:00:00Z',
  ...over,
});

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
    const pair: DuplicateCandidate = {
      id: 'p',
      kind: 'identity',
      status: 'open',
      decision: 'review',
      probability: 0.8,
      weight: 4,
      evidence: [],
      left: null,
      right: contact({}),
      identity: { id: 'i', profileUrl: null, avatarUrl: null, ...noor },
      merge: null,
      createdAt: '2026-01-01T00:00:00Z',
      decidedAt: null,
      decidedBy: null,
    };
    expect(pairNames(pair)).toEqual(['Noor Haddad (Mastodon @noor@fosstodon.example)', 'Noor Haddad']);
  });
});
