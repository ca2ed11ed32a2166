/** SQL for workspaces, members and teams. */
import type { Queryable } from '../db/db.js';
import { nameKey } from '../db/name-order.js';
import type { RecordScope, Role } from '../context.js';

export interface MemberView {
  id: string;
  email: string;
  name: string;
  role: Role;
  recordScope: RecordScope;
  teamIds: string[];
  createdAt: Date;
}

export interface TeamView {
  id: string;
  name: string;
  memberIds: string[];
  createdAt: Date;
}

export async function insertWorkspace(db: Queryable, workspace: { id: string; name: string; slug: string }) {
  await db.query('INSERT INTO workspaces (id, name, slug) VALUES ($1, $2, $3)', [workspace.id, workspace.name, workspace.slug]);
}

export async function findWorkspace(db: Queryable, id: string) {
  const { rows } = await db.query<{ id: string; name: string; slug: string; createdAt: Date }>(
    'SELECT id, name, slug, created_at AS "createdAt" FROM workspaces WHERE id = $1',
    [id],
  );
  return rows[0] ?? null;
}

export async function countWorkspaces(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ count: number }>('SELECT count(*)::int AS count FROM workspaces');
  return rows[0]?.count ?? 0;
}

/** The workspaces the person owns, whoever created them. */
export async function countOwnedWorkspaces(db: Queryable, userId: string): Promise<number> {
  const { rows } = await db.query<{ count: number }>(
    `SELECT count(*)::int AS count FROM memberships WHERE user_id = $1 AND role = 'owner'`,
    [userId],
  );
  return rows[0]?.count ?? 0;
}

/** Holds the person's account row until the transaction ends. */
export async function lockUser(db: Queryable, userId: string) {
  await db.query('SELECT 1 FROM users WHERE id = $1 FOR UPDATE', [userId]);
}

export async function insertUser(db: Queryable, user: { id: string; email: string; name: string; passwordHash: string }) {
  await db.query('INSERT INTO users (id, email, name, password_hash) VALUES ($1, $2, $3, $4)', [
    user.id,
    user.email,
    user.name,
    user.passwordHash,
  ]);
}

export async function findUserIdByEmail(db: Queryable, email: string): Promise<string | null> {
  const { rows } = await db.query<{ id: string }>('SELECT id FROM users WHERE lower(email) = lower($1)', [email]);
  return rows[0]?.id ?? null;
}

export async function upsertMembership(db: Queryable, m: { workspaceId: string; userId: string; role: Role; recordScope: RecordScope }) {
  await db.query(
    `INSERT INTO memberships (workspace_id, user_id, role, record_scope) VALUES ($1, $2, $3, $4)
     ON CONFLICT (workspace_id, user_id) DO UPDATE SET role = EXCLUDED.role, record_scope = EXCLUDED.record_scope`,
    [m.workspaceId, m.userId, m.role, m.recordScope],
  );
}

const MEMBER_SELECT = `SELECT u.id, u.email, u.name, m.role, m.record_scope AS "recordScope", m.created_at AS "createdAt",
    COALESCE((SELECT array_agg(tm.team_id::text ORDER BY tm.team_id) FROM team_members tm
               WHERE tm.workspace_id = m.workspace_id AND tm.user_id = m.user_id), '{}') AS "teamIds"
  FROM memberships m JOIN users u ON u.id = m.user_id`;

export async function listMembers(db: Queryable, workspaceId: string): Promise<MemberView[]> {
  const { rows } = await db.query<MemberView>(`${MEMBER_SELECT} WHERE m.workspace_id = $1 ORDER BY ${nameKey('u.name')}, u.id`, [
    workspaceId,
  ]);
  return rows;
}

export async function findMember(db: Queryable, workspaceId: string, userId: string): Promise<MemberView | null> {
  const { rows } = await db.query<MemberView>(`${MEMBER_SELECT} WHERE m.workspace_id = $1 AND m.user_id = $2`, [workspaceId, userId]);
  return rows[0] ?? null;
}

