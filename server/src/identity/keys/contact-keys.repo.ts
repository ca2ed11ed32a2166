/** SQL for the contacts' matching keys (`contact_match_keys`) and the contact fields matching reads. */
import type { Queryable } from '../../platform/db/db.js';
import { unnestOf } from '../../platform/db/unnest.js';
import type { MatchableContact } from '../people.js';
import { rowExists, rowsByIds } from '../../platform/db/by-primary-key.js';
import { runWrites, type WritePartAt } from '../../platform/db/write-part.js';

export type ContactForMatching = MatchableContact & { id: string };

const CONTACT_FIELDS = `c.id, c.first_name AS "firstName", c.last_name AS "lastName", c.display_name AS "displayName", c.emails, c.phones,
  c.social_handles AS "socialHandles", c.important_dates AS "importantDates", c.address, co.name AS "companyName", c.custom`;
const CONTACT_FROM = `contacts c LEFT JOIN companies co ON co.workspace_id = c.workspace_id AND co.id = c.company_id`;

/** The contacts of the ids in `$2`, each by its primary key (see `rowsByIds`). */
const CONTACTS_BY_ID = `${rowsByIds('contacts', 'c', '$1', '$2')}
  LEFT JOIN companies co ON co.workspace_id = c.workspace_id AND co.id = c.company_id`;

export async function contactsForMatching(db: Queryable, workspaceId: string, ids: readonly string[]): Promise<ContactForMatching[]> {
  if (ids.length === 0) return [];
  const { rows } = await db.query<ContactForMatching>(`SELECT ${CONTACT_FIELDS} FROM ${CONTACTS_BY_ID}`, [workspaceId, [...new Set(ids)]]);
  return rows;
}

export type ContactWithStoredKeys = ContactForMatching & { storedKeys: string[] };

/**
 * The contacts with the keys stored for them now. Each contact's keys are read by both leading
 * columns of the primary key, a plan no row estimate can turn into a scan of the workspace's keys.
 */
export async function contactsWithStoredKeys(db: Queryable, workspaceId: string, ids: readonly string[]): Promise<ContactWithStoredKeys[]> {
  if (ids.length === 0) return [];
  const { rows } = await db.query<ContactWithStoredKeys>(
    `SELECT ${CONTACT_FIELDS},
            ARRAY(SELECT k.key FROM contact_match_keys k WHERE k.workspace_id = c.workspace_id AND k.contact_id = c.id) AS "storedKeys"
       FROM ${CONTACTS_BY_ID}`,
    [workspaceId, [...new Set(ids)]],
  );
  return rows;
}

/** One page of the workspace's contacts in id order, for a rebuild. */
export async function contactPage(
  db: Queryable,
  workspaceId: string,
  afterId: string | null,
  limit: number,
): Promise<ContactForMatching[]> {
  const { rows } = await db.query<ContactForMatching>(
    `SELECT ${CONTACT_FIELDS} FROM ${CONTACT_FROM}
      WHERE c.workspace_id = $1 AND ($2::uuid IS NULL OR c.id > $2::uuid) ORDER BY c.id LIMIT $3`,
    [workspaceId, afterId, limit],
  );
  return rows;
}

export interface KeyRow {
  key: string;
  contactId: string;
}

const KEY_COLUMNS = [
  ['key', 'text', 'key'],
  ['contact_id', 'uuid', 'contactId'],
] as const;

/**
 * A contact's keys, found by both leading columns of the primary key whatever the statistics say:
 * the workspace is hidden from the estimates and `OFFSET 0` keeps the look-up from being merged
 * into a join. Without statistics, or with some from before the workspace grew, the planner took
 * `contact_id = …` for a filter over the workspace's keys in the (workspace, key) index: 10 ms a
 * call at 60,000 keys on PGlite. `contact` is the SQL of the contact's id.
 */
const keysOfContact = (contact: string) =>
  `(SELECT ctid, key FROM contact_match_keys WHERE workspace_id = (SELECT $1::uuid) AND contact_id = ${contact} OFFSET 0)`;

