/** All SQL for segments. Every statement is scoped by workspace; reads by what the member may see. */
import type { Ctx } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/db.js';
import { nameKey } from '../../platform/db/name-order.js';
import type { ContactListQuery } from '../contacts/contact.schema.js';
import { contactFilters } from '../contacts/contact.repo.js';
import { isSearch, searchWithFallback, type SearchMode } from '../shared/search-text.js';
import { companyFilters } from './company-filters.repo.js';
import type { CompanySegmentFilters, Segment, SegmentEntity } from './segment.schema.js';

const VIEW = `id, name, entity, filters, sort, owner_id AS "ownerId", shared, created_at AS "createdAt", updated_at AS "updatedAt"`;

export interface SegmentRow {
  id: string;
  name: string;
  entity: SegmentEntity;
  filters: Record<string, unknown>;
  sort: string | null;
  ownerId: string | null;
  shared: boolean;
}

export async function insertSegment(db: Queryable, workspaceId: string, row: SegmentRow): Promise<Segment> {
  const { rows } = await db.query<Segment>(
    `INSERT INTO segments (workspace_id, id, name, entity, filters, sort, owner_id, shared)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8) RETURNING ${VIEW}`,
    [workspaceId, row.id, row.name, row.entity, JSON.stringify(row.filters), row.sort, row.ownerId, row.shared],
  );
  return rows[0]!;
}

export async function updateSegment(db: Queryable, workspaceId: string, row: SegmentRow): Promise<Segment> {
  const { rows } = await db.query<Segment>(
    `UPDATE segments SET name = $3, filters = $4::jsonb, sort = $5, shared = $6, updated_at = now()
      WHERE workspace_id = $1 AND id = $2 RETURNING ${VIEW}`,
    [workspaceId, row.id, row.name, JSON.stringify(row.filters), row.sort, row.shared],
  );
  return rows[0]!;
}

export async function deleteSegment(db: Queryable, workspaceId: string, id: string): Promise<void> {
  await db.query('DELETE FROM segments WHERE workspace_id = $1 AND id = $2', [workspaceId, id]);
}

/** A segment the member owns or that is shared; null otherwise. */
export async function findVisibleSegment(db: Queryable, workspaceId: string, userId: string | null, id: string, forUpdate = false) {
  const { rows } = await db.query<Segment>(
    `SELECT ${VIEW} FROM segments WHERE workspace_id = $1 AND id = $2 AND (shared OR owner_id = $3 OR $3::uuid IS NULL)
     ${forUpdate ? 'FOR UPDATE' : ''}`,
    [workspaceId, id, userId],
  );
  return rows[0] ?? null;
}

export async function listVisibleSegments(db: Queryable, workspaceId: string, userId: string | null, entity?: SegmentEntity) {
  const { rows } = await db.query<Segment>(
    `SELECT ${VIEW} FROM segments
      WHERE workspace_id = $1 AND (shared OR owner_id = $2 OR $2::uuid IS NULL) AND ($3::text IS NULL OR entity = $3)
      ORDER BY ${nameKey('name')}, id`,
    [workspaceId, userId, entity ?? null],
  );
  return rows;
}

/** How many records `count` finds; with a search, the ones the list shows (see searchWithFallback). */
function countMatches(
  ctx: Ctx,
  q: string | undefined,
  count: (mode: SearchMode | null, db: Queryable) => Promise<number>,
): Promise<number> {
  return isSearch(q) ? searchWithFallback(ctx.db, count, (found) => found > 0) : count(null, ctx.db);
}

export function countContacts(ctx: Ctx, filters: ContactListQuery): Promise<number> {
  return countMatches(ctx, filters.q, async (mode, db) => {
    const params: unknown[] = [];
    const { where } = contactFilters(ctx, filters, params, mode);
    const { rows } = await db.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM contacts c WHERE ${where.join(' AND ')}`,
      params,
    );
    return rows[0]?.count ?? 0;
  });
}

export function countCompanies(ctx: Ctx, filters: CompanySegmentFilters): Promise<number> {
  return countMatches(ctx, filters.q, async (mode, db) => {
    const params: unknown[] = [];
    const { where } = companyFilters(ctx, filters, params, mode);
    const { rows } = await db.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM companies co WHERE ${where.join(' AND ')}`,
      params,
    );
    return rows[0]?.count ?? 0;
  });
}
