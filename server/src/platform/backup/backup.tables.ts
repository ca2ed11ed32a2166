/**
 * Finds what a workspace backup holds without knowing any domain: every table of the schema
 * with a `workspace_id` column, its columns, primary key and serial columns, ordered so that
 * tables come after the tables their foreign keys point to. New domains are included as soon as
 * their migrations create tables. A table whose comment starts with `derived:` is left out: triggers
 * rebuild its rows from the rows a restore writes (restoring them too would collide with those).
 */
import type { Queryable } from '../db/db.js';

export interface TableInfo {
  name: string;
  /** Stored columns; generated ones are left out because the database recomputes them. */
  columns: string[];
  generated: string[];
  primaryKey: { name: string; type: string }[];
  /** Columns filled from a sequence (serial, identity), whose sequence must move past restored ids. */
  serials: string[];
}

interface ColumnRow {
  table: string;
  column: string;
  type: string;
  generated: boolean;
  serial: boolean;
  pk: number | null;
  derived: boolean;
}

async function columnsOf(db: Queryable): Promise<ColumnRow[]> {
  const { rows } = await db.query<ColumnRow>(
    `SELECT c.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type,
            a.attgenerated <> '' AS generated,
            pg_get_serial_sequence(quote_ident(c.relname), a.attname) IS NOT NULL AS serial,
            array_position(i.indkey::int2[], a.attnum) AS pk,
            coalesce(obj_description(c.oid, 'pg_class') LIKE 'derived:%', false) AS derived
       FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = current_schema()
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
       LEFT JOIN pg_index i ON i.indrelid = c.oid AND i.indisprimary
      WHERE c.relkind IN ('r', 'p')
      ORDER BY c.relname, a.attnum`,
  );
  return rows;
}

async function foreignKeys(db: Queryable): Promise<{ from: string; to: string }[]> {
  const { rows } = await db.query<{ from: string; to: string }>(
    `SELECT f.relname AS from, t.relname AS to
       FROM pg_constraint k
       JOIN pg_class f ON f.oid = k.conrelid
       JOIN pg_class t ON t.oid = k.confrelid
       JOIN pg_namespace n ON n.oid = f.relnamespace AND n.nspname = current_schema()
      WHERE k.contype = 'f' AND k.conrelid <> k.confrelid`,
  );
  return rows;
}

/** Depth-first topological order, ties broken by name so every backup lists tables alike. */
function dependencyOrder(names: string[], edges: { from: string; to: string }[]): string[] {
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string) => {
    if (state.get(name)) return;
    state.set(name, 'visiting');
    for (const edge of edges.filter((e) => e.from === name).sort((a, b) => a.to.localeCompare(b.to))) visit(edge.to);
    state.set(name, 'done');
    order.push(name);
  };
  for (const name of [...names].sort()) visit(name);
  return order;
}

/** `workspaces` and `users` first, then every workspace table in dependency order. */
export async function discoverTables(db: Queryable): Promise<{ workspaceTables: TableInfo[]; all: Map<string, TableInfo> }> {
  const all = new Map<string, TableInfo>();
  for (const row of await columnsOf(db)) {
    if (row.derived) continue;
    const table = all.get(row.table) ?? { name: row.table, columns: [], generated: [], primaryKey: [], serials: [] };
    all.set(row.table, table);
    if (row.generated) table.generated.push(row.column);
    else table.columns.push(row.column);
    if (row.serial) table.serials.push(row.column);
    if (row.pk !== null) table.primaryKey[row.pk - 1] = { name: row.column, type: row.type };
  }
  const scoped = [...all.values()].filter((t) => t.columns.includes('workspace_id')).map((t) => t.name);
  const ordered = dependencyOrder(['workspaces', 'users', ...scoped], await foreignKeys(db)).filter((name) => scoped.includes(name));
  return { workspaceTables: ordered.map((name) => all.get(name)!), all };
}
