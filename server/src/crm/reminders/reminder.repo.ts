/** SQL for reminders: tasks that fell due, and contacts with important dates on given days. */
import type { Ctx } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/db.js';
import { recordScope } from '../shared/record-access.js';

export interface DueTask {
  workspaceId: string;
  id: string;
  title: string;
  dueAt: Date;
  assigneeId: string | null;
  contactName: string | null;
  /** A task can outlive its assignee's membership; nobody is reminded then. */
  assigneeIsMember: boolean;
}

/** Open tasks in any workspace that fell due by `now` and were not reminded of yet, earliest first. */
export async function dueTasks(db: Queryable, now: Date, limit: number): Promise<DueTask[]> {
  const { rows } = await db.query<DueTask>(
    `SELECT a.workspace_id AS "workspaceId", a.id, a.subject AS title, a.due_at AS "dueAt", a.assignee_id AS "assigneeId",
            c.display_name AS "contactName",
            EXISTS (SELECT 1 FROM memberships m WHERE m.workspace_id = a.workspace_id AND m.user_id = a.assignee_id) AS "assigneeIsMember"
       FROM activities a
       LEFT JOIN contacts c ON c.workspace_id = a.workspace_id AND c.id = a.contact_id
      WHERE a.type = 'task' AND a.done_at IS NULL AND a.reminded_at IS NULL AND a.due_at IS NOT NULL AND a.due_at <= $1
      ORDER BY a.due_at LIMIT $2`,
    [now, limit],
  );
  return rows;
}

/** Marks the reminder sent, unless the due date moved meanwhile (the new one earns its own). */
export async function markReminded(db: Queryable, task: DueTask, at: Date): Promise<void> {
  await db.query(
    `UPDATE activities SET reminded_at = $4
      WHERE workspace_id = $1 AND id = $2 AND due_at = $3 AND reminded_at IS NULL`,
    [task.workspaceId, task.id, task.dueAt, at],
  );
}

export interface ContactDates {
  workspaceId: string;
  id: string;
  displayName: string;
  ownerId: string | null;
  importantDates: { kind: string; date: string; label?: string }[];
}

const HAS_DATE_ON = (param: string) => `CASE WHEN jsonb_typeof(c.important_dates) = 'array' THEN EXISTS (
    SELECT 1 FROM jsonb_array_elements(c.important_dates) d WHERE substr(d->>'date', 6) = ANY(${param}::text[])) ELSE false END`;

/** Contacts in any workspace, with an owner who is still a member, having a date on one of `monthDays` ('MM-DD'). */
export async function ownedContactsWithDatesOn(db: Queryable, monthDays: readonly string[]): Promise<ContactDates[]> {
  const { rows } = await db.query<ContactDates>(
    `SELECT c.workspace_id AS "workspaceId", c.id, c.display_name AS "displayName", c.owner_id AS "ownerId",
            c.important_dates AS "importantDates"
       FROM contacts c
      WHERE c.important_dates <> '[]'::jsonb AND c.owner_id IS NOT NULL AND ${HAS_DATE_ON('$1')}
        AND EXISTS (SELECT 1 FROM memberships m WHERE m.workspace_id = c.workspace_id AND m.user_id = c.owner_id)`,
    [monthDays],
  );
  return rows;
}

/** Contacts the actor may see with a date on one of `monthDays`. */
export async function visibleContactsWithDatesOn(ctx: Ctx, monthDays: readonly string[]): Promise<ContactDates[]> {
  const params: unknown[] = [ctx.workspaceId, monthDays];
  const scope = recordScope(ctx.actor, 'c', params);
  const { rows } = await ctx.db.query<ContactDates>(
    `SELECT c.workspace_id AS "workspaceId", c.id, c.display_name AS "displayName", c.owner_id AS "ownerId",
            c.important_dates AS "importantDates"
       FROM contacts c WHERE c.workspace_id = $1 AND c.important_dates <> '[]'::jsonb AND ${HAS_DATE_ON('$2')} AND ${scope}`,
    params,
  );
  return rows;
}
