/**
 * All SQL for the timeline. Every statement is scoped by workspace; reads also by the actor's
 * access to the contact or company an entry is about (activityScope).
 */
import { sqlLimit } from '../../platform/db/limit.js';
import type { Actor, Ctx } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/db.js';
import { recordScope } from '../shared/record-access.js';
import type { Activity, ActivityListQuery, ActivityType } from './activity.schema.js';

/**
 * Who sees a timeline entry, as an SQL condition on `alias`. Members limited to their own (or
 * their teams') records see entries about contacts they may see; entries with no contact follow
 * their company. Tasks are also visible to their assignee (it is their work), and personal to-dos
 * to their author.
 */
export function activityScope(actor: Actor, alias: string, params: unknown[]): string {
  if (actor.recordScope === 'all' || actor.kind === 'system') return 'true';
  const contact = recordScope(actor, 'vc', params);
  const company = recordScope(actor, 'vco', params);
  params.push(actor.userId);
  const me = `$${params.length}::uuid`;
  const a = alias;
  return `(
    (${a}.contact_id IS NOT NULL AND EXISTS (SELECT 1 FROM contacts vc
       WHERE vc.workspace_id = ${a}.workspace_id AND vc.id = ${a}.contact_id AND ${contact}))
    OR (${a}.contact_id IS NULL AND ${a}.company_id IS NOT NULL AND EXISTS (SELECT 1 FROM companies vco
       WHERE vco.workspace_id = ${a}.workspace_id AND vco.id = ${a}.company_id AND ${company}))
    OR (${a}.type = 'task' AND ${a}.assignee_id = ${me})
    OR (${a}.contact_id IS NULL AND ${a}.company_id IS NULL AND ${a}.author_id = ${me}))`;
}

export const ACTIVITY_SELECT = `a.id, a.type, a.contact_id AS "contactId", a.company_id AS "companyId", a.subject, a.body,
  a.occurred_at AS "occurredAt", a.duration_minutes AS "durationMinutes", a.direction, a.author_id AS "authorId",
  au.name AS "authorName", a.due_at AS "dueAt", a.assignee_id AS "assigneeId", asg.name AS "assigneeName",
  a.done_at AS "doneAt", a.system_event AS "systemEvent", a.data, a.created_at AS "createdAt", a.updated_at AS "updatedAt"`;

export const ACTIVITY_FROM = `activities a LEFT JOIN users au ON au.id = a.author_id LEFT JOIN users asg ON asg.id = a.assignee_id`;

/** A row as stored. Timestamps come from JS Dates (millisecond precision) so keyset cursors, which carry milliseconds, are exact. */
export interface ActivityRow {
  id: string;
  type: ActivityType;
  contactId: string | null;
  companyId: string | null;
  subject: string;
  body: string;
  occurredAt: Date;
  durationMinutes: number | null;
  direction: 'in' | 'out' | null;
  authorId: string | null;
  dueAt: Date | null;
  assigneeId: string | null;
  doneAt: Date | null;
  remindedAt: Date | null;
  systemEvent: string | null;
  data: Record<string, unknown>;
  createdAt: Date;
  updatedAt: Date;
}

const COLUMNS = [
  'workspace_id',
  'id',
  'type',
  'contact_id',
  'company_id',
  'subject',
  'body',
  'occurred_at',
  'duration_minutes',
  'direction',
  'author_id',
  'due_at',
  'assignee_id',
  'done_at',
  'reminded_at',
  'system_event',
  'data',
  'created_at',
  'updated_at',
] as const;

function values(workspaceId: string, row: ActivityRow): unknown[] {
  return [
    workspaceId,
    row.id,
    row.type,
    row.contactId,
    row.companyId,
    row.subject,
    row.body,
    row.occurredAt,
    row.durationMinutes,
    row.direction,
    row.authorId,
    row.dueAt,
    row.assigneeId,
    row.doneAt,
    row.remindedAt,
    row.systemEvent,
    JSON.stringify(row.data),
    row.createdAt,
    row.updatedAt,
  ];
}

