/** SQL for social identities outside the pipeline: reading one, and linking it to a contact. */
import type { Queryable } from '../platform/db/db.js';

export interface SocialIdentity {
  id: string;
  network: string;
  externalId: string;
  handle: string;
  displayName: string;
  profileUrl: string | null;
  avatarUrl: string | null;
  email: string | null;
  followers: number | null;
  contactId: string | null;
}

export async function findIdentity(db: Queryable, workspaceId: string, id: string, lock = false): Promise<SocialIdentity | null> {
  const { rows } = await db.query<SocialIdentity>(
    `SELECT id, network, external_id AS "externalId", handle, display_name AS "displayName", profile_url AS "profileUrl",
            avatar_url AS "avatarUrl", email, followers, contact_id AS "contactId"
       FROM social_identities WHERE workspace_id = $1 AND id = $2${lock ? ' FOR UPDATE' : ''}`,
    [workspaceId, id],
  );
  return rows[0] ?? null;
}

/** Links each identity to its contact and marks it matched; its conversations follow it. */
export async function linkIdentitiesToContacts(
  db: Queryable,
  workspaceId: string,
  links: readonly { identityId: string; contactId: string }[],
  at: Date,
): Promise<void> {
  if (links.length === 0) return;
  const params = [workspaceId, links.map((l) => l.identityId), links.map((l) => l.contactId), at];
  await db.query(
    `UPDATE social_identities i SET contact_id = l.contact_id, matched_at = $4
       FROM unnest($2::uuid[], $3::uuid[]) AS l(identity_id, contact_id)
      WHERE i.workspace_id = $1 AND i.id = l.identity_id`,
    params,
  );
  // The identity's conversations now belong to the contact too, so the inbox's customer panel shows them.
  await db.query(
    `UPDATE conversations c SET contact_id = l.contact_id
       FROM unnest($2::uuid[], $3::uuid[]) AS l(identity_id, contact_id)
      WHERE c.workspace_id = $1 AND c.identity_id = l.identity_id AND c.contact_id IS NULL`,
    params.slice(0, 3),
  );
}
