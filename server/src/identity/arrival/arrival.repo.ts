/** SQL for matching identities on arrival: which authors still need it, and contacts by e-mail. */
import type { Queryable } from '../../platform/db/db.js';
import type { MatchableIdentity } from '../people.js';

/** The identities among `ids` never matched and not linked; in id order, the order their rows are locked in. */
export async function unmatchedIdentities(tx: Queryable, workspaceId: string, ids: readonly string[]): Promise<MatchableIdentity[]> {
  const { rows } = await tx.query<MatchableIdentity>(
    `SELECT id, network, handle, display_name AS "displayName", profile_url AS "profileUrl", email
       FROM social_identities
      WHERE workspace_id = $1 AND id = ANY($2::uuid[]) AND contact_id IS NULL AND matched_at IS NULL
      ORDER BY id`,
    [workspaceId, ids],
  );
  return rows;
}

/** Contacts holding each identity's address among their e-mails (stored in lower case; the GIN index answers). */
export async function contactsByEmail(
  tx: Queryable,
  workspaceId: string,
  wanted: readonly { identityId: string; email: string }[],
): Promise<{ identityId: string; contactId: string }[]> {
  if (wanted.length === 0) return [];
  const { rows } = await tx.query<{ identityId: string; contactId: string }>(
    `SELECT u.identity_id AS "identityId", c.id AS "contactId"
       FROM unnest($2::uuid[], $3::text[]) AS u(identity_id, email)
       JOIN contacts c ON c.workspace_id = $1 AND c.emails @> jsonb_build_array(jsonb_build_object('address', u.email))`,
    [workspaceId, wanted.map((w) => w.identityId), wanted.map((w) => w.email)],
  );
  return rows;
}
