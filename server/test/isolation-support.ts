/**
 * Helpers for the isolation suites: find every record a workspace owns (generically, from every
 * table with a workspace_id), snapshot them, and probe every route with foreign ids.
 */
import type { Built, RouteInfo } from '../src/app.js';
import type { Db } from '../src/platform/db/db.js';

export async function workspaceTables(db: Db): Promise<string[]> {
  const { rows } = await db.query<{ table_name: string }>(
    `SELECT c.table_name FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_name = c.table_name AND t.table_schema = c.table_schema
      WHERE c.table_schema = current_schema() AND c.column_name = 'workspace_id' AND t.table_type = 'BASE TABLE'
      ORDER BY c.table_name`,
  );
  return rows.map((r) => r.table_name);
}

/** Every row of every workspace table for one workspace, as stable JSON (events excluded: reads write none, but relays mark them). */
export async function snapshot(db: Db, workspaceId: string): Promise<string> {
  const parts: string[] = [];
  for (const table of await workspaceTables(db)) {
    if (table === 'events' || table === 'idempotency_keys') continue;
    const { rows } = await db.query(`SELECT * FROM "${table}" WHERE workspace_id = $1`, [workspaceId]);
    const normalised = rows.map((row) => JSON.stringify(row, (key, value) => (key === 'last_used_at' ? undefined : value))).sort();
    parts.push(`${table}:${normalised.join('\n')}`);
  }
  return parts.join('\n---\n');
}

/** Ids of every record of a workspace, from every table that has an `id` column. */
export async function recordIds(db: Db, workspaceId: string): Promise<string[]> {
  const ids: string[] = [];
  for (const table of await workspaceTables(db)) {
    const { rows: hasId } = await db.query(
      `SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 AND column_name = 'id'`,
      [table],
    );
    if (hasId.length === 0) continue;
    const { rows } = await db.query<{ id: string | number }>(`SELECT id FROM "${table}" WHERE workspace_id = $1`, [workspaceId]);
    for (const row of rows) if (typeof row.id === 'string') ids.push(row.id);
  }
  return ids;
}

export function apiRoutes(built: Built): RouteInfo[] {
  return built.routes.filter((r) => r.url.startsWith('/api/v1/') && r.method !== 'HEAD');
}

/** A body shaped for most write routes: empty, so validation passes where nothing is required. */
export function probeBody(method: string): object | undefined {
  return method === 'GET' || method === 'DELETE' ? undefined : {};
}

export function queryIdParams(route: RouteInfo): string[] {
  const querystring = route.schema?.querystring as { properties?: Record<string, unknown> } | undefined;
  return Object.keys(querystring?.properties ?? {}).filter((name) => /Id$/.test(name));
}
