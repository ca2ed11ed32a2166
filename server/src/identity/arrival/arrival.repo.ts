/**
 * SQL for matching identities on arrival: which authors still need it (with the workspace's
 * settings and model version) and every contact look-up the rules and scoring need, in one query;
 * the look-ups alone; and the candidates' fields (only their versions for those the process holds
 * normalised).
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

export interface ContactLookups {
  /** Personal addresses to find among contacts' e-mails (stored in lower case; the GIN index answers). */
  emails: readonly { identityId: string; email: string }[];
  /** Rule keys (`e:`, `h:`): up to `ruleCap + 1` holders each, enough to tell one holder from several. */
  ruleKeys: readonly { identityId: string; key: string }[];
  ruleCap: number;
  /**
   * Arrival keys: the holders of each held by at most `blockCap` contacts. A key held by more (a
   * common name) finds nobody, and its holders are not sent: they were most of the rows. Not looked
   * up for an identity an address or rule key finds.
   */
  blockKeys: readonly { identityId: string; key: string }[];
  blockCap: number;
  /**
   * Contacts sent whole per identity no address or rule key finds: those sharing the most arrival
   * keys with it (the holders of an address or rule key are sent whole when there are several).
   */
  candidateCap: number;
}

/**
 * Most contacts one personal address finds (among a million synthetic contacts, common names at a
 * big provider, at most 64 hold one). Many holders are duplicates for scoring to settle, not a
 * rule; the bound keeps the statement's estimate bounded (see `lookUpCtes`).
 */
const MAX_ADDRESS_HOLDERS = 100;

export interface LookupRows {
  byEmail: { identityId: string; contactId: string }[];
  ruleHolders: { key: string; contactId: string }[];
  blockHolders: { key: string; contactId: string }[];
  /** Candidates sent whole with the look-ups, by contact id (see `ContactLookups.candidateCap`). */
  candidates: Map<string, { version: string; contact: MatchableContact }>;
}

/**
 * A contact's row version: the transaction that last wrote it (xmin) and its update time, with
 * the xmin of its company (matching reads the company's name). Any committed write changes it, one
 * that leaves `updated_at` alone too; two in one transaction differ by their update time unless
 * they fall in the same millisecond. Reads `c` (contacts) and `co` (companies).
 */
const VERSION = `concat_ws('/', c.xmin, (extract(epoch FROM c.updated_at) * 1000)::int8, co.xmin)`;

/** What matching reads of a contact, as JSON; reads `c` and `co` as `VERSION` does. */
const MATCHABLE = `json_build_object(
  'id', c.id, 'firstName', c.first_name, 'lastName', c.last_name, 'displayName', c.display_name,
  'emails', c.emails, 'phones', c.phones, 'socialHandles', c.social_handles, 'importantDates', c.important_dates,
  'address', c.address, 'companyName', co.name, 'custom', c.custom)`;

/**
 * A claimed identity with the workspace's settings, as the JSON of its row (the look-up rows, a
 * few hundred per arrival, then carry six columns, not fifteen). The times are `timestamptz(3)`:
 * their JSON text is exact to the millisecond, as a `Date` is.
 */
const CLAIMED = `json_build_object(
  'network', i.network, 'handle', i.handle, 'displayName', i.display_name, 'profileUrl', i.profile_url, 'email', i.email,
  'identifierFields', s.identifier_fields, 'createContactsFromEmail', s.create_contacts_from_email,
  'settingsUpdatedAt', s.updated_at, 'modelFittedAt', m.fitted_at)`;

type LookupRow =
  | { part: 'email'; identityId: string; key: null; contactId: string; version: null; detail: null }
  | { part: 'rule' | 'block'; identityId: null; key: string; contactId: string; version: null; detail: null }
  | { part: 'candidate'; identityId: null; key: null; contactId: string; version: string; detail: MatchableContact };

type ClaimedJson = Omit<ArrivingIdentity, 'id' | 'settingsUpdatedAt' | 'modelFittedAt'> & {
  settingsUpdatedAt: string | null;
  modelFittedAt: string | null;
};
type ClaimedRow = { part: 'claimed'; identityId: string; key: null; contactId: null; version: null; detail: ClaimedJson };

/**
 * The look-ups of `ContactLookups` as common table expressions and the query parts that return
 * their rows (to join with UNION ALL), their parameters from `$first` on (`$1` is the workspace).
 * `forWhom` limits the identities whose look-ups run (a condition on `u.identity_id`).
 *
 * The candidates an identity is scored against are sent whole, so that scoring needs no round trip
 * of its own. An identity an address or rule key finds is scored, when the rule cannot decide,
 * among the contacts holding them (see `ruleMatches`): those are sent whole when there are several,
 * and its arrival keys are not looked up at all (their holders, up to `blockCap` per key, were most
 * of the pages a linking arrival read). For every other identity the candidates are ranked here as
 * `rankedCandidates` ranks them (most shared keys, then contact id).
 *
 * The lists travel as JSON, not as arrays: PostgreSQL estimates an `unnest` of an array parameter
 * by its length when it plans for the values (ten elements when it plans for any), so the cached
 * plan looked dearer than planning each call anew and every arrival was planned again (0.3-0.45 ms
 * of the server's time); a JSON list is estimated alike either way, so the cached plan is used. The
 * limit on the e-mail part keeps that estimate bounded: without it the GIN look-up was estimated at
 * thousands of contacts per address, and a batch's statement crossed PostgreSQL's JIT threshold,
 * compiling for 100-300 ms to run a 20 ms look-up.
 */
