/** SQL for sign-in: users, sessions and API tokens. */
import type { Queryable } from '../db/db.js';
import { nameKey } from '../db/name-order.js';
import type { RecordScope, Role } from '../context.js';

export interface MemberRow {
  user_id: string;
  workspace_id: string;
  role: Role;
  record_scope: RecordScope;
  team_ids: string[];
}

const MEMBER_COLUMNS = `m.user_id, m.workspace_id, m.role, m.record_scope,
  COALESCE((SELECT array_agg(tm.team_id::text) FROM team_members tm
             WHERE tm.workspace_id = m.workspace_id AND tm.user_id = m.user_id), '{}') AS team_ids`;

export async function findUserByEmail(db: Queryable, email: string) {
  const { rows } = await db.query<{ id: string; email: string; name: string; password_hash: string }>(
    'SELECT id, email, name, password_hash FROM users WHERE lower(email) = lower($1)',
    [email],
  );
  return rows[0] ?? null;
}

/** The user's membership of a workspace; with none named, of the workspace they last signed in to (else their first). */
export async function findMembership(db: Queryable, userId: string, workspaceId: string | null) {
  const { rows } = await db.query<MemberRow>(
    `SELECT ${MEMBER_COLUMNS} FROM memberships m
      WHERE m.user_id = $1 AND ($2::uuid IS NULL OR m.workspace_id = $2)
      ORDER BY m.last_signed_in_at DESC NULLS LAST, m.created_at
      LIMIT 1`,
    [userId, workspaceId],
  );
  return rows[0] ?? null;
}

/** Every workspace the user belongs to, by name. */
export async function listMemberships(db: Queryable, userId: string) {
  const { rows } = await db.query<{ id: string; name: string; role: string }>(
    `SELECT w.id, w.name, m.role FROM memberships m JOIN workspaces w ON w.id = m.workspace_id
      WHERE m.user_id = $1 ORDER BY ${nameKey('w.name')}, w.id`,
    [userId],
  );
  return rows;
}

/** A session opened in a workspace: where its person signs in next time. */
export async function markSignedIn(db: Queryable, workspaceId: string, userId: string, at: Date) {
  await db.query('UPDATE memberships SET last_signed_in_at = $3 WHERE workspace_id = $1 AND user_id = $2', [workspaceId, userId, at]);
}

export async function insertSession(
  db: Queryable,
  session: { idHash: string; workspaceId: string; userId: string; csrfToken: string; expiresAt: Date },
) {
  await db.query('INSERT INTO sessions (id_hash, workspace_id, user_id, csrf_token, expires_at) VALUES ($1, $2, $3, $4, $5)', [
    session.idHash,
    session.workspaceId,
    session.userId,
    session.csrfToken,
    session.expiresAt,
  ]);
}

export async function findSessionMember(db: Queryable, idHash: string) {
  const { rows } = await db.query<MemberRow & { csrf_token: string }>(
    `SELECT ${MEMBER_COLUMNS}, s.csrf_token FROM sessions s
       JOIN memberships m ON m.workspace_id = s.workspace_id AND m.user_id = s.user_id
      WHERE s.id_hash = $1 AND s.expires_at > now()`,
    [idHash],
  );
  return rows[0] ?? null;
}

export async function deleteSession(db: Queryable, idHash: string) {
  await db.query('DELETE FROM sessions WHERE id_hash = $1', [idHash]);
}

export async function findTokenMember(db: Queryable, tokenHash: string) {
  const { rows } = await db.query<MemberRow & { scopes: ('read' | 'write')[]; token_id: string }>(
    `SELECT ${MEMBER_COLUMNS}, t.scopes, t.id AS token_id FROM api_tokens t
       JOIN memberships m ON m.workspace_id = t.workspace_id AND m.user_id = t.user_id
      WHERE t.token_hash = $1 AND t.revoked_at IS NULL`,
    [tokenHash],
  );
  return rows[0] ?? null;
}

export async function touchToken(db: Queryable, workspaceId: string, tokenId: string) {
  await db.query(
    `UPDATE api_tokens SET last_used_at = now()
      WHERE workspace_id = $1 AND id = $2 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
    [workspaceId, tokenId],
  );
}
