/**
 * The contacts an arrival is scored against, normalised: those this process normalised at their
 * current version come from its cache (the database sends only their version), the others are
 * read, normalised and kept. One query either way.
 */
import type { Queryable } from '../../platform/db/db.js';
import { normalisePerson, type NormalisedPerson } from '../matching/index.js';
import { contactPerson } from '../people.js';
import { candidateContacts } from './arrival.repo.js';
import { cachedPerson, identifierFieldsKey, rememberPerson, type CandidatePerson } from './candidate-people.cache.js';

/** The normalised people of the contacts among `ids` that still exist, by contact id. */
export async function candidatePeople(
  tx: Queryable,
  workspaceId: string,
  ids: readonly string[],
  identifierFields: readonly string[],
): Promise<Map<string, NormalisedPerson>> {
  const fields = identifierFieldsKey(identifierFields);
  // Held here, not looked up again after the query: another arrival may replace an entry meanwhile.
  const held = new Map<string, CandidatePerson>();
  const knownVersions = ids.map((id) => {
    const entry = cachedPerson(workspaceId, id, fields);
    if (entry) held.set(id, entry);
    return entry?.version ?? null;
  });
  const people = new Map<string, NormalisedPerson>();
  for (const { id, version, contact } of await candidateContacts(tx, workspaceId, ids, knownVersions)) {
    if (contact === null) {
      // Sent without its fields: it is at the version held.
      people.set(id, held.get(id)!.person);
      continue;
    }
    const person = normalisePerson(contactPerson(contact, identifierFields));
    rememberPerson(id, { workspaceId, version, identifierFields: fields, person });
    people.set(id, person);
  }
  return people;
}
