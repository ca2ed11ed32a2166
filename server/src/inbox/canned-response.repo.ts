/** SQL for canned responses and the values their variables are filled with. */
import type { Queryable } from '../platform/db/db.js';
import { shownName } from '../platform/text/identity-handle.js';
import type { CannedResponse } from './canned-response.schema.js';

const SELECT = `id, name, shortcut, body, created_by AS "createdBy", created_at AS "createdAt", updated_at AS "updatedAt"`;

export async function findCannedResponse(db: Queryable, workspaceId: string, id: string): Promise<CannedResponse | null> {
  const { rows } = await db.query<CannedResponse>(`SELECT ${SELECT} FROM canned_responses WHERE workspace_id = $1 AND id = $2`, [
    workspaceId,
    id,
  ]);
  return rows[0] ?? null;
}

export async function cannedResponseExists(db: Queryable, workspaceId: string, id: string): Promise<boolean> {
  return (await findCannedResponse(db, workspaceId, id)) !== null;
}

export async function shortcutTaken(db: Queryable, workspaceId: string, shortcut: string, exceptId: string | null): Promise<boolean> {
  const { rows } = await db.query('SELECT 1 FROM canned_responses WHERE workspace_id = $1 AND shortcut = $2 AND id IS DISTINCT FROM $3', [
    workspaceId,
    shortcut,
    exceptId,
  ]);
  return rows.length > 0;
}

/** Ordered by shortcut, which is unique, so it is the whole keyset. */
export async function listCannedResponses(
  db: Queryable,
  workspaceId: string,
  q: string | undefined,
  afterShortcut: string | null,
  limit: number,
): Promise<{ rows: CannedResponse[]; hasMore: boolean }> {
  const like = q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const { rows } = await db.query<CannedResponse>(
    `SELECT ${SELECT} FROM canned_responses
      WHERE workspace_id = $1 AND ($2::text IS NULL OR name ILIKE $2 OR shortcut ILIKE $2) AND ($3::text IS NULL OR shortcut > $3)
      ORDER BY shortcut LIMIT $4`,
    [workspaceId, like, afterShortcut, limit + 1],
  );
  return { rows: rows.slice(0, limit), hasMore: rows.length > limit };
}

export async function insertCannedResponse(db: Queryable, workspaceId: string, row: CannedResponse): Promise<void> {
  await db.query(
    `INSERT INTO canned_responses (workspace_id, id, name, shortcut, body, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [workspaceId, row.id, row.name, row.shortcut, row.body, row.createdBy, row.createdAt, row.updatedAt],
  );
}

export async function updateCannedResponse(db: Queryable, workspaceId: string, row: CannedResponse): Promise<void> {
  await db.query(`UPDATE canned_responses SET name = $3, shortcut = $4, body = $5, updated_at = $6 WHERE workspace_id = $1 AND id = $2`, [
    workspaceId,
    row.id,
    row.name,
    row.shortcut,
    row.body,
    row.updatedAt,
  ]);
}

export async function deleteCannedResponse(db: Queryable, workspaceId: string, id: string): Promise<void> {
  await db.query('DELETE FROM canned_responses WHERE workspace_id = $1 AND id = $2', [workspaceId, id]);
}

export interface TemplateSources {
  subject: string;
  contactFirstName: string | null;
  contactLastName: string | null;
  contactName: string | null;
  contactEmail: string | null;
  identityName: string | null;
  identityEmail: string | null;
  agentName: string | null;
  agentEmail: string | null;
}

/** The conversation's customer (its contact, else the identity the message came from) and the agent. */
export async function templateSources(
  db: Queryable,
  workspaceId: string,
  conversationId: string,
  agentId: string | null,
): Promise<TemplateSources | null> {
  const { rows } = await db.query<TemplateSources>(
    `SELECT c.subject, ct.first_name AS "contactFirstName", ct.last_name AS "contactLastName", ct.display_name AS "contactName",
            ct.emails->0->>'address' AS "contactEmail", ${shownName('i')} AS "identityName", i.email AS "identityEmail",
            u.name AS "agentName", u.email AS "agentEmail"
       FROM conversations c
       LEFT JOIN social_identities i ON i.workspace_id = c.workspace_id AND i.id = c.identity_id
       LEFT JOIN contacts ct ON ct.workspace_id = c.workspace_id AND ct.id = COALESCE(c.contact_id, i.contact_id)
       LEFT JOIN users u ON u.id = $3
      WHERE c.workspace_id = $1 AND c.id = $2`,
    [workspaceId, conversationId, agentId],
  );
  return rows[0] ?? null;
}
