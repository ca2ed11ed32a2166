/**
 * Finds what a workspace backup holds without knowing any domain: every table of the schema
 * with a `workspace_id` column, its columns, primary key and serial columns, ordered so that
 * tables come after the tables their foreign keys point to. New domains are included as soon as
 * their migrations create tables. A table whose comment starts with `derived:` is left out: triggers
 * rebuild its rows from the rows a restore writes (restoring them too would collide with those).
 *
 * Serial ids are numbered database-wide, so a restore may have to give them new values; it finds
 * every place one is stored here too: the serial column itself, a foreign key to it, or a column
 * whose comment says `refers: events.id` (a plain column) or `refers: eventId -> events.id` (a key
 * of a JSON object column), for ids kept without a foreign key.
 */
import type { Queryable } from '../db/db.js';

export interface TableInfo {
  name: string;
  /** Stored columns; generated ones are left out because the database recomputes them. */
  columns: string[];
  generated: string[];
  primaryKey: { name: string; type: string }[];
  /** Columns filled from a sequence (serial, identity): their ids are numbered across workspaces. */
  serials: string[];
  /** Every column of this table holding such ids, its own serial columns included. */
  serialRefs: SerialRef[];
}

/** Where a table stores ids of `serial` (`table.column` of a serial column). */
export interface SerialRef {
  column: string;
  /** The key of the JSON object in `column` that holds the id; null when the column holds it. */
  key: string | null;
  serial: string;
}

interface ColumnRow {
  table: string;
  column: string;
  type: string;
  generated: boolean;
  serial: boolean;
  pk: number | null;
  derived: boolean;
  comment: string | null;
}

async function columnsOf(db: Queryable): Promise<ColumnRow[]> {
  const { rows } = await db.query<ColumnRow>(
    `SELECT c.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type,
            a.attgenerated <> '' AS generated,
            pg_get_serial_sequence(quote_ident(c.relname), a.attname) IS NOT NULL AS serial,
            -- indkey is an int2vector, numbered from 0: its position in the key, counted from 1.
            (SELECT k.n FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, n) WHERE k.attnum = a.attnum)::int AS pk,
            coalesce(obj_description(c.oid, 'pg_class') LIKE 'derived:%', false) AS derived,
            col_description(c.oid, a.attnum) AS comment
       FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = current_schema()
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
       LEFT JOIN pg_index i ON i.indrelid = c.oid AND i.indisprimary
      WHERE c.relkind IN ('r', 'p')
      ORDER BY c.relname, a.attnum`,
  );
  return rows;
}

interface ForeignKeyColumn {
  from: string;
  fromColumn: string;
  to: string;
  toColumn: string;
}

/** One row per column pair of every foreign key. */
async function foreignKeys(db: Queryable): Promise<ForeignKeyColumn[]> {
  const { rows } = await db.query<ForeignKeyColumn>(
    `SELECT f.relname AS from, fa.attname AS "fromColumn", t.relname AS to, ta.attname AS "toColumn"
       FROM pg_constraint k
       JOIN pg_class f ON f.oid = k.conrelid
       JOIN pg_class t ON t.oid = k.confrelid
       JOIN pg_namespace n ON n.oid = f.relnamespace AND n.nspname = current_schema()
       CROSS JOIN LATERAL unnest(k.conkey, k.confkey) AS p(from_num, to_num)
       JOIN pg_attribute fa ON fa.attrelid = k.conrelid AND fa.attnum = p.from_num
       JOIN pg_attribute ta ON ta.attrelid = k.confrelid AND ta.attnum = p.to_num
      WHERE k.contype = 'f'`,
  );
  return rows;
}

const REFERS = /^refers: (?:([A-Za-z_][A-Za-z0-9_]*) -> )?([a-z_][a-z0-9_]*)\.([a-z_][a-z0-9_]*)\b/;

/** Adds to each table the columns that hold serial ids: its serial columns, foreign keys to one, and columns whose comment says so. */
function findSerialRefs(all: Map<string, TableInfo>, columns: readonly ColumnRow[], keys: readonly ForeignKeyColumn[]) {
  const isSerial = (table: string, column: string) => all.get(table)?.serials.includes(column) ?? false;
  const add = (table: string, ref: SerialRef) => {
    const refs = all.get(table)?.serialRefs;
    if (refs && !refs.some((r) => r.column === ref.column && r.key === ref.key)) refs.push(ref);
  };
  for (const table of all.values())
    for (const column of table.serials) add(table.name, { column, key: null, serial: `${table.name}.${column}` });
  for (const key of keys) {
    if (isSerial(key.to, key.toColumn)) add(key.from, { column: key.fromColumn, key: null, serial: `${key.to}.${key.toColumn}` });
  }
  for (const row of columns) {
    const match = row.comment ? REFERS.exec(row.comment) : null;
    if (!match) continue;
    if (!isSerial(match[2]!, match[3]!))
      throw new Error(`${row.table}.${row.column} refers to ${match[2]}.${match[3]}, which is not a serial column`);
    add(row.table, { column: row.column, key: match[1] ?? null, serial: `${match[2]}.${match[3]}` });
  }
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

export interface BackupTables {
  /** Every table with a `workspace_id` column, after the tables its foreign keys point to. */
  workspaceTables: TableInfo[];
  /** Every table of the schema but derived ones, by name. */
  all: Map<string, TableInfo>;
}

/** `workspaces` and `users` first, then every workspace table in dependency order. */
export async function discoverTables(db: Queryable): Promise<BackupTables> {
  const all = new Map<string, TableInfo>();
  const columns = await columnsOf(db);
  for (const row of columns) {
    if (row.derived) continue;
    const table = all.get(row.table) ?? { name: row.table, columns: [], generated: [], primaryKey: [], serials: [], serialRefs: [] };
    all.set(row.table, table);
    if (row.generated) table.generated.push(row.column);
    else table.columns.push(row.column);
    if (row.serial) table.serials.push(row.column);
    if (row.pk !== null) table.primaryKey[row.pk - 1] = { name: row.column, type: row.type };
  }
  const keys = await foreignKeys(db);
  findSerialRefs(all, columns, keys);
  const scoped = [...all.values()].filter((t) => t.columns.includes('workspace_id')).map((t) => t.name);
  const edges = keys.filter((k) => k.from !== k.to);
  const ordered = dependencyOrder(['workspaces', 'users', ...scoped], edges).filter((name) => scoped.includes(name));
  return { workspaceTables: ordered.map((name) => all.get(name)!), all };
}