export async function countOwners(db: Queryable, workspaceId: string): Promise<number> {
  const { rows } = await db.query<{ count: number }>(
    `SELECT count(*)::int AS count FROM memberships WHERE workspace_id = $1 AND role = 'owner'`,
    [workspaceId],
  );
  return rows[0]?.count ?? 0;
}

export async function deleteMembership(db: Queryable, workspaceId: string, userId: string) {
  await db.query('DELETE FROM team_members WHERE workspace_id = $1 AND user_id = $2', [workspaceId, userId]);
  await db.query('DELETE FROM sessions WHERE workspace_id = $1 AND user_id = $2', [workspaceId, userId]);
  await db.query('UPDATE api_tokens SET revoked_at = now() WHERE workspace_id = $1 AND user_id = $2 AND revoked_at IS NULL', [
    workspaceId,
    userId,
  ]);
  const { rowCount } = await db.query('DELETE FROM memberships WHERE workspace_id = $1 AND user_id = $2', [workspaceId, userId]);
  return rowCount > 0;
}

const TEAM_SELECT = `SELECT t.id, t.name, t.created_at AS "createdAt",
    COALESCE((SELECT array_agg(tm.user_id::text ORDER BY tm.user_id) FROM team_members tm
               WHERE tm.workspace_id = t.workspace_id AND tm.team_id = t.id), '{}') AS "memberIds"
  FROM teams t`;

export async function listTeams(db: Queryable, workspaceId: string): Promise<TeamView[]> {
  const { rows } = await db.query<TeamView>(`${TEAM_SELECT} WHERE t.workspace_id = $1 ORDER BY ${nameKey('t.name')}, t.id`, [workspaceId]);
  return rows;
}

export async function findTeam(db: Queryable, workspaceId: string, teamId: string): Promise<TeamView | null> {
  const { rows } = await db.query<TeamView>(`${TEAM_SELECT} WHERE t.workspace_id = $1 AND t.id = $2`, [workspaceId, teamId]);
  return rows[0] ?? null;
}

export async function findTeamByName(db: Queryable, workspaceId: string, name: string): Promise<TeamView | null> {
  const { rows } = await db.query<TeamView>(`${TEAM_SELECT} WHERE t.workspace_id = $1 AND lower(t.name) = lower($2)`, [workspaceId, name]);
  return rows[0] ?? null;
}

export async function insertTeam(db: Queryable, team: { workspaceId: string; id: string; name: string }) {
  await db.query('INSERT INTO teams (workspace_id, id, name) VALUES ($1, $2, $3)', [team.workspaceId, team.id, team.name]);
}

export async function updateTeamName(db: Queryable, workspaceId: string, teamId: string, name: string) {
  await db.query('UPDATE teams SET name = $3 WHERE workspace_id = $1 AND id = $2', [workspaceId, teamId, name]);
}

export async function deleteTeam(db: Queryable, workspaceId: string, teamId: string): Promise<boolean> {
  const { rowCount } = await db.query('DELETE FROM teams WHERE workspace_id = $1 AND id = $2', [workspaceId, teamId]);
  return rowCount > 0;
}

export async function replaceTeamMembers(db: Queryable, workspaceId: string, teamId: string, userIds: readonly string[]) {
  await db.query('DELETE FROM team_members WHERE workspace_id = $1 AND team_id = $2', [workspaceId, teamId]);
  if (userIds.length === 0) return;
  await db.query(
    `INSERT INTO team_members (workspace_id, team_id, user_id)
     SELECT $1, $2, m.user_id FROM memberships m WHERE m.workspace_id = $1 AND m.user_id = ANY($3::uuid[])`,
    [workspaceId, teamId, userIds],
  );
}

export async function countMembersIn(db: Queryable, workspaceId: string, userIds: readonly string[]): Promise<number> {
  const { rows } = await db.query<{ count: number }>(
    'SELECT count(*)::int AS count FROM memberships WHERE workspace_id = $1 AND user_id = ANY($2::uuid[])',
    [workspaceId, userIds],
  );
  return rows[0]?.count ?? 0;
}
