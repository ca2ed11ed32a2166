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
