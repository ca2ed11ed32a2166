/**
 * The process's normalised candidates: a contact is kept from its second sighting, an entry serves
 * only its workspace and identifier-fields setting, and the cache is bounded.
 */
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

/** Met again until kept: the set of contacts met is cleared now and then, between two sightings too. */
function keep(contactId: string, identifierFields = NO_FIELDS, workspaceId = WORKSPACE) {
  for (let sightings = 0; sightings < 3 && !cachedPerson(workspaceId, contactId, identifierFields); sightings++)
    remember(contactId, identifierFields, workspaceId);
}

describe('candidate people cache', () => {
  it('keeps a contact met again, not one met once', () => {
    const contacts = Array.from({ length: 100 }, (_, index) => `met-${index}`);
    for (const id of contacts) remember(id);
    // Those met once are not kept, but for the few whose bit another contact set (recent-sightings.ts).
    expect(contacts.filter((id) => cachedPerson(WORKSPACE, id, NO_FIELDS)).length).toBeLessThan(20);
    for (const id of contacts) keep(id);
    expect(contacts.every((id) => cachedPerson(WORKSPACE, id, NO_FIELDS)?.person.family === 'berg')).toBe(true);
  });

  it('keeps a new version of a contact it holds at the first sighting', () => {
    keep('changed');
    rememberPerson('changed', {
      workspaceId: WORKSPACE,
      version: '1/2',
      identifierFields: NO_FIELDS,
      person: normalisePerson({ id: 'changed', fullName: 'Ana Lindqvist' }),
    });
    expect(cachedPerson(WORKSPACE, 'changed', NO_FIELDS)).toMatchObject({ version: '1/2', person: { family: 'lindqvist' } });
  });

  it('serves an entry only to its workspace and its identifier-fields setting', () => {
    keep('contact-a', identifierFieldsKey(['customer_no']));
    expect(cachedPerson(WORKSPACE, 'contact-a', identifierFieldsKey(['customer_no']))?.person.family).toBe('berg');
    expect(cachedPerson(WORKSPACE, 'contact-a', NO_FIELDS)).toBeNull();
    expect(cachedPerson(WORKSPACE, 'contact-a', identifierFieldsKey(['customer_no', 'member_id']))).toBeNull();
    expect(cachedPerson('00000000-0000-4000-8000-000000000002', 'contact-a', identifierFieldsKey(['customer_no']))).toBeNull();
  });

  it('forgets the contacts used least recently beyond its bound', () => {
    keep('first');
    keep('second');
    expect(cachedPerson(WORKSPACE, 'first', NO_FIELDS)).not.toBeNull();
    for (let index = 0; index < MAX_PEOPLE - 1; index++) keep(`filler-${index}`);
    expect(cachedPerson(WORKSPACE, 'second', NO_FIELDS)).toBeNull();
    expect(cachedPerson(WORKSPACE, 'first', NO_FIELDS)).not.toBeNull();
  });
});
