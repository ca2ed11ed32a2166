/**
 * The full pass's rebuild of the arrival index (`contact_match_keys`), written as a difference:
 * each loaded contact's keys are compared with the stored ones through a digest, and only the
 * contacts whose keys changed get theirs replaced. Contacts' own events keep the index nearly
 * current, and each contact's keys are about ten rows in a table with two indexes, so rewriting
 * a large workspace's whole index would take longer than the rest of the pass together. It is
 * also where keys left by deleted contacts are swept (the index has no foreign key; see
 * migration identity/003).
 */
import { createHash } from 'node:crypto';
import type { Db } from '../../platform/db/db.js';
import { deleteKeys, deleteKeysOfDeletedContacts, insertKeys, type KeyRow } from '../keys/contact-keys.repo.js';
import { arrivalKeys, normalisePerson, type PersonRecord } from '../matching/index.js';
import { contactKeyDigests } from './full-pass.repo.js';

const CONTACTS_PER_READ = 5_000;

/** Byte order, as the database's `COLLATE "C"` sorts them. */
function digestOf(keys: readonly string[]): string | undefined {
  if (keys.length === 0) return undefined;
  const sorted = keys.map((key) => Buffer.from(key)).sort(Buffer.compare);
  return createHash('md5')
    .update(Buffer.concat(sorted.flatMap((key, index) => (index ? [Buffer.from('\n'), key] : [key]))))
    .digest('hex');
}

/**
 * `people` are all the workspace's contacts, in id order, as the pass loads them; returns how many
 * contacts had their keys replaced or removed. Keys of deleted contacts are removed.
 */
export async function syncContactKeys(db: Db, workspaceId: string, people: readonly PersonRecord[]): Promise<number> {
  return db.transaction(async (tx) => {
    let replaced = 0;
    for (let from = 0; from === 0 || from < people.length; from += CONTACTS_PER_READ) {
      const chunk = people.slice(from, from + CONTACTS_PER_READ);
      const afterId = from === 0 ? null : people[from - 1]!.id;
      const upToId = from + CONTACTS_PER_READ < people.length ? chunk[chunk.length - 1]!.id : null;
      const stored = await contactKeyDigests(tx, workspaceId, afterId, upToId);
      let changed = 0;
      // Only contacts with keys stored have keys to delete: on a first pass, none (a delete of
      // 5,000 ids that finds nothing still cost 117 ms a chunk on PGlite).
      const stale: string[] = [];
      const rows: KeyRow[] = [];
      for (const person of chunk) {
        const keys = [...new Set(arrivalKeys(normalisePerson(person)))];
        const digest = stored.get(person.id);
        stored.delete(person.id);
        if (digestOf(keys) === digest) continue;
        changed++;
        if (digest !== undefined) stale.push(person.id);
        for (const key of keys) rows.push({ key, contactId: person.id });
      }
      // Keys of contacts the pass did not load: deleted ones, or ones created since it loaded them (kept).
      const swept = await deleteKeysOfDeletedContacts(tx, workspaceId, [...stored.keys()]);
      await deleteKeys(tx, workspaceId, stale);
      await insertKeys(tx, workspaceId, rows);
      replaced += changed + swept;
    }
    return replaced;
  });
}
