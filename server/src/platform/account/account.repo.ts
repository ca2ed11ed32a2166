/** SQL for a user's own account. Users are global (one person, several workspaces); memberships are not. */
import type { Queryable } from '../db/db.js';

export async function findAccount(db: Queryable, userId: string) {
  const { rows } = await db.query<{ id: string; email: string; name: string; password_hash: string }>(
    'SELECT id, email, name, password_hash FROM users WHERE id = $1',
    [userId],
  );
  return rows[0] ?? null;
}

export async function updateName(db: Queryable, userId: string, name: string) {
  await db.query('UPDATE users SET name = $2 WHERE id = $1', [userId, name]);
}

export async function updatePasswordHash(db: Queryable, userId: string, passwordHash: string) {
  await db.query('UPDATE users SET password_hash = $2 WHERE id = $1', [userId, passwordHash]);
}

/** Ends the user's sessions in every workspace, except `keptHash` (the one making the change) if given. */
export async function deleteSessions(db: Queryable, userId: string, keptHash: string | null): Promise<number> {
  const { rowCount } = await db.query('DELETE FROM sessions WHERE user_id = $1 AND ($2::text IS NULL OR id_hash <> $2)', [
    userId,
    keptHash,
  ]);
  return rowCount ?? 0;
}

/** How many live sessions the user has besides `keptHash`, in every workspace. */
export async function countOtherSessions(db: Queryable, userId: string, keptHash: string | null): Promise<number> {
  const { rows } = await db.query<{ count: number }>(
    'SELECT count(*)::int AS count FROM sessions WHERE user_id = $1 AND expires_at > now() AND ($2::text IS NULL OR id_hash <> $2)',
    [userId, keptHash],
  );
  return rows[0]?.count ?? 0;
}

/** The workspaces the user belongs to: each one's audit log hears of a change to the person. */
export async function workspacesOf(db: Queryable, userId: string): Promise<string[]> {
  const { rows } = await db.query<{ workspace_id: string }>('SELECT workspace_id FROM memberships WHERE user_id = $1', [userId]);
  return rows.map((row) => row.workspace_id);
}
