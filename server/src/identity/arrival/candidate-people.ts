/**
 * The contacts an arrival is scored against, normalised: those the look-ups sent whole are
 * normalised unless this process holds them at that version; of the others, those held at their
 * current version come from its cache (the database sends only their version), the rest are
 * read, normalised and kept. One query at most, none when the look-ups sent them all.
 */
import type { Queryable } from '../../platform/db/db.js';
import { normalisePerson, type NormalisedPerson } from '../matching/index.js';
import { contactPerson, type MatchableContact } from '../people.js';
import { candidateContacts } from './arrival.repo.js';
import { cachedPerson, identifierFieldsKey, rememberPerson, type CandidatePerson } from './candidate-people.cache.js';

/** The identifier fields, and their cache key (`identifierFieldsKey`), made once per call. */
interface Setting {
  identifierFields: readonly string[];
  key: string;
}

/** The contact normalised, from the cache when it holds it at this version, else normalised and kept. */
function personOf(workspaceId: string, id: string, version: string, contact: MatchableContact, setting: Setting) {
  const held = cachedPerson(workspaceId, id, setting.key);
  if (held?.version === version) return held.person;
  const person = normalisePerson(contactPerson(contact, setting.identifierFields));
  rememberPerson(id, { workspaceId, version, identifierFields: setting.key, person });
  return person;
}

/** The normalised people of the contacts among `ids` that still exist, by contact id. */
export async function candidatePeople(
  tx: Queryable,
  workspaceId: string,
  ids: readonly string[],
  identifierFields: readonly string[],
  sent: ReadonlyMap<string, { version: string; contact: MatchableContact }> = new Map(),
): Promise<Map<string, NormalisedPerson>> {
  const setting: Setting = { identifierFields, key: identifierFieldsKey(identifierFields) };
  const people = new Map<string, NormalisedPerson>();
  const unsent: string[] = [];
  for (const id of ids) {
    const row = sent.get(id);
    if (row) people.set(id, personOf(workspaceId, id, row.version, row.contact, setting));
    else unsent.push(id);
  }
  if (unsent.length === 0) return people;
  // Held here, not looked up again after the query: another arrival may replace an entry meanwhile.
  const held = new Map<string, CandidatePerson>();
  const knownVersions = unsent.map((id) => {
    const entry = cachedPerson(workspaceId, id, setting.key);
    if (entry) held.set(id, entry);
    return entry?.version ?? null;
  });
  for (const { id, version, contact } of await candidateContacts(tx, workspaceId, unsent, knownVersions)) {
    // Sent without its fields: it is at the version held.
    people.set(id, contact === null ? held.get(id)!.person : personOf(workspaceId, id, version, contact, setting));
  }
  return people;
}
