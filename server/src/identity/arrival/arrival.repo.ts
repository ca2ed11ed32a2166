/**
 * SQL for matching identities on arrival: which authors still need it (with the workspace's
 * settings and model version), every contact look-up the rules and scoring need in one query, and the
 * candidates' fields (only their versions for those the process holds normalised).
 */
import type { Queryable } from '../../platform/db/db.js';
import type { MatchableContact, MatchableIdentity } from '../people.js';

export interface ArrivingIdentity extends MatchableIdentity {
  /** The workspace's identity settings, null when it never saved any. */
  identifierFields: string[] | null;
  createContactsFromEmail: boolean | null;
  settingsUpdatedAt: Date | null;
  /** When the workspace's model was fitted, null before its first full pass: tells whether a cached model is current. */
  modelFittedAt: Date | null;
}

/**
 * Claims the identities among `ids` never matched and not linked: marks them matched at `at` (each
 * is matched once; a link below marks it again) and returns them in id order, each with the
 * workspace's settings and model fit time so no second query reads them. Their rows stay locked
 * until the caller's transaction ends; one another transaction holds (a concurrent batch with the
 * same new author matching it) is skipped, not waited for: that batch matches it. The ids travel
 * as JSON so that the statement's cached plan serves every call (see `lookUpContacts`), gathered
 * into an array so they stay a primary-key look-up: as a join, a workspace whose identities are
 * nearly all matched was planned as a scan of them for the few unmatched.
 */
export async function claimUnmatchedIdentities(
  tx: Queryable,
  workspaceId: string,
  ids: readonly string[],
  at: Date,
): Promise<ArrivingIdentity[]> {
  const { rows } = await tx.query<ArrivingIdentity>(
    `WITH claimed AS (
       UPDATE social_identities i SET matched_at = $3
        WHERE i.workspace_id = $1 AND i.id IN (
          SELECT id FROM social_identities
           WHERE workspace_id = $1 AND id = ANY (ARRAY(SELECT value::uuid FROM jsonb_array_elements_text($2::jsonb)))
             AND contact_id IS NULL AND matched_at IS NULL
           ORDER BY id
             FOR UPDATE SKIP LOCKED)
        RETURNING i.workspace_id, i.id, i.network, i.handle, i.display_name, i.profile_url, i.email
     )
     SELECT i.id, i.network, i.handle, i.display_name AS "displayName", i.profile_url AS "profileUrl", i.email,
            s.identifier_fields AS "identifierFields", s.create_contacts_from_email AS "createContactsFromEmail",
            s.updated_at AS "settingsUpdatedAt", m.fitted_at AS "modelFittedAt"
       FROM claimed i
       LEFT JOIN identity_settings s ON s.workspace_id = i.workspace_id
       LEFT JOIN identity_match_models m ON m.workspace_id = i.workspace_id
      ORDER BY i.id`,
    [workspaceId, JSON.stringify(ids), at],
  );
  return rows;
}

export interface ContactLookups {
  /** Personal addresses to find among contacts' e-mails (stored in lower case; the GIN index answers). */
  emails: readonly { identityId: string; email: string }[];
  /** Rule keys (`e:`, `h:`): up to `ruleCap + 1` holders each, enough to tell one holder from several. */
  ruleKeys: readonly string[];
  ruleCap: number;
  /**
   * Arrival keys: the holders of each held by at most `blockCap` contacts. A key held by more (a
   * common name) finds nobody, and its holders are not sent: they were most of the rows.
   */
  blockKeys: readonly string[];
  blockCap: number;
}

/**
 * Most contacts one personal address finds (among a million synthetic contacts, common names at a
 * big provider, at most 64 hold one). Many holders are duplicates for scoring to settle, not a
 * rule; the bound keeps the statement's estimate bounded (see `lookUpContacts`).
 */
const MAX_ADDRESS_HOLDERS = 100;

export interface LookupRows {
  byEmail: { identityId: string; contactId: string }[];
  ruleHolders: { key: string; contactId: string }[];
  blockHolders: { key: string; contactId: string }[];
}

type LookupRow =
  | { part: 'email'; identityId: string; key: null; contactId: string }
  | { part: 'rule' | 'block'; identityId: null; key: string; contactId: string };

/**
 * The three look-ups of `ContactLookups` in one round trip; each part runs as it would alone.
 *
 * The lists travel as JSON, not as arrays: PostgreSQL estimates an `unnest` of an array parameter
 * by its length when it plans for the values (ten elements when it plans for any), so the cached
 * plan looked dearer than planning each call anew and every arrival was planned again (0.3-0.45 ms
 * of the server's time); a JSON list is estimated alike either way, so the cached plan is used. The
 * limit on the e-mail part keeps that estimate bounded: without it the GIN look-up was estimated at
 * thousands of contacts per address, and a batch's statement crossed PostgreSQL's JIT threshold,
 * compiling for 100-300 ms to run a 20 ms look-up.
 */
