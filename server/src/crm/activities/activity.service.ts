/** Use cases for the timeline: logging notes, calls, meetings and e-mails, and reading timelines. */
import { ROLE_RANK, type Ctx } from '../../platform/context.js';
import type { Db, Queryable } from '../../platform/db/db.js';
import { newId } from '../../platform/db/ids.js';
import { changes, recordEvents } from '../../platform/events/event.js';
import { encodeCursor } from '../../platform/http/cursor.js';
import { RapportError, forbidden, invalid, notFound, type FieldProblem } from '../../platform/http/errors.js';
import { instantProblem } from '../shared/instants.js';
import { decodeListCursor } from '../shared/list-cursor.js';
import * as repo from './activity.repo.js';
import type { Activity, ActivityInput, ActivityListQuery, ActivityPatch, LoggedType } from './activity.schema.js';
import { LOGGED_TYPES } from './activity.schema.js';

export interface Links {
  contactId?: string | null;
  companyId?: string | null;
}

/**
 * The contact and company an entry names must exist in this workspace and be visible to the
 * actor. Both cases get the same answer, so a limited member cannot probe for records.
 */
export async function checkLinks(ctx: Ctx, db: Queryable, links: Links): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  if (links.contactId && !(await repo.visibleContact(ctx, db, links.contactId))) {
    problems.push({ field: 'contactId', reason: 'is not a contact of this workspace' });
  }
  if (links.companyId && !(await repo.visibleCompany(ctx, db, links.companyId))) {
    problems.push({ field: 'companyId', reason: 'is not a company of this workspace' });
  }
  return problems;
}

interface Shape {
  type: LoggedType;
  subject: string;
  body: string;
  durationMinutes: number | null;
  direction: 'in' | 'out' | null;
  contactId: string | null;
  companyId: string | null;
}

/** Rules that depend on the kind of entry. */
function checkShape(entry: Shape): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!entry.contactId && !entry.companyId) {
    problems.push({ field: 'contactId', reason: 'an activity needs a contactId or a companyId' });
  }
  if (entry.type === 'note' && !entry.subject.trim() && !entry.body.trim()) {
    problems.push({ field: 'body', reason: 'a note needs a subject or a body' });
  }
  if (entry.direction !== null && entry.type !== 'call' && entry.type !== 'email') {
    problems.push({ field: 'direction', reason: 'only calls and e-mails have a direction' });
  }
  if (entry.durationMinutes !== null && entry.type !== 'call' && entry.type !== 'meeting') {
    problems.push({ field: 'durationMinutes', reason: 'only calls and meetings have a duration' });
  }
  return problems;
}

function eventView(activity: Activity) {
  const { authorName: _author, assigneeName: _assignee, ...rest } = activity;
  return rest;
}

export async function logActivity(ctx: Ctx, db: Db, input: ActivityInput): Promise<Activity> {
  const when = instantProblem('occurredAt', input.occurredAt);
  if (when) throw invalid([when]);
  return db.transaction(async (tx) => {
    const now = new Date();
    const row: repo.ActivityRow = {
      id: newId(),
      type: input.type,
      contactId: input.contactId ?? null,
      companyId: input.companyId ?? null,
      subject: (input.subject ?? '').trim(),
      body: input.body ?? '',
      occurredAt: input.occurredAt ? new Date(input.occurredAt) : now,
      durationMinutes: input.durationMinutes ?? null,
      direction: input.direction ?? null,
      authorId: ctx.actor.userId,
      dueAt: null,
      assigneeId: null,
      doneAt: null,
      remindedAt: null,
      systemEvent: null,
      data: {},
      createdAt: now,
      updatedAt: now,
    };
    const problems = [...checkShape({ ...row, type: input.type }), ...(await checkLinks(ctx, tx, row))];
    if (problems.length) throw invalid(problems);
    await repo.insertActivity(tx, ctx.workspaceId, row);
    const created = (await repo.findActivity(ctx, row.id, tx))!;
    await recordEvents(tx, [
      {
        workspaceId: ctx.workspaceId,
        type: 'activity.created',
        subjectType: 'activity',
        subjectId: row.id,
        actorId: ctx.actor.userId,
        data: { after: eventView(created) },
      },
    ]);
    return created;
  });
}

export async function getActivity(ctx: Ctx, id: string): Promise<Activity> {
  const activity = await repo.findActivity(ctx, id);
  if (!activity) throw notFound('Activity');
  return activity;
}

