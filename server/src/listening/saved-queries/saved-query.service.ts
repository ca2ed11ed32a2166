/**
 * Use cases for saved listening queries. A query is parsed before it is saved (a broken query is
 * refused with the position and the reason); saving one, changing its text or resuming it queues
 * retroactive matching over the stored history, which for a changed text also forgets the mentions
 * of messages the new text no longer matches (those it still matches are kept, marks and all).
 */
import type { Ctx } from '../../platform/context.js';
import type { Db, Queryable } from '../../platform/db/db.js';
import { newId } from '../../platform/db/ids.js';
import { changes, recordEvents, type NewEvent } from '../../platform/events/event.js';
import { cursorNotGivenOut, decodeCursor, encodeCursor, isCursorId } from '../../platform/http/cursor.js';
import { blank, conflict, invalid, notFound, RapportError } from '../../platform/http/errors.js';
import { enqueueJob } from '../../platform/jobs/job.js';
import { lexQuery, parseQuery, type QueryWarning } from '../query/index.js';
import { backfillQueryJob } from '../mentions/backfill.job.js';
import * as repo from './saved-query.repo.js';
import type { SavedQueryInput, SavedQueryListQuery, SavedQueryPatch, SavedQueryRow } from './saved-query.schema.js';

export interface SavedQuery extends SavedQueryRow {
  warnings: QueryWarning[];
}

function event(ctx: Ctx, type: string, id: string, data: Record<string, unknown>): NewEvent {
  return { workspaceId: ctx.workspaceId, type, subjectType: 'listening_query', subjectId: id, actorId: ctx.actor.userId, data };
}

/** The query's warnings, or a 422 naming the position and the reason when it does not parse. */
function parsedOrRefused(query: string): QueryWarning[] {
  const parsed = parseQuery(query);
  if (!parsed.ok) {
    const { error } = parsed;
    throw new RapportError('invalid_query', 422, `The query is not valid at position ${error.position}: ${error.message}`, [
      { field: 'query', reason: `${error.message} (position ${error.position})` },
    ]);
  }
  return parsed.warnings;
}

const withWarnings = (row: SavedQueryRow): SavedQuery => {
  const parsed = parseQuery(row.query);
  return { ...row, warnings: parsed.warnings };
};

async function checkName(ctx: Ctx, db: Queryable, name: string, id: string | null): Promise<void> {
  // The schema counts characters; a name of spaces only is stored trimmed, so it is empty.
  if (!name) throw invalid([blank('name')]);
  if (await repo.nameTaken(db, ctx.workspaceId, name, id)) throw conflict('name_taken', `Another query is already named ${name}`);
}

async function queueBackfill(tx: Queryable, ctx: Ctx, row: SavedQueryRow, textChanged = false): Promise<void> {
  await enqueueJob(
    tx,
    backfillQueryJob,
    { queryId: row.id, updatedAt: row.updatedAt.toISOString(), query: row.query, ...(textChanged ? { forgetUnmatched: true } : {}) },
    { workspaceId: ctx.workspaceId, uniqueKey: `listening.backfill:${row.id}:${row.updatedAt.toISOString()}` },
  );
}

export function checkQuery(query: string) {
  const parsed = parseQuery(query);
  const tokens = lexQuery(query).map(({ kind, start, end }) => ({ kind, start, end }));
  if (parsed.ok) return { ok: true, warnings: parsed.warnings, tokens };
  return { ok: false, error: parsed.error, warnings: parsed.warnings, tokens };
}

export async function createSavedQuery(ctx: Ctx, db: Db, input: SavedQueryInput): Promise<SavedQuery> {
  const warnings = parsedOrRefused(input.query);
  return db.transaction(async (tx) => {
    const now = new Date();
    const row: SavedQueryRow = {
      id: newId(),
      name: input.name.trim(),
      query: input.query,
      kind: input.kind,
      isActive: input.isActive ?? true,
      backfilledAt: null,
      createdBy: ctx.actor.userId,
      createdAt: now,
      updatedAt: now,
    };
    await checkName(ctx, tx, row.name, null);
    await repo.insertSavedQuery(tx, ctx.workspaceId, row);
    // A paused query hears nothing, not even its history, until it is resumed.
    if (row.isActive) await queueBackfill(tx, ctx, row);
    await recordEvents(tx, [event(ctx, 'listening_query.created', row.id, { after: row })]);
    return { ...row, warnings };
  });
}

export async function getSavedQuery(ctx: Ctx, id: string): Promise<SavedQuery> {
  const row = await repo.findSavedQuery(ctx.db, ctx.workspaceId, id);
  if (!row) throw notFound('Query');
  return withWarnings(row);
}

export async function listSavedQueries(ctx: Ctx, query: SavedQueryListQuery) {
  const limit = query.limit ?? 50;
  const after = decodeCursor(query.cursor);
  if (after && (typeof after.v !== 'string' || !isCursorId(after.id))) throw cursorNotGivenOut();
  const result = await repo.listSavedQueries(
    ctx.db,
    ctx.workspaceId,
    { kind: query.kind, active: query.active },
    after ? { name: String(after.v), id: after.id } : null,
    limit,
  );
  const last = result.rows.at(-1);
  return { data: result.rows.map(withWarnings), nextCursor: result.hasMore && last ? encodeCursor({ v: last.name, id: last.id }) : null };
}

export async function updateSavedQuery(ctx: Ctx, db: Db, id: string, patch: SavedQueryPatch): Promise<SavedQuery> {
  const warnings = patch.query === undefined ? null : parsedOrRefused(patch.query);
  return db.transaction(async (tx) => {
    const before = await repo.findSavedQuery(tx, ctx.workspaceId, id);
    if (!before) throw notFound('Query');
    const rematch = patch.query !== undefined && patch.query !== before.query;
    const resumed = patch.isActive === true && !before.isActive;
    const after: SavedQueryRow = {
      ...before,
      name: patch.name?.trim() ?? before.name,
      query: patch.query ?? before.query,
      kind: patch.kind ?? before.kind,
      isActive: patch.isActive ?? before.isActive,
      backfilledAt: rematch || resumed ? null : before.backfilledAt,
      updatedAt: new Date(),
    };
    await checkName(ctx, tx, after.name, id);
    await repo.updateSavedQuery(tx, ctx.workspaceId, after);
    // A paused query missed what arrived meanwhile; matching the history again fills the gap (duplicates are ignored).
    // A changed text is matched again even while paused: the mentions the old text left must be brought in line with it.
    if (rematch || resumed) await queueBackfill(tx, ctx, after, rematch);
    const { updatedAt: _b, ...b } = before;
    const { updatedAt: _a, ...a } = after;
    await recordEvents(tx, [event(ctx, 'listening_query.updated', id, changes(b, a))]);
    return { ...after, warnings: warnings ?? parseQuery(after.query).warnings };
  });
}

export async function deleteSavedQuery(ctx: Ctx, db: Db, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await repo.findSavedQuery(tx, ctx.workspaceId, id);
    if (!before) throw notFound('Query');
    await repo.deleteSavedQuery(tx, ctx.workspaceId, id);
    await recordEvents(tx, [event(ctx, 'listening_query.deleted', id, { before })]);
  });
}
