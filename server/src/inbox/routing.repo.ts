/** SQL for routing rules, team assignment settings, and the facts assignment decides on. */
import type { Queryable } from '../platform/db/db.js';
import type { AssignmentMode, RoutingRule, TeamInboxSettings } from './routing.schema.js';

const RULE = `id, name, position, enabled, conditions, actions, created_at AS "createdAt", updated_at AS "updatedAt"`;

export async function findRule(db: Queryable, workspaceId: string, id: string): Promise<RoutingRule | null> {
  const { rows } = await db.query<RoutingRule>(`SELECT ${RULE} FROM routing_rules WHERE workspace_id = $1 AND id = $2`, [workspaceId, id]);
  return rows[0] ?? null;
}

export async function listRules(
  db: Queryable,
  workspaceId: string,
  after: { position: number; id: string } | null,
  limit: number,
): Promise<{ rows: RoutingRule[]; hasMore: boolean }> {
  const { rows } = await db.query<RoutingRule>(
    `SELECT ${RULE} FROM routing_rules
      WHERE workspace_id = $1 AND ($2::int IS NULL OR (position, id) > ($2, $3::uuid))
      ORDER BY position, id LIMIT $4`,
    [workspaceId, after?.position ?? null, after?.id ?? null, limit + 1],
  );
  return { rows: rows.slice(0, limit), hasMore: rows.length > limit };
}

export async function enabledRules(db: Queryable, workspaceId: string): Promise<RoutingRule[]> {
  const { rows } = await db.query<RoutingRule>(
    `SELECT ${RULE} FROM routing_rules WHERE workspace_id = $1 AND enabled ORDER BY position, id`,
    [workspaceId],
  );
  return rows;
}

export async function nextPosition(db: Queryable, workspaceId: string): Promise<number> {
  const { rows } = await db.query<{ next: number }>(
    'SELECT COALESCE(max(position) + 1, 0)::int AS next FROM routing_rules WHERE workspace_id = $1',
    [workspaceId],
  );
  return rows[0]!.next;
}

export async function insertRule(db: Queryable, workspaceId: string, rule: RoutingRule, createdBy: string | null): Promise<void> {
  await db.query(
    `INSERT INTO routing_rules (workspace_id, id, name, position, enabled, conditions, actions, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8, $9, $10)`,
    [
      workspaceId,
      rule.id,
      rule.name,
      rule.position,
      rule.enabled,
      JSON.stringify(rule.conditions),
      JSON.stringify(rule.actions),
      createdBy,
      rule.createdAt,
      rule.updatedAt,
    ],
  );
}

export async function updateRule(db: Queryable, workspaceId: string, rule: RoutingRule): Promise<void> {
  await db.query(
    `UPDATE routing_rules SET name = $3, position = $4, enabled = $5, conditions = $6::jsonb, actions = $7::jsonb, updated_at = $8
      WHERE workspace_id = $1 AND id = $2`,
    [
      workspaceId,
      rule.id,
      rule.name,
      rule.position,
      rule.enabled,
      JSON.stringify(rule.conditions),
      JSON.stringify(rule.actions),
      rule.updatedAt,
    ],
  );
}

export async function deleteRule(db: Queryable, workspaceId: string, id: string): Promise<void> {
  await db.query('DELETE FROM routing_rules WHERE workspace_id = $1 AND id = $2', [workspaceId, id]);
}

export async function findTeamSettings(db: Queryable, workspaceId: string, teamId: string): Promise<TeamInboxSettings | null> {
  const { rows } = await db.query<TeamInboxSettings>(
    `SELECT t.id AS "teamId", COALESCE(s.assignment, 'manual') AS assignment, s.updated_at AS "updatedAt"
       FROM teams t LEFT JOIN inbox_team_settings s ON s.workspace_id = t.workspace_id AND s.team_id = t.id
      WHERE t.workspace_id = $1 AND t.id = $2`,
    [workspaceId, teamId],
  );
  return rows[0] ?? null;
}

export async function saveTeamSettings(
  db: Queryable,
  workspaceId: string,
  teamId: string,
  assignment: AssignmentMode,
  now: Date,
): Promise<void> {
  await db.query(
    `INSERT INTO inbox_team_settings (workspace_id, team_id, assignment, updated_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (workspace_id, team_id) DO UPDATE SET assignment = EXCLUDED.assignment, updated_at = EXCLUDED.updated_at`,
    [workspaceId, teamId, assignment, now],
  );
}