/**
 * Finds an entry the actor may change here. Tasks change through /tasks and system entries not at
 * all (they record what happened); notes are their author's words, so only the author or an
 * admin may change them.
 */
async function findChangeable(ctx: Ctx, tx: Queryable, id: string): Promise<repo.ActivityRow & { type: LoggedType }> {
  const row = await repo.findActivityRow(ctx, id, tx, true);
  if (!row) throw notFound('Activity');
  if (row.type === 'task') throw new RapportError('use_tasks_api', 409, 'This is a task; change it through /api/v1/tasks');
  if (!(LOGGED_TYPES as readonly string[]).includes(row.type)) throw forbidden('System entries cannot be changed');
  if (row.type === 'note' && row.authorId !== ctx.actor.userId && ROLE_RANK[ctx.actor.role] < ROLE_RANK.admin) {
    throw forbidden('Only its author or an admin may change a note');
  }
  return row as repo.ActivityRow & { type: LoggedType };
}

export async function changeActivity(ctx: Ctx, db: Db, id: string, patch: ActivityPatch): Promise<Activity> {
  const when = instantProblem('occurredAt', patch.occurredAt);
  if (when) throw invalid([when]);
  return db.transaction(async (tx) => {
    const current = await findChangeable(ctx, tx, id);
    const before = (await repo.findActivity(ctx, id, tx))!;
    const row: typeof current = {
      ...current,
      subject: patch.subject === undefined ? current.subject : patch.subject.trim(),
      body: patch.body ?? current.body,
      occurredAt: patch.occurredAt ? new Date(patch.occurredAt) : current.occurredAt,
      durationMinutes: patch.durationMinutes === undefined ? current.durationMinutes : patch.durationMinutes,
      direction: patch.direction === undefined ? current.direction : patch.direction,
      contactId: patch.contactId === undefined ? current.contactId : patch.contactId,
      companyId: patch.companyId === undefined ? current.companyId : patch.companyId,
      updatedAt: new Date(),
    };
    // Only links the patch sets are checked: keeping an entry where it is needs no new access.
    const problems = [...checkShape(row), ...(await checkLinks(ctx, tx, { contactId: patch.contactId, companyId: patch.companyId }))];
    if (problems.length) throw invalid(problems);
    await repo.updateActivityRow(tx, ctx.workspaceId, row);
    const after = await repo.findActivity(ctx, id, tx);
    // Moving a note to a contact the actor cannot see is refused above, so `after` is visible.
    const { updatedAt: _b, ...beforeFields } = eventView(before);
    const { updatedAt: _a, ...afterFields } = eventView(after!);
    await recordEvents(tx, [
      {
        workspaceId: ctx.workspaceId,
        type: 'activity.updated',
        subjectType: 'activity',
        subjectId: id,
        actorId: ctx.actor.userId,
        data: changes(beforeFields, afterFields),
      },
    ]);
    return after!;
  });
}

export async function deleteActivity(ctx: Ctx, db: Db, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    await findChangeable(ctx, tx, id);
    const before = (await repo.findActivity(ctx, id, tx))!;
    await repo.deleteActivityRow(tx, ctx.workspaceId, id);
    await recordEvents(tx, [
      {
        workspaceId: ctx.workspaceId,
        type: 'activity.deleted',
        subjectType: 'activity',
        subjectId: id,
        actorId: ctx.actor.userId,
        data: { before: eventView(before) },
      },
    ]);
  });
}

export async function listActivities(ctx: Ctx, query: ActivityListQuery) {
  if (query.contactId && query.companyId) {
    throw invalid([{ field: 'companyId', reason: 'give contactId or companyId, not both' }]);
  }
  // A timeline of a record the actor cannot see is "not found", not an empty list.
  if (query.contactId && !(await repo.visibleContact(ctx, ctx.db, query.contactId))) throw notFound('Contact');
  if (query.companyId && !(await repo.visibleCompany(ctx, ctx.db, query.companyId))) throw notFound('Company');
  const limit = query.limit ?? 50;
  const result = await repo.listTimeline(ctx, query, decodeListCursor(query.cursor, 'instant'), limit);
  const last = result.rows[result.rows.length - 1];
  return {
    data: result.rows,
    nextCursor: result.hasMore && last ? encodeCursor({ v: new Date(last.occurredAt).toISOString(), id: last.id }) : null,
  };
}
