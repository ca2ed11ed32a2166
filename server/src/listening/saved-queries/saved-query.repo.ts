/** SQL for saved listening queries. */
import type { Queryable } from '../../platform/db/db.js';
import { nameKey } from '../../platform/db/name-order.js';
import type { QueryKind, SavedQueryRow } from './saved-query.schema.js';

const SELECT = `id, name, query, kind, is_active AS "isActive", backfilled_at AS "backfilledAt", created_by AS "createdBy",
  created_at AS "createdAt", updated_at AS "updatedAt"`;

export async function findSavedQuery(db: Queryable, workspaceId: string, id: string): Promise<SavedQueryRow | null> {
  const { rows } = await db.query<SavedQueryRow>(`SELECT ${SELECT} FROM listening_queries WHERE workspace_id = $1 AND id = $2`, [
    workspaceId,
    id,
  ]);
  return rows[0] ?? null;
}

export async function nameTaken(db: Queryable, workspaceId: string, name: string, exceptId: string | null): Promise<boolean> {
  const { rows } = await db.query(
    'SELECT 1 FROM listening_queries WHERE workspace_id = $1 AND lower(name) = lower($2) AND id IS DISTINCT FROM $3',
    [workspaceId, name, exceptId],
  );
  return rows.length > 0;
}

/** Ordered by name as people read names (`nameKey`); the keyset is (the name's key, id), the key as `toLowerCase` makes it. */
export async function listSavedQueries(
  db: Queryable,
  workspaceId: string,
  filter: { kind?: QueryKind; active?: boolean },
  after: { name: string; id: string } | null,
  limit: number,
): Promise<{ rows: SavedQueryRow[]; hasMore: boolean }> {
  const { rows } = await db.query<SavedQueryRow>(
    `SELECT ${SELECT} FROM listening_queries
      WHERE workspace_id = $1 AND ($2::text IS NULL OR kind = $2) AND ($3::boolean IS NULL OR is_active = $3)
        AND ($4::text IS NULL OR (${nameKey('name')}, id) > ($4, $5::uuid))
      ORDER BY ${nameKey('name')}, id LIMIT $6`,
    [workspaceId, filter.kind ?? null, filter.active ?? null, after?.name.toLowerCase() ?? null, after?.id ?? null, limit + 1],
  );
  return { rows: rows.slice(0, limit), hasMore: rows.length > limit };
}

export async function activeQueries(
  db: Queryable,
  workspaceId: string,
): Promise<Pick<SavedQueryRow, 'id' | 'query' | 'kind' | 'updatedAt'>[]> {
  const { rows } = await db.query<Pick<SavedQueryRow, 'id' | 'query' | 'kind' | 'updatedAt'>>(
    `SELECT id, query, kind, updated_at AS "updatedAt" FROM listening_queries WHERE workspace_id = $1 AND is_active ORDER BY id`,
    [workspaceId],
  );
  return rows;
}

/** Changes whenever a query is added, changed, paused or removed: the cache key of a workspace's compiled index. */
export async function queriesVersion(db: Queryable, workspaceId: string): Promise<string> {
  const { rows } = await db.query<{ version: string }>(
    `SELECT count(*)::text || ':' || coalesce(max(updated_at)::text, '') AS version FROM listening_queries WHERE workspace_id = $1`,
    [workspaceId],
  );
  return rows[0]!.version;
}

export async function insertSavedQuery(db: Queryable, workspaceId: string, row: SavedQueryRow): Promise<void> {
  await db.query(
    `INSERT INTO listening_queries (workspace_id, id, name, query, kind, is_active, backfilled_at, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [workspaceId, row.id, row.name, row.query, row.kind, row.isActive, row.backfilledAt, row.createdBy, row.createdAt, row.updatedAt],
  );
}

export async function updateSavedQuery(db: Queryable, workspaceId: string, row: SavedQueryRow): Promise<void> {
  await db.query(
    `UPDATE listening_queries SET name = $3, query = $4, kind = $5, is_active = $6, backfilled_at = $7, updated_at = $8
      WHERE workspace_id = $1 AND id = $2`,
    [workspaceId, row.id, row.name, row.query, row.kind, row.isActive, row.backfilledAt, row.updatedAt],
  );
}

export async function markBackfilled(db: Queryable, workspaceId: string, id: string, at: Date): Promise<void> {
  await db.query('UPDATE listening_queries SET backfilled_at = $3 WHERE workspace_id = $1 AND id = $2', [workspaceId, id, at]);
}

export async function deleteSavedQuery(db: Queryable, workspaceId: string, id: string): Promise<void> {
  await db.query('DELETE FROM listening_queries WHERE workspace_id = $1 AND id = $2', [workspaceId, id]);
}

/**
 * True when the query still has this text, holding a share lock until commit so a concurrent
 * change of the text waits for the page of mentions matched under the old one (and the job the
 * change queues then brings them in line with the new text).
 */
export async function holdQueryText(tx: Queryable, workspaceId: string, id: string, query: string): Promise<boolean> {
  const { rows } = await tx.query('SELECT 1 FROM listening_queries WHERE workspace_id = $1 AND id = $2 AND query = $3 FOR SHARE', [
    workspaceId,
    id,
    query,
  ]);
  return rows.length > 0;
}