const PLACEHOLDERS = COLUMNS.map((_, i) => `$${i + 1}`).join(', ');

export async function insertActivity(db: Queryable, workspaceId: string, row: ActivityRow): Promise<void> {
  await db.query(`INSERT INTO activities (${COLUMNS.join(', ')}) VALUES (${PLACEHOLDERS})`, values(workspaceId, row));
}

/**
 * Inserts a system entry derived from a domain event, once: the unique index on the event id makes
 * a redelivered event a no-op. Writes nothing when the contact is gone by now; a company deleted
 * meanwhile is left out.
 */
export async function insertSystemActivity(db: Queryable, workspaceId: string, row: ActivityRow): Promise<boolean> {
  const { rowCount } = await db.query(
    `INSERT INTO activities (${COLUMNS.join(', ')})
     SELECT $1, $2, $3, c.id, (SELECT co.id FROM companies co WHERE co.workspace_id = $1 AND co.id = $5), ${COLUMNS.slice(5)
       .map((_, i) => `$${i + 6}`)
       .join(', ')}
       FROM contacts c WHERE c.workspace_id = $1 AND c.id = $4
     ON CONFLICT DO NOTHING`,
    values(workspaceId, row),
  );
  return rowCount > 0;
}

export async function updateActivityRow(db: Queryable, workspaceId: string, row: ActivityRow): Promise<void> {
  // Every column but the key is rewritten (created_at with its unchanged value) so positions match the insert.
  const sets = COLUMNS.slice(2).map((column, i) => `${column} = $${i + 3}`);
  await db.query(`UPDATE activities SET ${sets.join(', ')} WHERE workspace_id = $1 AND id = $2`, values(workspaceId, row));
}

export async function deleteActivityRow(db: Queryable, workspaceId: string, id: string): Promise<void> {
  await db.query('DELETE FROM activities WHERE workspace_id = $1 AND id = $2', [workspaceId, id]);
}

/** The stored row (with reminded_at, which the API does not show) if the actor may see it. */
export async function findActivityRow(ctx: Ctx, id: string, db: Queryable = ctx.db, forUpdate = false): Promise<ActivityRow | null> {
  const params: unknown[] = [ctx.workspaceId, id];
  const scope = activityScope(ctx.actor, 'a', params);
  const { rows } = await db.query<ActivityRow>(
    `SELECT a.id, a.type, a.contact_id AS "contactId", a.company_id AS "companyId", a.subject, a.body, a.occurred_at AS "occurredAt",
            a.duration_minutes AS "durationMinutes", a.direction, a.author_id AS "authorId", a.due_at AS "dueAt",
            a.assignee_id AS "assigneeId", a.done_at AS "doneAt", a.reminded_at AS "remindedAt", a.system_event AS "systemEvent",
            a.data, a.created_at AS "createdAt", a.updated_at AS "updatedAt"
       FROM activities a WHERE a.workspace_id = $1 AND a.id = $2 AND ${scope}${forUpdate ? ' FOR UPDATE' : ''}`,
    params,
  );
  return rows[0] ?? null;
}

export async function findActivity(ctx: Ctx, id: string, db: Queryable = ctx.db): Promise<Activity | null> {
  const params: unknown[] = [ctx.workspaceId, id];
  const scope = activityScope(ctx.actor, 'a', params);
  const { rows } = await db.query<Activity>(
    `SELECT ${ACTIVITY_SELECT} FROM ${ACTIVITY_FROM} WHERE a.workspace_id = $1 AND a.id = $2 AND ${scope}`,
    params,
  );
  return rows[0] ?? null;
}

const NEWEST_FIRST = 'ORDER BY a.occurred_at DESC, a.id DESC';

/**
 * One page of a timeline, newest first. A company's timeline holds entries about the company and
 * entries about its contacts: each half is read in index order and only a page of each is merged,
 * so long timelines cost no more than short ones.
 */