export async function lookUpContacts(tx: Queryable, workspaceId: string, wanted: ContactLookups): Promise<LookupRows> {
  const found: LookupRows = { byEmail: [], ruleHolders: [], blockHolders: [] };
  if (wanted.emails.length === 0 && wanted.ruleKeys.length === 0 && wanted.blockKeys.length === 0) return found;
  const { rows } = await tx.query<LookupRow>(
    `SELECT 'email' AS part, u.identity_id AS "identityId", NULL AS key, c.id AS "contactId"
       FROM jsonb_to_recordset($2::jsonb) AS u(identity_id uuid, email text)
       CROSS JOIN LATERAL (
         SELECT id FROM contacts
          WHERE workspace_id = $1 AND emails @> jsonb_build_array(jsonb_build_object('address', u.email))
          LIMIT ${MAX_ADDRESS_HOLDERS}
       ) c
     UNION ALL
     SELECT 'rule', NULL, k.key, m.contact_id
       FROM jsonb_array_elements_text($3::jsonb) AS k(key)
       CROSS JOIN LATERAL (SELECT contact_id FROM contact_match_keys WHERE workspace_id = $1 AND key = k.key LIMIT $4) m
     UNION ALL
     SELECT 'block', NULL, k.key, m.contact_id
       FROM jsonb_array_elements_text($5::jsonb) AS k(key)
       CROSS JOIN LATERAL (
         SELECT h.contact_id, count(*) OVER () AS holders
           FROM (SELECT contact_id FROM contact_match_keys WHERE workspace_id = $1 AND key = k.key LIMIT $6) h
       ) m
      WHERE m.holders < $6`,
    [
      workspaceId,
      JSON.stringify(wanted.emails.map((w) => ({ identity_id: w.identityId, email: w.email }))),
      JSON.stringify([...new Set(wanted.ruleKeys)]),
      wanted.ruleCap + 1,
      JSON.stringify([...new Set(wanted.blockKeys)]),
      wanted.blockCap + 1,
    ],
  );
  // The rows themselves, not copies: an arrival's look-up returns up to a few hundred.
  for (const row of rows) {
    if (row.part === 'email') found.byEmail.push(row);
    else (row.part === 'rule' ? found.ruleHolders : found.blockHolders).push(row);
  }
  return found;
}

export interface CandidateContact {
  id: string;
  /**
   * The row version: the transaction that last wrote the contact (xmin) and its update time, with
   * the xmin of its company (matching reads the company's name). Any committed write changes it,
   * one that leaves `updated_at` alone too; two in one transaction differ by their update time
   * unless they fall in the same millisecond.
   */
  version: string;
  /** The contact's fields, or null when it is still at the version the caller gave for it. */
  contact: MatchableContact | null;
}

/**
 * The candidates among `ids` that still exist, each with its version; the fields that matching
 * reads are sent only for those not at the version in `knownVersions` (same order as `ids`, null
 * for a contact the caller does not hold): one round trip, and little to parse for the rest.
 */
export async function candidateContacts(
  tx: Queryable,
  workspaceId: string,
  ids: readonly string[],
  knownVersions: readonly (string | null)[],
): Promise<CandidateContact[]> {
  if (ids.length === 0) return [];
  const { rows } = await tx.query<CandidateContact>(
    `SELECT c.id, v.version,
            CASE WHEN v.version IS DISTINCT FROM u.known THEN json_build_object(
              'id', c.id, 'firstName', c.first_name, 'lastName', c.last_name, 'displayName', c.display_name,
              'emails', c.emails, 'phones', c.phones, 'socialHandles', c.social_handles, 'importantDates', c.important_dates,
              'address', c.address, 'companyName', co.name, 'custom', c.custom) END AS contact
       FROM unnest($2::uuid[], $3::text[]) AS u(id, known)
       JOIN contacts c ON c.workspace_id = $1 AND c.id = u.id
       LEFT JOIN companies co ON co.workspace_id = c.workspace_id AND co.id = c.company_id
      CROSS JOIN LATERAL (SELECT concat_ws('/', c.xmin, (extract(epoch FROM c.updated_at) * 1000)::int8, co.xmin) AS version) v`,
    [workspaceId, ids, knownVersions],
  );
  return rows;
}
