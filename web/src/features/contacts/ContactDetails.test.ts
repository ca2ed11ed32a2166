import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { renderMarkup } from '../../ui/render-markup.testing';
import { ContactDetails } from './ContactDetails';
import type { Contact } from './types';

const contact: Contact = {
  id: '01a24c3c-9463-7ad2-9ce1-aed21fbfc223',
  displayName: 'Ada Lovelace',
  firstName: 'Ada',
  lastName: 'Lovelace',
  title: '',
  emails: [],
  phones: [],
  socialHandles: [
    { network: 'mastodon', handle: '@ada@math.example' },
    { network: 'linkedin', handle: 'ada' },
  ],
  companyId: null,
  companyName: null,
  ownerId: null,
  teamId: null,
  lifecycleStage: 'customer',
  tags: [],
  custom: {},
  importantDates: [{ kind: 'birthday', date: '1815-12-10' }],
  address: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe("a contact's details", () => {
  it('name networks and kinds of dates as people write them', () => {
    const markup = renderMarkup(createElement(ContactDetails, { contact }));
    for (const label of ['Mastodon', 'LinkedIn', 'Birthday']) expect(markup).toContain(`>${label}<`);
    for (const raw of ['mastodon', 'linkedin', 'birthday']) expect(markup).not.toContain(`>${raw}<`);
  });
});