function lookUpCtes(first: number, forWhom: string) {
  const [emails, rules, ruleCap, blocks, blockCap, candidateCap] = [first, first + 1, first + 2, first + 3, first + 4, first + 5];
  const asked = (param: number, field: string) =>
    `SELECT u.identity_id, u.${field} FROM jsonb_to_recordset($${param}::jsonb) AS u(identity_id uuid, ${field} text) WHERE ${forWhom}`;
  return {
    ctes: `email_asked AS (${asked(emails, 'email')}),
     by_email AS (
       SELECT u.identity_id, c.id AS contact_id FROM email_asked u
        CROSS JOIN LATERAL (
          SELECT id FROM contacts
           WHERE workspace_id = $1 AND emails @> jsonb_build_array(jsonb_build_object('address', u.email))
           LIMIT ${MAX_ADDRESS_HOLDERS}
        ) c
     ),
     rule_asked AS (${asked(rules, 'key')}),
     rule_holders AS (
       SELECT k.key, m.contact_id FROM (SELECT DISTINCT key FROM rule_asked) k
        CROSS JOIN LATERAL (SELECT contact_id FROM contact_match_keys WHERE workspace_id = $1 AND key = k.key LIMIT $${ruleCap}) m
     ),
     hits AS (
       SELECT identity_id, contact_id FROM by_email
        UNION
       SELECT r.identity_id, h.contact_id FROM rule_asked r JOIN rule_holders h ON h.key = r.key
     ),
     block_asked AS (
       SELECT DISTINCT a.identity_id, a.key FROM (${asked(blocks, 'key')}) a
        WHERE a.identity_id NOT IN (SELECT identity_id FROM hits)
     ),
     block_holders AS (
       SELECT k.key, m.contact_id FROM (SELECT DISTINCT key FROM block_asked) k
        CROSS JOIN LATERAL (
          SELECT h.contact_id, count(*) OVER () AS holders
            FROM (SELECT contact_id FROM contact_match_keys WHERE workspace_id = $1 AND key = k.key LIMIT $${blockCap}) h
        ) m
        WHERE m.holders < $${blockCap}
     ),
     ranked AS (
       SELECT a.identity_id, b.contact_id,
              row_number() OVER (PARTITION BY a.identity_id ORDER BY count(*) DESC, b.contact_id) AS rank
         FROM block_asked a JOIN block_holders b ON b.key = a.key
        GROUP BY a.identity_id, b.contact_id
     ),
     held_by_several AS (
       SELECT contact_id FROM hits WHERE identity_id IN (SELECT identity_id FROM hits GROUP BY identity_id HAVING count(*) > 1)
     )`,
    parts: [
      `SELECT 'email' AS part, identity_id AS "identityId", NULL AS key, contact_id AS "contactId",
              NULL AS version, NULL::json AS detail FROM by_email`,
      `SELECT 'rule', NULL, key, contact_id, NULL, NULL FROM rule_holders`,
      `SELECT 'block', NULL, key, contact_id, NULL, NULL FROM block_holders`,
      `SELECT 'candidate', NULL, NULL, c.id, ${VERSION}, ${MATCHABLE}
         FROM (SELECT contact_id FROM ranked WHERE rank <= $${candidateCap} UNION SELECT contact_id FROM held_by_several) r
         JOIN contacts c ON c.workspace_id = $1 AND c.id = r.contact_id
         LEFT JOIN companies co ON co.workspace_id = c.workspace_id AND co.id = c.company_id`,
    ],
  };
}

/** `lookUpCtes`' parameters, in order. */
function lookUpParams(wanted: ContactLookups): unknown[] {
  const pairs = (list: readonly { identityId: string; key: string }[]) =>
    JSON.stringify(list.map((w) => ({ identity_id: w.identityId, key: w.key })));
  return [
    JSON.stringify(wanted.emails.map((w) => ({ identity_id: w.identityId, email: w.email }))),
    pairs(wanted.ruleKeys),
    wanted.ruleCap + 1,
    pairs(wanted.blockKeys),
    wanted.blockCap + 1,
    wanted.candidateCap,
  ];
}

function foundIn(rows: readonly LookupRow[]): LookupRows {
  const found: LookupRows = { byEmail: [], ruleHolders: [], blockHolders: [], candidates: new Map() };
  // The rows themselves, not copies: an arrival's look-up returns up to a few hundred.
  for (const row of rows) {
    if (row.part === 'email') found.byEmail.push(row);
    else if (row.part === 'candidate') found.candidates.set(row.contactId, { version: row.version, contact: row.detail });
    else (row.part === 'rule' ? found.ruleHolders : found.blockHolders).push(row);
  }
  return found;
}