export async function listTimeline(
  ctx: Ctx,
  query: ActivityListQuery,
  after: { v: string | number | null; id: string } | null,
  limit: number,
): Promise<{ rows: Activity[]; hasMore: boolean }> {
  const params: unknown[] = [ctx.workspaceId];
  const conditions = [activityScope(ctx.actor, 'a', params)];
  if (query.type?.length) {
    params.push(query.type);
    conditions.push(`a.type = ANY($${params.length}::text[])`);
  }
  if (after) {
    params.push(after.v, after.id);
    conditions.push(`(a.occurred_at, a.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
  }
  const take = sqlLimit(limit + 1);
  const filter = conditions.join(' AND ');
  let sql: string;
  if (query.contactId) {
    params.push(query.contactId);
    sql = `SELECT ${ACTIVITY_SELECT} FROM ${ACTIVITY_FROM}
            WHERE a.workspace_id = $1 AND a.contact_id = $${params.length} AND ${filter} ${NEWEST_FIRST} ${take}`;
  } else if (query.companyId) {
    params.push(query.companyId);
    const company = `$${params.length}`;
    // Each contact's newest entries come from its own index (LATERAL), so neither half scans the workspace.
    sql = `WITH hits AS (
             (SELECT a.id, a.occurred_at FROM activities a
               WHERE a.workspace_id = $1 AND a.company_id = ${company} AND ${filter} ${NEWEST_FIRST} ${take})
             UNION
             (SELECT x.id, x.occurred_at FROM contacts c CROSS JOIN LATERAL (
                SELECT a.id, a.occurred_at FROM activities a
                 WHERE a.workspace_id = c.workspace_id AND a.contact_id = c.id AND ${filter} ${NEWEST_FIRST} ${take}) x
               WHERE c.workspace_id = $1 AND c.company_id = ${company}
               ORDER BY x.occurred_at DESC, x.id DESC ${take})
           ), page AS (SELECT id FROM hits ORDER BY occurred_at DESC, id DESC ${take})
           SELECT ${ACTIVITY_SELECT} FROM ${ACTIVITY_FROM} JOIN page p ON p.id = a.id
            WHERE a.workspace_id = $1 ${NEWEST_FIRST}`;
  } else {
    sql = `SELECT ${ACTIVITY_SELECT} FROM ${ACTIVITY_FROM} WHERE a.workspace_id = $1 AND ${filter} ${NEWEST_FIRST} ${take}`;
  }
  const { rows } = await ctx.db.query<Activity>(sql, params);
  return { rows: rows.slice(0, limit), hasMore: rows.length > limit };
}

/** Deletes the entries about this company alone (see deleteCompany); returns how many. */
export async function deleteActivitiesOnlyOfCompany(db: Queryable, workspaceId: string, companyId: string): Promise<number> {
  const { rowCount } = await db.query('DELETE FROM activities WHERE workspace_id = $1 AND company_id = $2 AND contact_id IS NULL', [
    workspaceId,
    companyId,
  ]);
  return rowCount;
}

export interface LinkedContact {
  id: string;
  displayName: string;
}

/** The contact if it is in the workspace and the actor may see it. */
export async function visibleContact(ctx: Ctx, db: Queryable, id: string): Promise<LinkedContact | null> {
  const params: unknown[] = [ctx.workspaceId, id];
  const scope = recordScope(ctx.actor, 'c', params);
  const { rows } = await db.query<LinkedContact>(
    `SELECT c.id, c.display_name AS "displayName" FROM contacts c WHERE c.workspace_id = $1 AND c.id = $2 AND ${scope}`,
    params,
  );
  return rows[0] ?? null;
}

/** The company if it is in the workspace and the actor may see it. */
export async function visibleCompany(ctx: Ctx, db: Queryable, id: string): Promise<{ id: string; name: string } | null> {
  const params: unknown[] = [ctx.workspaceId, id];
  const scope = recordScope(ctx.actor, 'co', params);
  const { rows } = await db.query<{ id: string; name: string }>(
    `SELECT co.id, co.name FROM companies co WHERE co.workspace_id = $1 AND co.id = $2 AND ${scope}`,
    params,
  );
  return rows[0] ?? null;
}
