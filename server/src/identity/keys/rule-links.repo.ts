/** SQL for linking, by the arrival rules, identities already heard from to a contact that now holds their address or handle. */
import type { Queryable } from '../../platform/db/db.js';
import type { MatchableIdentity } from '../people.js';

/** Identities per sync looked at: a contact is one person, and a few accounts at most are theirs. */
const MAX_IDENTITIES = 200;

/**
 * Unlinked identities, matched on arrival already, with one of these addresses or handles (lower
 * case), locked for the link; none a person ever unlinked (a person decided about those). One
 * another transaction holds (an ingest batch storing its author) is skipped, not waited for.
 */
export async function unlinkedIdentitiesHolding(
  tx: Queryable,
  workspaceId: string,
  emails: readonly string[],
  handles: readonly string[],
): Promise<MatchableIdentity[]> {
  if (emails.length === 0 && handles.length === 0) return [];
  const { rows } = await tx.query<MatchableIdentity>(
    `SELECT i.id, i.network, i.handle, i.display_name AS "displayName", i.profile_url AS "profileUrl", i.email
       FROM social_identities i
      WHERE i.workspace_id = $1 AND i.contact_id IS NULL AND i.matched_at IS NOT NULL
        AND ((i.email IS NOT NULL AND lower(i.email) = ANY($2::text[])) OR lower(i.handle) = ANY($3::text[]))
        AND NOT EXISTS (
          SELECT 1 FROM identity_links l WHERE l.workspace_id = i.workspace_id AND l.identity_id = i.id AND l.action = 'unlink'
        )
      ORDER BY i.id
      LIMIT $4
        FOR NO KEY UPDATE OF i SKIP LOCKED`,
    [workspaceId, [...new Set(emails)], [...new Set(handles)], MAX_IDENTITIES],
  );
  return rows;
}

/**
 * A page, in id order, of the unlinked identities matched on arrival already and never unlinked by
 * a person, locked for the link (the full pass links those the contacts' addresses and handles name).
 */
export async function unlinkedIdentityPage(
  tx: Queryable,
  workspaceId: string,
  afterId: string | null,
  limit: number,
): Promise<MatchableIdentity[]> {
  const { rows } = await tx.query<MatchableIdentity>(
    `SELECT i.id, i.network, i.handle, i.display_name AS "displayName", i.profile_url AS "profileUrl", i.email
       FROM social_identities i
      WHERE i.workspace_id = $1 AND i.contact_id IS NULL AND i.matched_at IS NOT NULL AND ($2::uuid IS NULL OR i.id > $2::uuid)
        AND NOT EXISTS (
          SELECT 1 FROM identity_links l WHERE l.workspace_id = i.workspace_id AND l.identity_id = i.id AND l.action = 'unlink'
        )
      ORDER BY i.id
      LIMIT $3
        FOR NO KEY UPDATE OF i SKIP LOCKED`,
    [workspaceId, afterId, limit],
  );
  return rows;
}

/** `identityId:contactId` of the identity pairs a reviewer dismissed among these identities. */
export async function dismissedIdentityPairs(tx: Queryable, workspaceId: string, identityIds: readonly string[]): Promise<Set<string>> {
  if (identityIds.length === 0) return new Set();
  const { rows } = await tx.query<{ pair: string }>(
    `SELECT left_id || ':' || right_id AS pair FROM duplicate_candidates
      WHERE workspace_id = $1 AND kind = 'identity' AND status = 'dismissed' AND left_id = ANY($2::uuid[])`,
    [workspaceId, identityIds],
  );
  return new Set(rows.map((row) => row.pair));
}
