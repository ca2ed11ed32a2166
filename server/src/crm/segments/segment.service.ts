/** Use cases for segments: members keep their own views and may share them; owners and admins change them. */
import { ROLE_RANK, type Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/db.js';
import { newId } from '../../platform/db/ids.js';
import { changes, recordEvents } from '../../platform/events/event.js';
import { blank, forbidden, invalid, notFound } from '../../platform/http/errors.js';
import type { ContactListQuery } from '../contacts/contact.schema.js';
import { listContacts } from '../contacts/contact.service.js';
import { filterProblems } from './segment.filters.js';
import * as repo from './segment.repo.js';
import type { CompanySegmentFilters, Segment, SegmentEntity, SegmentInput, SegmentPatch } from './segment.schema.js';

function checkFilters(entity: SegmentEntity, filters: Record<string, unknown>) {
  const problems = filterProblems(entity, filters);
  if (problems.length) throw invalid(problems);
}

/** A view is picked from a menu by its name, so one that trims to nothing is refused. */
function checkName(name: string | undefined) {
  if (name !== undefined && !name.trim()) throw invalid([blank('name')]);
}

function canEdit(ctx: Ctx, segment: Segment): boolean {
  return segment.ownerId === ctx.actor.userId || ROLE_RANK[ctx.actor.role] >= ROLE_RANK.admin || ctx.actor.kind === 'system';
}

const event = (ctx: Ctx, type: string, id: string, data: Record<string, unknown>) => ({
  workspaceId: ctx.workspaceId,
  type,
  subjectType: 'segment',
  subjectId: id,
  actorId: ctx.actor.userId,
  data,
});

export async function createSegment(ctx: Ctx, db: Db, input: SegmentInput): Promise<Segment> {
  checkName(input.name);
  checkFilters(input.entity, input.filters);
  return db.transaction(async (tx) => {
    const created = await repo.insertSegment(tx, ctx.workspaceId, {
      id: newId(),
      name: input.name.trim(),
      entity: input.entity,
      filters: input.filters,
      sort: input.sort ?? null,
      ownerId: ctx.actor.userId,
      shared: input.shared ?? false,
    });
    await recordEvents(tx, [event(ctx, 'segment.created', created.id, { after: created })]);
    return created;
  });
}

export async function getSegment(ctx: Ctx, id: string): Promise<Segment> {
  const segment = await repo.findVisibleSegment(ctx.db, ctx.workspaceId, ctx.actor.userId, id);
  if (!segment) throw notFound('Segment');
  return segment;
}

export async function listSegments(ctx: Ctx, entity?: SegmentEntity): Promise<Segment[]> {
  return repo.listVisibleSegments(ctx.db, ctx.workspaceId, ctx.actor.userId, entity);
}

export async function updateSegment(ctx: Ctx, db: Db, id: string, patch: SegmentPatch): Promise<Segment> {
  return db.transaction(async (tx) => {
    const before = await repo.findVisibleSegment(tx, ctx.workspaceId, ctx.actor.userId, id, true);
    if (!before) throw notFound('Segment');
    if (!canEdit(ctx, before)) throw forbidden('Only the owner of this view or an admin can change it');
    checkName(patch.name);
    if (patch.filters) checkFilters(before.entity, patch.filters);
    const after = await repo.updateSegment(tx, ctx.workspaceId, {
      ...before,
      name: patch.name?.trim() ?? before.name,
      filters: patch.filters ?? before.filters,
      sort: patch.sort === undefined ? before.sort : patch.sort,
      shared: patch.shared ?? before.shared,
    });
    const { updatedAt: _b, ...b } = before;
    const { updatedAt: _a, ...a } = after;
    await recordEvents(tx, [event(ctx, 'segment.changed', id, changes(b, a))]);
    return after;
  });
}

export async function deleteSegment(ctx: Ctx, db: Db, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await repo.findVisibleSegment(tx, ctx.workspaceId, ctx.actor.userId, id, true);
    if (!before) throw notFound('Segment');
    if (!canEdit(ctx, before)) throw forbidden('Only the owner of this view or an admin can delete it');
    await repo.deleteSegment(tx, ctx.workspaceId, id);
    await recordEvents(tx, [event(ctx, 'segment.deleted', id, { before })]);
  });
}

/** How many records the segment holds for this member (record access applies). */
export async function countSegment(ctx: Ctx, id: string): Promise<{ count: number }> {
  const segment = await getSegment(ctx, id);
  const count =
    segment.entity === 'contact'
      ? await repo.countContacts(ctx, segment.filters as ContactListQuery)
      : await repo.countCompanies(ctx, segment.filters as CompanySegmentFilters);
  return { count };
}

/** A page of the contacts in a contact segment, sorted as the segment says. */
export async function segmentContacts(ctx: Ctx, id: string, page: { limit?: number; cursor?: string }) {
  const segment = await getSegment(ctx, id);
  if (segment.entity !== 'contact') throw invalid([{ field: 'id', reason: 'is a segment of companies, not contacts' }]);
  const query = { ...(segment.filters as ContactListQuery), ...page } as ContactListQuery;
  if (segment.sort) query.sort = segment.sort as ContactListQuery['sort'];
  return listContacts(ctx, query);
}
