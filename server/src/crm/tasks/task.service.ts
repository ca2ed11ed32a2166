/** Use cases for tasks: to-dos with a due date and an assignee, optionally about a contact or company. */
import type { Ctx } from '../../platform/context.js';
import type { Db, Queryable } from '../../platform/db/db.js';
import { newId } from '../../platform/db/ids.js';
import { changes, recordEvents, type NewEvent } from '../../platform/events/event.js';
import { blank, type FieldProblem, invalid, notFound } from '../../platform/http/errors.js';
import { memberExists } from '../contacts/contact.repo.js';
import { instantProblem } from '../shared/instants.js';
import { decodeSortedCursor, sortedCursor } from '../shared/list-cursor.js';
import { findActivityRow, insertActivity, updateActivityRow, deleteActivityRow, type ActivityRow } from '../activities/activity.repo.js';
import { checkLinks } from '../activities/activity.service.js';
import { isTimeZone } from '../reminders/time-zone.js';
import { dueWindow } from './task-due.js';
import * as repo from './task.repo.js';
import type { Task, TaskInput, TaskListQuery, TaskPatch } from './task.schema.js';

async function checkTask(
  ctx: Ctx,
  db: Queryable,
  row: ActivityRow,
  changed: { assigneeId?: string | null; contactId?: string | null; companyId?: string | null },
): Promise<void> {
  const problems: FieldProblem[] = [];
  if (!row.subject) problems.push(blank('title'));
  const assignee = changed.assigneeId;
  if (assignee && assignee !== ctx.actor.userId && !(await memberExists(db, ctx.workspaceId, assignee))) {
    problems.push({ field: 'assigneeId', reason: 'is not a member of this workspace' });
  }
  problems.push(...(await checkLinks(ctx, db, changed)));
  if (problems.length) throw invalid(problems);
}

function event(ctx: Ctx, type: string, id: string, data: Record<string, unknown>): NewEvent {
  return { workspaceId: ctx.workspaceId, type, subjectType: 'task', subjectId: id, actorId: ctx.actor.userId, data };
}

export async function createTask(ctx: Ctx, db: Db, input: TaskInput): Promise<Task> {
  const due = instantProblem('dueAt', input.dueAt);
  if (due) throw invalid([due]);
  return db.transaction(async (tx) => {
    const now = new Date();
    const row: ActivityRow = {
      id: newId(),
      type: 'task',
      contactId: input.contactId ?? null,
      companyId: input.companyId ?? null,
      subject: input.title.trim(),
      body: input.notes ?? '',
      // On the timeline a task sits where it was set.
      occurredAt: now,
      durationMinutes: null,
      direction: null,
      authorId: ctx.actor.userId,
      dueAt: input.dueAt ? new Date(input.dueAt) : null,
      assigneeId: input.assigneeId === undefined ? ctx.actor.userId : input.assigneeId,
      doneAt: null,
      remindedAt: null,
      systemEvent: null,
      data: {},
      createdAt: now,
      updatedAt: now,
    };
    await checkTask(ctx, tx, row, { assigneeId: row.assigneeId, contactId: row.contactId, companyId: row.companyId });
    await insertActivity(tx, ctx.workspaceId, row);
    const created = (await repo.findTask(ctx, row.id, tx))!;
    await recordEvents(tx, [event(ctx, 'task.created', row.id, { after: created })]);
    return created;
  });
}

export async function getTask(ctx: Ctx, id: string): Promise<Task> {
  const task = await repo.findTask(ctx, id);
  if (!task) throw notFound('Task');
  return task;
}

async function findTaskRow(ctx: Ctx, tx: Queryable, id: string): Promise<ActivityRow> {
  const row = await findActivityRow(ctx, id, tx, true);
  if (!row || row.type !== 'task') throw notFound('Task');
  return row;
}

