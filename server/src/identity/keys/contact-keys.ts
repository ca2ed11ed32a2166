/**
 * Keeps `contact_match_keys` current: the index a new identity or a changed contact is looked up
 * in. A contact's keys are replaced whole whenever it changes; a full pass brings a workspace's
 * up to date (review/key-sync.ts).
 */
import type { Queryable } from '../../platform/db/db.js';
import { arrivalKeys, normalisePerson } from '../matching/index.js';
import { contactPerson, type MatchableContact } from '../people.js';
import { identitySettingsOf } from '../settings/identity-settings.service.js';
import { runWrites, type WritePartAt } from '../../platform/db/write-part.js';
import * as repo from './contact-keys.repo.js';

export function contactKeys(contact: MatchableContact, identifierFields: readonly string[]): string[] {
  return arrivalKeys(normalisePerson(contactPerson(contact, identifierFields)));
}

function keyRows(contacts: readonly MatchableContact[], identifierFields: readonly string[]): repo.KeyRow[] {
  return [...keysOfContacts(contacts, identifierFields)].flatMap(([contactId, keys]) => keys.map((key) => ({ key, contactId })));
}

/** Each contact's keys, without repeats, by contact id. */
export function keysOfContacts(contacts: readonly MatchableContact[], identifierFields: readonly string[]): Map<string, string[]> {
  return new Map(contacts.map((contact) => [contact.id, [...new Set(contactKeys(contact, identifierFields))]]));
}

/** Replaces the keys of these contacts; a deleted contact is left with none. */
export async function refreshContactKeys(tx: Queryable, workspaceId: string, contactIds: readonly string[]): Promise<void> {
  const ids = [...new Set(contactIds)];
  if (ids.length === 0) return;
  const { identifierFields } = await identitySettingsOf(tx, workspaceId);
  const contacts = await repo.contactsWithStoredKeys(tx, workspaceId, ids);
  const present = new Set(contacts.map((contact) => contact.id));
  await repo.deleteKeys(
    tx,
    workspaceId,
    ids.filter((id) => !present.has(id)),
  );
  await storeContactKeys(tx, workspaceId, contacts, keysOfContacts(contacts, identifierFields));
}

/**
 * Brings the stored keys of these contacts to `keys`, writing only the difference: a new contact's
 * keys are inserted with nothing to delete first, and an edit that leaves the keys as they were (a
 * tag, a stage) writes nothing.
 */
export async function storeContactKeys(
  tx: Queryable,
  workspaceId: string,
  contacts: readonly repo.ContactWithStoredKeys[],
  keys: ReadonlyMap<string, readonly string[]>,
): Promise<void> {
  const gone: repo.KeyRow[] = [];
  const added: repo.KeyRow[] = [];
  for (const contact of contacts) {
    const stored = new Set(contact.storedKeys);
    const wanted = new Set(keys.get(contact.id) ?? []);
    for (const key of stored) if (!wanted.has(key)) gone.push({ key, contactId: contact.id });
    for (const key of wanted) if (!stored.has(key)) added.push({ key, contactId: contact.id });
  }
  await runWrites(tx, workspaceId, new Date(), [repo.keyDeletes(gone), repo.keyWrites(added)]);
}

/**
 * The keys of contacts the same statement inserts (none stored yet), from the rows in hand, to
 * write with them and whatever else the caller writes.
 */
export function newContactKeyWrites(contacts: readonly MatchableContact[], identifierFields: readonly string[]): WritePartAt {
  return repo.keyWrites(keyRows(contacts, identifierFields), true);
}

/** Most contacts a key may hold and still be used to find candidates, as in the batch run. */
export const MAX_BLOCK_SIZE = 50;

/**
 * For each person, the contacts sharing a key with them, those sharing the most first, at most
 * `limit`; one query for all. Keys held by more than MAX_BLOCK_SIZE contacts are skipped: the
 * person is reached through their other keys.
 */
export async function candidateContactIds(
  db: Queryable,
  workspaceId: string,
  keysByPerson: ReadonlyMap<string, readonly string[]>,
  limit: number,
): Promise<Map<string, string[]>> {
  const rows = await repo.contactsByKeys(db, workspaceId, [...keysByPerson.values()].flat(), MAX_BLOCK_SIZE);
  return rankedCandidates(rows, keysByPerson, limit);
}

/** `candidateContactIds` over key holders already read (at most MAX_BLOCK_SIZE + 1 per key). */
export function rankedCandidates(
  holders: readonly repo.KeyRow[],
  keysByPerson: ReadonlyMap<string, readonly string[]>,
  limit: number,
): Map<string, string[]> {
  const blocks = new Map<string, string[]>();
  for (const row of holders) {
    const block = blocks.get(row.key);
    if (block) block.push(row.contactId);
    else blocks.set(row.key, [row.contactId]);
  }
  const found = new Map<string, string[]>();
  for (const [personId, keys] of keysByPerson) {
    const shared = new Map<string, number>();
    for (const key of new Set(keys)) {
      const block = blocks.get(key) ?? [];
      if (block.length > MAX_BLOCK_SIZE) continue;
      for (const contactId of block) if (contactId !== personId) shared.set(contactId, (shared.get(contactId) ?? 0) + 1);
    }
    const best = [...shared.keys()].sort((a, b) => shared.get(b)! - shared.get(a)! || (a < b ? -1 : 1));
    if (best.length > limit) best.length = limit;
    found.set(personId, best);
  }
  return found;
}