/** Every key of these contacts. */
export async function deleteKeys(db: Queryable, workspaceId: string, contactIds: readonly string[]): Promise<void> {
  if (contactIds.length === 0) return;
  await db.query(
    `DELETE FROM contact_match_keys WHERE ctid = ANY(ARRAY(
       SELECT k.ctid FROM unnest($2::uuid[]) AS gone(id) CROSS JOIN LATERAL ${keysOfContact('gone.id')} k))`,
    [workspaceId, contactIds],
  );
}

/** Removes the keys of those of these contacts that no longer exist. */
export async function deleteKeysOfDeletedContacts(db: Queryable, workspaceId: string, contactIds: readonly string[]): Promise<number> {
  if (contactIds.length === 0) return 0;
  const { rows } = await db.query<{ contactId: string }>(
    `DELETE FROM contact_match_keys WHERE ctid = ANY(ARRAY(
       SELECT k.ctid FROM unnest($2::uuid[]) AS gone(id) CROSS JOIN LATERAL ${keysOfContact('gone.id')} k
        WHERE NOT ${rowExists('contacts', '$1', 'gone.id')}))
     RETURNING contact_id AS "contactId"`,
    [workspaceId, contactIds],
  );
  return new Set(rows.map((row) => row.contactId)).size;
}

/**
 * These keys of these contacts; alone or in a larger statement. The key is picked among its
 * contact's: looked up by itself, a common one would be found among all its holders.
 */
export function keyDeletes(rows: readonly KeyRow[]): WritePartAt {
  return (first) => {
    if (rows.length === 0) return null;
    const { params, from } = unnestOf(KEY_COLUMNS, rows, first);
    return {
      ctes: '',
      sql: `DELETE FROM contact_match_keys WHERE ctid = ANY(ARRAY(
       SELECT k.ctid FROM ${from} CROSS JOIN LATERAL ${keysOfContact('u.contact_id')} k WHERE k.key = u.key))`,
      params,
    };
  };
}

/**
 * Inserts keys of contacts that still exist (one deleted meanwhile gets none); alone, or in a
 * larger statement. Keys of contacts `insertedAlongside` (by another part of the same statement)
 * are not checked: the statement's snapshot cannot see them yet, and they exist when it ends.
 */
export function keyWrites(rows: readonly KeyRow[], insertedAlongside = false): WritePartAt {
  return (first) => {
    if (rows.length === 0) return null;
    const { params, from } = unnestOf(KEY_COLUMNS, rows, first);
    const stillThere = `WHERE ${rowExists('contacts', '$1', 'u.contact_id')}`;
    return {
      ctes: '',
      sql: `INSERT INTO contact_match_keys (workspace_id, key, contact_id)
     SELECT $1, u.key, u.contact_id FROM ${from} ${insertedAlongside ? '' : stillThere}
     ON CONFLICT DO NOTHING`,
      params,
    };
  };
}

export async function insertKeys(db: Queryable, workspaceId: string, rows: readonly KeyRow[]): Promise<void> {
  await runWrites(db, workspaceId, new Date(), [keyWrites(rows)]);
}

/**
 * Contacts holding each key, at most `cap + 1` per key so the caller can tell an oversized block
 * (a common name) from a full one without reading it all.
 */
export async function contactsByKeys(db: Queryable, workspaceId: string, keys: readonly string[], cap: number): Promise<KeyRow[]> {
  if (keys.length === 0) return [];
  const { rows } = await db.query<KeyRow>(
    `SELECT k.key, m.contact_id AS "contactId"
       FROM unnest($2::text[]) AS k(key)
       CROSS JOIN LATERAL (
         SELECT contact_id FROM contact_match_keys WHERE workspace_id = $1 AND key = k.key LIMIT $3
       ) m`,
    [workspaceId, [...new Set(keys)], cap + 1],
  );
  return rows;
}

export async function keysOf(db: Queryable, workspaceId: string, contactId: string): Promise<string[]> {
  const { rows } = await db.query<{ key: string }>(
    'SELECT key FROM contact_match_keys WHERE workspace_id = $1 AND contact_id = $2 ORDER BY key',
    [workspaceId, contactId],
  );
  return rows.map((row) => row.key);
}
