/** SQL for reading tasks (they are rows of `activities`; writes go through activity.repo). */
import { sqlLimit } from '../../platform/db/limit.js';
import type { Ctx } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/db.js';
import { activityScope } from '../activities/activity.repo.js';
import type { Task, TaskListQuery, TaskSort } from './task.schema.js';

const SELECT = `a.id, a.subject AS title, a.body AS notes, a.due_at AS "dueAt", a.assignee_id AS "assigneeId", asg.name AS "assigneeName",
  a.contact_id AS "contactId", c.display_name AS "contactName", a.company_id AS "companyId", co.name AS "companyName",
  a.done_at IS NOT NULL AS done, a.done_at AS "doneAt", a.created_at AS "createdAt", a.updated_at AS "updatedAt"`;

const FROM = `activities a
  LEFT JOIN users asg ON asg.id = a.assignee_id
  LEFT JOIN contacts c ON c.workspace_id = a.workspace_id AND c.id = a.contact_id
  LEFT JOIN companies co ON co.workspace_id = a.workspace_id AND co.id = a.company_id`;

export async function findTask(ctx: Ctx, id: string, db: Queryable = ctx.db): Promise<Task | null> {
  const params: unknown[] = [ctx.workspaceId, id];
  const scope = activityScope(ctx.actor, 'a', params);
  const { rows } = await db.query<Task>(
    `SELECT ${SELECT} FROM ${FROM} WHERE a.workspace_id = $1 AND a.id = $2 AND a.type = 'task' AND ${scope}`,
    params,
  );
  return rows[0] ?? null;
}

/** Tasks without a due date (or not done, by completion) sort after every other one, in both directions. */
const SORTS: Record<TaskSort, { expr: string; descending: boolean }> = {
  dueAt: { expr: `COALESCE(a.due_at, 'infinity'::timestamptz)`, descending: false },
  '-dueAt': { expr: `COALESCE(a.due_at, '-infinity'::timestamptz)`, descending: true },
  createdAt: { expr: 'a.created_at', descending: false },
  '-createdAt': { expr: 'a.created_at', descending: true },
  doneAt: { expr: `COALESCE(a.done_at, 'infinity'::timestamptz)`, descending: false },
  '-doneAt': { expr: `COALESCE(a.done_at, '-infinity'::timestamptz)`, descending: true },
};

/** The cursor value of a task under `sort`, matching the SQL sort expression. */
export function sortValueOf(sort: TaskSort, task: Task): string {
  const key = sort.replace('-', '') as 'dueAt' | 'createdAt' | 'doneAt';
  const value = task[key];
  if (value === null) return sort.startsWith('-') ? '-infinity' : 'infinity';
  return new Date(value).toISOString();
}

/** Done tasks are read most recently completed first, as every to-do app lists them; others soonest due first. */
export function defaultTaskSort(status: TaskListQuery['status']): TaskSort {
  return status === 'done' ? '-doneAt' : 'dueAt';
}

/** The list's filters with `me` and the due window resolved: an assignee id, and instants. */
export type TaskListFilters = Omit<TaskListQuery, 'assigneeId' | 'due' | 'tz'> & {
  /** A member's id, or null for tasks nobody was given. */
  assigneeId?: string | null;
  /** Due in [from, to), either end open; `none`: no due date. */
  due?: { from: Date | null; to: Date | null; openOnly: boolean } | 'none';
};

export async function listTasks(
  ctx: Ctx,
  query: TaskListFilters,
  after: { v: string | number | null; id: string } | null,
  limit: number,
): Promise<{ rows: Task[]; hasMore: boolean }> {
  const params: unknown[] = [ctx.workspaceId];
  const where = [`a.workspace_id = $1`, `a.type = 'task'`, activityScope(ctx.actor, 'a', params)];
  const status = query.status ?? 'open';
  if (status !== 'all') where.push(status === 'open' ? 'a.done_at IS NULL' : 'a.done_at IS NOT NULL');
  if (query.assigneeId === null) where.push('a.assignee_id IS NULL');
  else if (query.assigneeId) {
    params.push(query.assigneeId);
    where.push(`a.assignee_id = $${params.length}`);
  }
  if (query.due === 'none') where.push('a.due_at IS NULL');
  else if (query.due) {
    params.push(query.due.from, query.due.to);
    where.push(
      `a.due_at >= COALESCE($${params.length - 1}::timestamptz, '-infinity') AND a.due_at < COALESCE($${params.length}::timestamptz, 'infinity')`,
    );
    if (query.due.openOnly) where.push('a.done_at IS NULL');
  }
  if (query.contactId) {
    params.push(query.contactId);
    where.push(`a.contact_id = $${params.length}`);
  }
  if (query.companyId) {
    params.push(query.companyId);
    const company = `$${params.length}`;
    where.push(
      `(a.company_id = ${company} OR a.contact_id IN (SELECT k.id FROM contacts k WHERE k.workspace_id = $1 AND k.company_id = ${company}))`,
    );
  }
  if (query.dueBefore) {
    params.push(new Date(query.dueBefore));
    where.push(`a.due_at < $${params.length}`);
  }
  if (query.dueAfter) {
    params.push(new Date(query.dueAfter));
    where.push(`a.due_at >= $${params.length}`);
  }
  const sort = SORTS[query.sort ?? defaultTaskSort(status)];
  if (after) {
    params.push(after.v, after.id);
    where.push(`(${sort.expr}, a.id) ${sort.descending ? '<' : '>'} ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
  }
  const direction = sort.descending ? 'DESC' : 'ASC';
  const { rows } = await ctx.db.query<Task>(
    `SELECT ${SELECT} FROM ${FROM} WHERE ${where.join(' AND ')}
      ORDER BY ${sort.expr} ${direction}, a.id ${direction} ${sqlLimit(limit + 1)}`,
    params,
  );
  return { rows: rows.slice(0, limit), hasMore: rows.length > limit };
}

/** Open tasks assigned to `userId` due in [from, to) (either end may be open), soonest first. */
export async function openTasksDue(
  ctx: Ctx,
  userId: string,
  range: { from: Date | null; to: Date | null },
  limit: number,
): Promise<Task[]> {
  const { rows } = await ctx.db.query<Task>(
    `SELECT ${SELECT} FROM ${FROM}
      WHERE a.workspace_id = $1 AND a.assignee_id = $2 AND a.type = 'task' AND a.done_at IS NULL
        AND a.due_at >= COALESCE($3::timestamptz, '-infinity') AND a.due_at < COALESCE($4::timestamptz, 'infinity')
      ORDER BY a.due_at, a.id ${sqlLimit(limit)}`,
    [ctx.workspaceId, userId, range.from, range.to],
  );
  return rows;
}
