/** SQL of the full identity-resolution pass: decided pairs, the stored model, stale pairs, identities still to match. */
import type { Queryable } from '../../platform/db/db.js';
import type { LabelledPair, MatchModel } from '../matching/index.js';

/** Every pair a reviewer decided, as a labelled match or non-match. */
export async function decidedPairs(db: Queryable, workspaceId: string): Promise<LabelledPair[]> {
  const { rows } = await db.query<{ levels: number[]; status: string }>(
    `SELECT levels, status FROM duplicate_candidates
      WHERE workspace_id = $1 AND status <> 'open' AND cardinality(levels) > 0`,
    [workspaceId],
  );
  return rows.map((row) => ({ levels: row.levels, match: row.status !== 'dismissed' }));
}

/** The workspace's contacts now, and how many its model was fitted on (null before the first fit). */
export async function contactsSinceFit(db: Queryable, workspaceId: string): Promise<{ contacts: number; fittedOn: number | null }> {
  const { rows } = await db.query<{ contacts: number; fittedOn: number | null }>(
    `SELECT (SELECT count(*)::int FROM contacts WHERE workspace_id = $1) AS contacts,
            (SELECT contacts FROM identity_match_models WHERE workspace_id = $1) AS "fittedOn"`,
    [workspaceId],
  );
  return rows[0]!;
}

export async function saveModel(
  db: Queryable,
  workspaceId: string,
  model: MatchModel,
  counts: { contacts: number; candidatePairs: number; reviewedPairs: number },
): Promise<void> {
  await db.query(
    `INSERT INTO identity_match_models (workspace_id, model, contacts, candidate_pairs, reviewed_pairs, fitted_at)
     VALUES ($1, $2, $3, $4, $5, now())
     ON CONFLICT (workspace_id) DO UPDATE SET model = EXCLUDED.model, contacts = EXCLUDED.contacts,
       candidate_pairs = EXCLUDED.candidate_pairs, reviewed_pairs = EXCLUDED.reviewed_pairs, fitted_at = EXCLUDED.fitted_at`,
    [workspaceId, JSON.stringify(model), counts.contacts, counts.candidatePairs, counts.reviewedPairs],
  );
}

/** Open contact pairs the pass did not write again (their contacts changed): no longer worth a look. */
export async function dropStaleContactCandidates(db: Queryable, workspaceId: string, passStartedAt: Date): Promise<number> {
  const { rowCount } = await db.query(
    `DELETE FROM duplicate_candidates WHERE workspace_id = $1 AND kind = 'contact' AND status = 'open' AND updated_at < $2`,
    [workspaceId, passStartedAt],
  );
  return rowCount;
}

/** Ids of identities never matched and not linked, one page in id order. */
export async function unmatchedIdentityIds(db: Queryable, workspaceId: string, afterId: string | null, limit: number): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT id FROM social_identities
      WHERE workspace_id = $1 AND matched_at IS NULL AND contact_id IS NULL AND ($2::uuid IS NULL OR id > $2::uuid)
      ORDER BY id LIMIT $3`,
    [workspaceId, afterId, limit],
  );
  return rows.map((row) => row.id);
}

export async function countLinked(db: Queryable, workspaceId: string, identityIds: readonly string[]): Promise<number> {
  const { rows } = await db.query<{ count: number }>(
    'SELECT count(*)::int AS count FROM social_identities WHERE workspace_id = $1 AND id = ANY($2::uuid[]) AND contact_id IS NOT NULL',
    [workspaceId, identityIds],
  );
  return rows[0]!.count;
}

/**
 * A digest of each stored contact's arrival keys (md5 of the keys in byte order, one per line),
 * for the contacts whose ids lie after `afterId` and up to `upToId` (either open when null): one
 * short row per contact, deleted contacts' leftover keys included.
 */
export async function contactKeyDigests(
  db: Queryable,
  workspaceId: string,
  afterId: string | null,
  upToId: string | null,
): Promise<Map<string, string>> {
  const { rows } = await db.query<{ contactId: string; digest: string }>(
    `SELECT contact_id AS "contactId", md5(string_agg(key, E'\n' ORDER BY key COLLATE "C")) AS digest
       FROM contact_match_keys
      WHERE workspace_id = $1 AND ($2::uuid IS NULL OR contact_id > $2::uuid) AND ($3::uuid IS NULL OR contact_id <= $3::uuid)
      GROUP BY contact_id`,
    [workspaceId, afterId, upToId],
  );
  return new Map(rows.map((row) => [row.contactId, row.digest]));
}
