/** The process's normalised candidates: an entry serves only its workspace and identifier-fields setting, and the cache is bounded. */
import { describe, expect, it } from 'vitest';
import { normalisePerson } from '../matching/index.js';
import { cachedPerson, identifierFieldsKey, MAX_PEOPLE, rememberPerson } from './candidate-people.cache.js';

const WORKSPACE = '00000000-0000-4000-8000-000000000001';
const NO_FIELDS = identifierFieldsKey([]);

function remember(contactId: string, identifierFields = NO_FIELDS, workspaceId = WORKSPACE) {
  rememberPerson(contactId, {
    workspaceId,
    version: '1/1',
    identifierFields,
    person: normalisePerson({ id: contactId, fullName: 'Ana Berg' }),
  });
}

describe('candidate people cache', () => {
  it('serves an entry only to its workspace and its identifier-fields setting', () => {
    remember('contact-a', identifierFieldsKey(['customer_no']));
    expect(cachedPerson(WORKSPACE, 'contact-a', identifierFieldsKey(['customer_no']))?.person.family).toBe('berg');
    expect(cachedPerson(WORKSPACE, 'contact-a', NO_FIELDS)).toBeNull();
    expect(cachedPerson(WORKSPACE, 'contact-a', identifierFieldsKey(['customer_no', 'member_id']))).toBeNull();
    expect(cachedPerson('00000000-0000-4000-8000-000000000002', 'contact-a', identifierFieldsKey(['customer_no']))).toBeNull();
  });

  it('forgets the contacts used least recently beyond its bound', () => {
    remember('first');
    remember('second');
    expect(cachedPerson(WORKSPACE, 'first', NO_FIELDS)).not.toBeNull();
    for (let index = 0; index < MAX_PEOPLE - 1; index++) remember(`filler-${index}`);
    expect(cachedPerson(WORKSPACE, 'second', NO_FIELDS)).toBeNull();
    expect(cachedPerson(WORKSPACE, 'first', NO_FIELDS)).not.toBeNull();
  });
});