/** Built once: building the text per call was most of what the claim allocated (it is also the key its prepared statement is found by). */
const CLAIM_LOOK_UPS = lookUpCtes(4, 'u.identity_id IN (SELECT id FROM claimed)');
const CLAIM_AND_LOOK_UP = `WITH claimed AS (
       UPDATE social_identities i SET matched_at = $3
        WHERE i.workspace_id = $1 AND i.id IN (
          SELECT id FROM social_identities
           WHERE workspace_id = $1 AND id = ANY (ARRAY(SELECT value::uuid FROM jsonb_array_elements_text($2::jsonb)))
             AND contact_id IS NULL AND matched_at IS NULL
           ORDER BY id
             FOR NO KEY UPDATE SKIP LOCKED)
        RETURNING i.workspace_id, i.id, i.network, i.handle, i.display_name, i.profile_url, i.email
     ), ${CLAIM_LOOK_UPS.ctes}
     SELECT 'claimed' AS part, i.id AS "identityId", NULL AS key, NULL::uuid AS "contactId", NULL AS version, ${CLAIMED} AS detail
       FROM claimed i
       LEFT JOIN identity_settings s ON s.workspace_id = i.workspace_id
       LEFT JOIN identity_match_models m ON m.workspace_id = i.workspace_id
     UNION ALL
     ${CLAIM_LOOK_UPS.parts.join('\n     UNION ALL\n     ')}`;

/**
 * Claims the identities among `ids` never matched and not linked: marks them matched at `at` (each
 * is matched once; a link below marks it again) and returns them in id order, each with the
 * workspace's settings and model fit time; in the same round trip, the look-ups `wanted` for those
 * it claimed (the caller builds them from the fields it last saw, and checks them against the
 * stored ones returned). Their rows stay locked until the caller's transaction ends; one another
 * transaction holds (a concurrent batch with the same new author matching it) is skipped, not
 * waited for: that batch matches it. The ids travel as JSON so that the statement's cached plan
 * serves every call (see `lookUpCtes`), gathered into an array so they stay a primary-key look-up:
 * as a join, a workspace whose identities are nearly all matched was planned as a scan of them for
 * the few unmatched.
 */
export async function claimAndLookUp(
  tx: Queryable,
  workspaceId: string,
  ids: readonly string[],
  at: Date,
  wanted: ContactLookups,
): Promise<{ claimed: ArrivingIdentity[]; found: LookupRows }> {
  const { rows } = await tx.query<ClaimedRow | LookupRow>(CLAIM_AND_LOOK_UP, [
    workspaceId,
    JSON.stringify(ids),
    at,
    ...lookUpParams(wanted),
  ]);
  const claimed: ArrivingIdentity[] = [];
  const lookUpRows: LookupRow[] = [];
  for (const row of rows) {
    if (row.part !== 'claimed') lookUpRows.push(row);
    else {
      const { settingsUpdatedAt, modelFittedAt, ...fields } = row.detail;
      claimed.push({
        id: row.identityId,
        ...fields,
        settingsUpdatedAt: settingsUpdatedAt === null ? null : new Date(settingsUpdatedAt),
        modelFittedAt: modelFittedAt === null ? null : new Date(modelFittedAt),
      });
    }
  }
  claimed.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { claimed, found: foundIn(lookUpRows) };
}

const LOOK_UPS = lookUpCtes(2, 'true');
const LOOK_UP = `WITH ${LOOK_UPS.ctes} ${LOOK_UPS.parts.join('\nUNION ALL\n')}`;

/** The look-ups of `ContactLookups` alone, for every identity they name, in one round trip. */
export async function lookUpContacts(tx: Queryable, workspaceId: string, wanted: ContactLookups): Promise<LookupRows> {
  if (wanted.emails.length === 0 && wanted.ruleKeys.length === 0 && wanted.blockKeys.length === 0) return foundIn([]);
  const { rows } = await tx.query<LookupRow>(LOOK_UP, [workspaceId, ...lookUpParams(wanted)]);
  return foundIn(rows);
}

export interface CandidateContact {
  id: string;
  /** The row version (see `VERSION`). */
  version: string;
  /** The contact's fields, or null when it is still at the version the caller gave for it. */
  contact: MatchableContact | null;
}

const CANDIDATES = `SELECT c.id, v.version, CASE WHEN v.version IS DISTINCT FROM u.known THEN ${MATCHABLE} END AS contact
       FROM unnest($2::uuid[], $3::text[]) AS u(id, known)
       JOIN contacts c ON c.workspace_id = $1 AND c.id = u.id
       LEFT JOIN companies co ON co.workspace_id = c.workspace_id AND co.id = c.company_id
      CROSS JOIN LATERAL (SELECT ${VERSION} AS version) v`;

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
  const { rows } = await tx.query<CandidateContact>(CANDIDATES, [workspaceId, ids, knownVersions]);
  return rows;
}