export interface TeamTurn {
  assignment: AssignmentMode;
  lastAssignedUserId: string | null;
}

/**
 * The teams' modes and whose turn was last, locked (in team order, so passes locking several
 * cannot deadlock) so two conversations arriving at once take different turns. Teams never
 * configured are missing: they are manual.
 */
export async function lockTeamTurns(tx: Queryable, workspaceId: string, teamIds: readonly string[]): Promise<Map<string, TeamTurn>> {
  const { rows } = await tx.query<TeamTurn & { teamId: string }>(
    `SELECT team_id AS "teamId", assignment, last_assigned_user_id AS "lastAssignedUserId" FROM inbox_team_settings
      WHERE workspace_id = $1 AND team_id = ANY($2::uuid[]) ORDER BY team_id FOR UPDATE`,
    [workspaceId, teamIds],
  );
  return new Map(rows.map(({ teamId, ...turn }) => [teamId, turn]));
}

export async function recordTurn(tx: Queryable, workspaceId: string, teamId: string, userId: string): Promise<void> {
  await tx.query('UPDATE inbox_team_settings SET last_assigned_user_id = $3 WHERE workspace_id = $1 AND team_id = $2', [
    workspaceId,
    teamId,
    userId,
  ]);
}

/** The teams' members who can answer (viewers cannot), with how many open or pending conversations each holds. */
export async function teamAgentLoads(
  tx: Queryable,
  workspaceId: string,
  teamIds: readonly string[],
): Promise<{ teamId: string; userId: string; open: number }[]> {
  const { rows } = await tx.query<{ teamId: string; userId: string; open: number }>(
    `SELECT tm.team_id AS "teamId", tm.user_id AS "userId",
            (SELECT count(*) FROM conversations c
              WHERE c.workspace_id = tm.workspace_id AND c.assignee_id = tm.user_id AND c.status IN ('open', 'pending')
                AND NOT c.is_spam AND c.merged_into_id IS NULL)::int AS open
       FROM team_members tm JOIN memberships m ON m.workspace_id = tm.workspace_id AND m.user_id = tm.user_id
      WHERE tm.workspace_id = $1 AND tm.team_id = ANY($2::uuid[]) AND m.role <> 'viewer'
      ORDER BY tm.team_id, tm.user_id`,
    [workspaceId, teamIds],
  );
  return rows;
}

/** What keyword conditions are matched against: the subject and the first messages' text, by conversation (none without messages). */
export async function conversationTexts(
  db: Queryable,
  workspaceId: string,
  conversationIds: readonly string[],
): Promise<Map<string, string>> {
  const { rows } = await db.query<{ id: string; text: string | null }>(
    `SELECT c.id, (SELECT string_agg(t.text, ' ') FROM (
              SELECT m.text FROM messages m WHERE m.workspace_id = $1 AND m.conversation_id = c.id AND m.kind = 'message'
               ORDER BY m.sent_at, m.id LIMIT 5) t) AS text
       FROM unnest($2::uuid[]) AS c(id)`,
    [workspaceId, conversationIds],
  );
  return new Map(rows.flatMap((row) => (row.text === null ? [] : [[row.id, row.text] as const])));
}

export async function conversationText(db: Queryable, workspaceId: string, conversationId: string): Promise<string> {
  return (await conversationTexts(db, workspaceId, [conversationId])).get(conversationId) ?? '';
}

export async function teamNamed(db: Queryable, workspaceId: string, names: readonly string[]): Promise<string | null> {
  const lower = names.map((n) => n.toLowerCase());
  const { rows } = await db.query<{ id: string; name: string }>(
    'SELECT id, lower(name) AS name FROM teams WHERE workspace_id = $1 AND lower(name) = ANY($2::text[])',
    [workspaceId, lower],
  );
  rows.sort((a, b) => lower.indexOf(a.name) - lower.indexOf(b.name));
  return rows[0]?.id ?? null;
}

/** Notes that routing acted on these conversations, so a redelivered `conversation.created` leaves them be. */
export async function markRouted(tx: Queryable, workspaceId: string, conversationIds: readonly string[], at: Date): Promise<void> {
  if (conversationIds.length === 0) return;
  await tx.query('UPDATE conversations SET routed_at = $3 WHERE workspace_id = $1 AND id = ANY($2::uuid[]) AND routed_at IS NULL', [
    workspaceId,
    conversationIds,
    at,
  ]);
}
