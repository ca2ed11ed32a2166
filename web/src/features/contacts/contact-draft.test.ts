import { describe, expect, it } from 'vitest';
import { draftOf, inputOf } from './contact-draft';
import type { Contact } from './types';

const contact: Contact = {
  id: '01a24c3c-9463-7ad2-9ce1-aed21fbfc223',
  displayName: 'Ada Lovelace',
  firstName: 'Ada',
  lastName: 'Lovelace',
  title: '',
  emails: [{ address: 'ada@example.com' }],
  phones: [],
  socialHandles: [],
  companyId: null,
  companyName: null,
  ownerId: null,
  teamId: null,
  lifecycleStage: 'customer',
  tags: [],
  custom: {},
  importantDates: [],
  address: { street: 'St James’s Square', streetNumber: '12', locality: 'London', postcode: 'SW1Y 4JH', country: 'United Kingdom' },
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('the contact form draft', () => {
  it('keeps the postal address through an edit', () => {
    expect(inputOf(draftOf(contact), []).address).toEqual(contact.address);
  });

  it('keeps the team through an edit, and sends a change of team', () => {
    const team = '01a24c3c-9463-7ad2-9ce1-aed21fbfc224';
    expect(inputOf(draftOf({ ...contact, teamId: team }), []).teamId).toBe(team);
    expect(inputOf({ ...draftOf(contact), teamId: team }, []).teamId).toBe(team);
    expect(inputOf(draftOf(undefined), []).teamId).toBeNull();
  });

  it('sends the parts filled in, trimmed, and no address when every part is blank', () => {
    const draft = draftOf(contact);
    const edited = { ...draft, address: { ...draft.address, street: '  Pall Mall ', streetNumber: ' ', region: ' Greater London' } };
    expect(inputOf(edited, []).address).toEqual({
      street: 'Pall Mall',
      locality: 'London',
      region: 'Greater London',
      postcode: 'SW1Y 4JH',
      country: 'United Kingdom',
    });
    const cleared = {
      ...draft,
      address: Object.fromEntries(Object.keys(draft.address).map((part) => [part, '  '])) as typeof draft.address,
    };
    expect(inputOf(cleared, []).address).toBeNull();
    expect(inputOf(draftOf(undefined), []).address).toBeNull();
  });
});