export async function updateTask(ctx: Ctx, db: Db, id: string, patch: TaskPatch): Promise<Task> {
  const due = instantProblem('dueAt', patch.dueAt);
  if (due) throw invalid([due]);
  return db.transaction(async (tx) => {
    const current = await findTaskRow(ctx, tx, id);
    const before = (await repo.findTask(ctx, id, tx))!;
    const now = new Date();
    const dueAt = patch.dueAt === undefined ? current.dueAt : patch.dueAt === null ? null : new Date(patch.dueAt);
    const dueChanged = (dueAt?.getTime() ?? null) !== (current.dueAt ? new Date(current.dueAt).getTime() : null);
    const row: ActivityRow = {
      ...current,
      subject: patch.title === undefined ? current.subject : patch.title.trim(),
      body: patch.notes ?? current.body,
      dueAt,
      assigneeId: patch.assigneeId === undefined ? current.assigneeId : patch.assigneeId,
      contactId: patch.contactId === undefined ? current.contactId : patch.contactId,
      companyId: patch.companyId === undefined ? current.companyId : patch.companyId,
      doneAt: patch.done === undefined ? current.doneAt : patch.done ? (current.doneAt ?? now) : null,
      // A new due date earns a new reminder.
      remindedAt: dueChanged ? null : current.remindedAt,
      updatedAt: now,
    };
    await checkTask(ctx, tx, row, { assigneeId: patch.assigneeId, contactId: patch.contactId, companyId: patch.companyId });
    await updateActivityRow(tx, ctx.workspaceId, row);
    // Reassigning a task away from a limited member can take it out of their sight; report the change anyway.
    const after = (await repo.findTask({ ...ctx, actor: { ...ctx.actor, recordScope: 'all' } }, id, tx))!;
    const { updatedAt: _b, ...beforeFields } = before;
    const { updatedAt: _a, ...afterFields } = after;
    const events = [event(ctx, 'task.updated', id, changes(beforeFields, afterFields))];
    if (!before.done && after.done) events.push(event(ctx, 'task.completed', id, { after: { done: true, doneAt: after.doneAt } }));
    await recordEvents(tx, events);
    return after;
  });
}

export async function deleteTask(ctx: Ctx, db: Db, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    await findTaskRow(ctx, tx, id);
    const before = (await repo.findTask(ctx, id, tx))!;
    await deleteActivityRow(tx, ctx.workspaceId, id);
    await recordEvents(tx, [event(ctx, 'task.deleted', id, { before })]);
  });
}

/** The list's filters as the repo takes them: `me` as the caller, the due window as instants. */
function listFilters(ctx: Ctx, query: TaskListQuery, now: Date): repo.TaskListFilters {
  const { assigneeId, due, tz = 'UTC', ...rest } = query;
  const problems: FieldProblem[] = [];
  if (!isTimeZone(tz)) problems.push({ field: 'tz', reason: 'is not a time zone; use an IANA name such as Europe/Berlin' });
  const me = ctx.actor.userId;
  if (assigneeId === 'me' && !me) problems.push({ field: 'assigneeId', reason: 'cannot be "me": this caller is no member' });
  if (problems.length) throw invalid(problems);
  return {
    ...rest,
    ...(assigneeId === undefined ? {} : { assigneeId: assigneeId === 'unassigned' ? null : assigneeId === 'me' ? me : assigneeId }),
    ...(due ? { due: dueWindow(due, tz, now) } : {}),
  };
}

export async function listTasks(ctx: Ctx, query: TaskListQuery) {
  const limit = query.limit ?? 50;
  const sort = query.sort ?? repo.defaultTaskSort(query.status);
  const result = await repo.listTasks(ctx, listFilters(ctx, query, new Date()), decodeSortedCursor(query.cursor, sort, 'instant'), limit);
  const last = result.rows[result.rows.length - 1];
  return {
    data: result.rows,
    nextCursor: result.hasMore && last ? sortedCursor(sort, { v: repo.sortValueOf(sort, last), id: last.id }) : null,
  };
}
