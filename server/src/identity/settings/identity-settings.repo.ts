/** SQL for a workspace's identity-resolution settings. */
import type { Queryable } from '../../platform/db/db.js';
import type { IdentitySettings } from './identity-settings.schema.js';

export async function findSettings(db: Queryable, workspaceId: string): Promise<IdentitySettings | null> {
  const { rows } = await db.query<IdentitySettings>(
    `SELECT identifier_fields AS "identifierFields", create_contacts_from_email AS "createContactsFromEmail", updated_at AS "updatedAt"
       FROM identity_settings WHERE workspace_id = $1`,
    [workspaceId],
  );
  return rows[0] ?? null;
}

export async function saveSettings(db: Queryable, workspaceId: string, settings: IdentitySettings): Promise<void> {
  await db.query(
    `INSERT INTO identity_settings (workspace_id, identifier_fields, create_contacts_from_email, updated_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (workspace_id) DO UPDATE
       SET identifier_fields = EXCLUDED.identifier_fields, create_contacts_from_email = EXCLUDED.create_contacts_from_email,
           updated_at = EXCLUDED.updated_at`,
    [workspaceId, settings.identifierFields, settings.createContactsFromEmail, settings.updatedAt],
  );
}
