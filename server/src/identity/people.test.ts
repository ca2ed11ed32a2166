import { describe, expect, it } from 'vitest';
import { arrivalKeys, normalisePerson } from './matching/index.js';
import { contactPerson, identityPerson, qualifiedHandle } from './people.js';

const contact = {
  id: 'c1',
  firstName: 'Ana',
  lastName: 'Berg',
  displayName: 'Ana Berg',
  emails: [{ address: 'ana.berg@posteo.de' }],
  phones: [{ number: '+46 8 123 456 78' }],
  socialHandles: [
    { network: 'x', handle: '@anaberg' },
    { network: 'mastodon', handle: '@ana@fosstodon.org', url: 'https://fosstodon.org/@ana' },
    { network: 'twitter', handle: 'ana_b_old', url: 'https://twitter.com/ana_b' },
  ],
  importantDates: [
    { kind: 'anniversary', date: '2015-06-01' },
    { kind: 'custom', date: '1988-03-14', label: 'Birthday' },
  ],
  address: { locality: 'Malmö', postcode: '211 22' },
  companyName: 'Berg Design',
  custom: { customer_no: 'K-1042' },
};

describe('handles qualified by network', () => {
  it('writes a handle as the profile it names, the same way on both sides', () => {
    expect(qualifiedHandle('x', '@ana')).toBe('x.com/ana');
    expect(qualifiedHandle('twitter', 'ana')).toBe('x.com/ana');
    expect(qualifiedHandle('bluesky', 'ana.bsky.social')).toBe('bsky.app/profile/ana.bsky.social');
    expect(qualifiedHandle('mastodon', '@ana@fosstodon.org')).toBe('ana@fosstodon.org');
    expect(qualifiedHandle('twitter', 'https://mobile.twitter.com/ana')).toBe('x.com/ana');
    // A bare Mastodon name has no server, and a feed's name is no account.
    expect(qualifiedHandle('mastodon', 'ana')).toBeNull();
    expect(qualifiedHandle('rss', 'Ana’s blog')).toBeNull();
  });
});

describe('contactPerson', () => {
  it('maps names, addresses, numbers, handles, company, birthday and identifier', () => {
    expect(contactPerson(contact, ['customer_no'])).toEqual({
      id: 'c1',
      givenName: 'Ana',
      familyName: 'Berg',
      fullName: null,
      emails: ['ana.berg@posteo.de'],
      phones: ['+46 8 123 456 78'],
      handles: ['x.com/anaberg', 'ana@fosstodon.org', 'https://fosstodon.org/@ana', 'x.com/ana_b_old', 'x.com/ana_b'],
      birthDate: '1988-03-14',
      address: { locality: 'Malmö', postcode: '211 22' },
      company: 'Berg Design',
      nationalId: 'K-1042',
    });
  });

  it('uses the display name only when it is a name', () => {
    const unnamed = { ...contact, firstName: '', lastName: '', displayName: 'ana.berg@posteo.de' };
    expect(contactPerson(unnamed).fullName).toBeNull();
    expect(contactPerson({ ...unnamed, displayName: 'Ana Berg' }).fullName).toBe('Ana Berg');
  });
});

describe('identityPerson', () => {
  it('keeps a vouched-for address, the qualified handle and the profile', () => {
    const mastodon = {
      id: 'i1',
      network: 'mastodon',
      handle: 'ana@fosstodon.org',
      displayName: 'Ana Berg',
      profileUrl: 'https://fosstodon.org/@ana',
      email: null,
    };
    const person = normalisePerson(identityPerson(mastodon));
    expect(person).toMatchObject({ given: 'ana', family: 'berg', handles: ['fosstodon.org/ana'], emails: [] });
    const sender = {
      id: 'i2',
      network: 'email',
      handle: 'ana.berg@posteo.de',
      displayName: 'ana.berg@posteo.de',
      profileUrl: null,
      email: 'ana.berg@posteo.de',
    };
    expect(identityPerson(sender)).toEqual({ id: 'i2', fullName: null, emails: ['ana.berg@posteo.de'], handles: [] });
  });

  it('shares arrival keys with the contact it is: the user name and both names', () => {
    const poster = {
      id: 'i3',
      network: 'mastodon',
      handle: 'anaberg@mastodon.social',
      displayName: 'Ana Berg',
      profileUrl: null,
      email: null,
    };
    const contactKeys = arrivalKeys(normalisePerson(contactPerson(contact)));
    const shared = arrivalKeys(normalisePerson(identityPerson(poster))).filter((key) => contactKeys.includes(key));
    expect(shared.sort()).toEqual(['n:a500b620', 'u:anaberg']);
  });

  it('gives placeholder and junk names no name keys', () => {
    for (const displayName of ['N/A', 'test', '-----', 'User 12']) {
      const keys = arrivalKeys(
        normalisePerson(
          identityPerson({ id: 'x', network: 'bluesky', handle: 'someone.bsky.social', displayName, profileUrl: null, email: null }),
        ),
      );
      expect(
        keys.filter((key) => key.startsWith('n:')),
        displayName,
      ).toEqual([]);
    }
  });
});
