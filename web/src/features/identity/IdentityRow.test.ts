import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { attributeValues, renderMarkup } from '../../ui/render-markup.testing';
import { IdentityRow } from './IdentityRow';
import type { LinkedIdentity } from './types';

const noor = (over: Partial<LinkedIdentity>): LinkedIdentity => ({
  id: 'i',
  network: 'mastodon',
  handle: null,
  displayName: 'Noor Haddad',
  profileUrl: null,
  avatarUrl: null,
  email: null,
  followers: null,
  link: {
    method: 'manual',
    rule: null,
    probability: null,
    evidence: [{ field: 'name', level: 'exact', weight: 3 }],
    decidedBy: null,
    linkedAt: '2026-01-01T00:00:00Z',
  },
  ...over,
});

const row = (identity: LinkedIdentity) => renderMarkup(createElement(IdentityRow, { identity, contactId: 'c', canWrite: true }));

describe('the identities of a contact that share a name', () => {
  const mastodon = row(noor({ id: 'm', handle: '@noor@fosstodon.example', profileUrl: 'https://fosstodon.example/@noor' }));
  const mail = row(noor({ id: 'e', network: 'email', email: 'noor.haddad@proton.example' }));

  it('name the Unlink button of each by its network and handle or address', () => {
    expect(attributeValues(mastodon, 'aria-label')).toContain('Unlink Noor Haddad (Mastodon @noor@fosstodon.example)');
    expect(attributeValues(mail, 'aria-label')).toContain('Unlink Noor Haddad (E-mail noor.haddad@proton.example)');
  });

  it('name the row, its evidence button and its profile link the same way', () => {
    const labels = attributeValues(mastodon, 'aria-label');
    expect(labels).toContain('Noor Haddad (Mastodon @noor@fosstodon.example)');
    expect(labels).toContain('Evidence for Noor Haddad (Mastodon @noor@fosstodon.example)');
    expect(labels).toContain('Profile of Noor Haddad (Mastodon @noor@fosstodon.example)');
  });
});
