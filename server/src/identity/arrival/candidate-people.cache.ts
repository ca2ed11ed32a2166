/**
 * Arrivals' candidate contacts as the matching engine reads them, normalised once per version of
 * the contact and kept in this process: namesakes, shared blocks and people who keep arriving on
 * new channels bring the same contacts back, and normalising them on every arrival was the largest
 * part of what an arrival allocated (young-generation collections are the matching tail).
 *
 * An entry serves only the exact version it was made from: the contact's row version (any write
 * to the contact or its company changes it, read with the contact in the same query) and the
 * workspace's identifier fields (which custom field is the national id). Nothing needs to tell
 * this process about a change, so the server's other processes need no messages to stay correct.
 * Bounded: the least recently used contacts are forgotten first.
 *
 * A contact is kept from the second time it is met, not the first: in a large workspace most
 * candidates are met once, and each one kept survives the young generation, where every
 * collection copies it (the copying is the collection's pause). Kept on first sight, they were
 * most of what each collection copied on the 100,000-contact bench (0.7-0.9 MB against 0.2 MB
 * with no cache at all).
 */
import type { NormalisedPerson } from '../matching/index.js';
import { RecentSightings } from './recent-sightings.js';

export const MAX_PEOPLE = 20_000;

export interface CandidatePerson {
  workspaceId: string;
  /** The contact's row version (see `candidateContacts`). */
  version: string;
  /** The identifier-fields setting the person was normalised with, as `identifierFieldsKey` writes it. */
  identifierFields: string;
  person: NormalisedPerson;
}

/** By contact id (a uuid); the entry's workspace is checked all the same. */
const people = new Map<string, CandidatePerson>();

/** The contacts met recently, to keep those met again (`RecentSightings`: 32 KB). */
const met = new RecentSightings(MAX_PEOPLE, 1 << 18);

/** One string per setting, compared whole: a different list never reads another's entries. */
export function identifierFieldsKey(identifierFields: readonly string[]): string {
  return JSON.stringify(identifierFields);
}

/** The contact as normalised last under this setting, whatever its version: the caller asks the database whether it is current. */
export function cachedPerson(workspaceId: string, contactId: string, identifierFields: string): CandidatePerson | null {
  const entry = people.get(contactId);
  if (entry?.workspaceId !== workspaceId || entry.identifierFields !== identifierFields) return null;
  // Map order is insertion order: moving the entry to the end keeps the contacts arrivals meet often.
  people.delete(contactId);
  people.set(contactId, entry);
  return entry;
}

/** Keeps the person if the contact was met before, or is held at another version. */
export function rememberPerson(contactId: string, entry: CandidatePerson): void {
  if (!people.delete(contactId) && !met.seenBefore(contactId)) return;
  Object.freeze(entry.person);
  people.set(contactId, Object.freeze(entry));
  if (people.size > MAX_PEOPLE) people.delete(people.keys().next().value!);
}
