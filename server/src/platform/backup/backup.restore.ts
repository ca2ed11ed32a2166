/**
 * Recreates a workspace from a backup in one transaction: either the whole workspace is restored
 * or nothing is. The file is read twice: first to check it whole and note its serial ids (which
 * are kept where free, else numbered anew: backup.serials.ts), then to insert its rows in the
 * file's order (the writer lists tables after those their foreign keys point to), a batch per
 * statement, through jsonb_populate_recordset so PostgreSQL itself turns the JSON back into each
 * column's type. Every other id (UUIDs) is kept as it is.
 */
import type { Db, Queryable } from '../db/db.js';
import { ident } from '../db/db.js';
import { RapportError } from '../http/errors.js';
import { discoverTables, type BackupTables, type TableInfo } from './backup.tables.js';
import { BACKUP_FORMAT, BACKUP_VERSION, parseRowLine, type BackupHeader, type BackupTrailer } from './backup.format.js';
import { assignSerialIds, columnValue, noteSerialIds, startSerialIds } from './backup.serials.js';

const BATCH = 500;

const bad = (message: string) => new RapportError('backup_invalid', 400, message);

export interface RestoreOptions {
  /** Delete the workspace first when it exists (otherwise the restore is refused). */
  replace?: boolean;
}

function readHeader(line: string | undefined): BackupHeader {
  let header: Partial<BackupHeader>;
  try {
    header = JSON.parse(line ?? '') as Partial<BackupHeader>;
  } catch {
    throw bad('This is not a Rapport backup (the first line is not its header)');
  }
  if (header.format !== BACKUP_FORMAT) throw bad('This is not a Rapport backup (the first line is not its header)');
  if (header.version !== BACKUP_VERSION)
    throw bad(`Backups of version ${header.version} cannot be read; this version reads ${BACKUP_VERSION}`);
  if (typeof header.workspaceId !== 'string' || !Array.isArray(header.migrations)) throw bad('The backup header is incomplete');
  return header as BackupHeader;
}

async function checkMigrations(tx: Queryable, header: BackupHeader) {
  const { rows } = await tx.query<{ id: string }>('SELECT id FROM schema_migrations');
  const applied = new Set(rows.map((r) => r.id));
  const missing = header.migrations.filter((id) => !applied.has(id));
  if (missing.length) {
    throw bad(`The backup comes from a newer Rapport: this database lacks migrations ${missing.join(', ')}. Upgrade, then restore.`);
  }
}

/** Removes a workspace's rows, dependants first, then the workspace itself. */
async function deleteWorkspace(tx: Queryable, tables: readonly TableInfo[], workspaceId: string) {
  for (const table of [...tables].reverse()) await tx.query(`DELETE FROM ${ident(table.name)} WHERE workspace_id = $1`, [workspaceId]);
  await tx.query('DELETE FROM workspaces WHERE id = $1', [workspaceId]);
}

async function insertBatch(tx: Queryable, table: TableInfo, rows: string[], renumbered: ReadonlyMap<string, number>) {
  const keys = new Set<string>();
  for (const row of rows) for (const key of Object.keys(JSON.parse(row) as object)) keys.add(key);
  const unknown = [...keys].filter((k) => !table.columns.includes(k));
  if (unknown.length) throw bad(`Table ${table.name} in this database has no column ${unknown.join(', ')}`);
  const columns = table.columns.filter((c) => keys.has(c));
  const values = columns.map((c) => columnValue(table, c, renumbered));
  // Users may already exist (they can belong to several workspaces); the existing row is kept.
  const conflict = table.name === 'users' ? ' ON CONFLICT (id) DO NOTHING' : '';
  await tx.query(
    `INSERT INTO ${ident(table.name)} (${columns.map(ident).join(', ')})
     SELECT ${values.join(', ')} FROM jsonb_populate_recordset(NULL::${ident(table.name)}, $1::jsonb) r${conflict}`,
    [`[${rows.join(',')}]`],
  );
}

/** A user in the backup whose e-mail belongs to another user here cannot be restored as is. */
async function checkUsers(tx: Queryable, rows: string[]) {
  const users = rows.map((row) => JSON.parse(row) as { id: string; email: string });
  const { rows: clashes } = await tx.query<{ email: string }>(
    `SELECT u.email FROM users u JOIN unnest($1::uuid[], $2::text[]) AS b(id, email) ON lower(u.email) = lower(b.email) AND u.id <> b.id`,
    [users.map((u) => u.id), users.map((u) => u.email)],
  );
  if (clashes.length) throw bad(`Users ${clashes.map((c) => c.email).join(', ')} exist in this database under other ids`);
}

/**
 * Reads the rows after the header, checks each names a table of this workspace here, hands them
 * on a batch of one table at a time, and checks the end line's counts; returns the rows per table.
 */
async function readRows(
  lines: AsyncIterator<string>,
  tables: BackupTables,
  batch: (table: TableInfo, rows: string[]) => Promise<void>,
): Promise<Record<string, number>> {
  const { workspaceTables, all } = tables;
  const counts: Record<string, number> = {};
  // Rows of one table gather here until the table changes or the batch is full.
  const pending: { table: TableInfo | null; rows: string[] } = { table: null, rows: [] };
  const flush = async () => {
    if (!pending.table || pending.rows.length === 0) return;
    await batch(pending.table, pending.rows);
    pending.rows = [];
  };
  let trailer: BackupTrailer | null = null;
  for (let next = await lines.next(); !next.done; next = await lines.next()) {
    const line = next.value.trim();
    if (!line) continue;
    if (trailer) throw bad('The backup has lines after its end');
    const parsed = parseRowLine(line);
    if (!parsed) {
      const end = JSON.parse(line) as Partial<BackupTrailer>;
      if (end.end !== true || typeof end.rows !== 'object') throw bad(`Unexpected line in the backup: ${line.slice(0, 80)}`);
      trailer = end as BackupTrailer;
      continue;
    }
    const table = all.get(parsed.table);
    if (!table) throw bad(`This database has no table ${parsed.table}`);
    if (table.name !== 'workspaces' && table.name !== 'users' && !workspaceTables.includes(table)) {
      throw bad(`Table ${parsed.table} is not a workspace table here`);
    }
    if (pending.table !== table) {
      await flush();
      pending.table = table;
    }
    pending.rows.push(parsed.row);
    counts[table.name] = (counts[table.name] ?? 0) + 1;
    if (pending.rows.length >= BATCH) await flush();
  }
  await flush();
  if (!trailer) throw bad('The backup is incomplete (it has no end line); nothing was restored');
  for (const [table, count] of Object.entries(trailer.rows)) {
    if ((counts[table] ?? 0) !== count) throw bad(`The backup is damaged: ${table} should have ${count} rows, found ${counts[table] ?? 0}`);
  }
  return counts;
}

export interface RestoredWorkspace {
  workspaceId: string;
  rows: Record<string, number>;
  /** Serial columns (`table.column`) whose ids were taken here, so were numbered anew, and how many. */
  renumbered: Record<string, number>;
}

/** `lines` opens the backup file as lines; it is called twice, since the file is read twice. */
export async function restoreBackup(db: Db, lines: () => AsyncIterable<string>, options: RestoreOptions = {}): Promise<RestoredWorkspace> {
  const first = lines()[Symbol.asyncIterator]();
  const firstLine = await first.next();
  const header = readHeader(firstLine.done ? undefined : firstLine.value);
  return db.transaction(async (tx) => {
    await checkMigrations(tx, header);
    const tables = await discoverTables(tx);
    const exists = await tx.query('SELECT 1 FROM workspaces WHERE id = $1', [header.workspaceId]);
    if (exists.rows.length) {
      if (!options.replace)
        throw new RapportError(
          'workspace_exists',
          409,
          `Workspace ${header.workspaceId} exists here; restore with --replace to overwrite it`,
        );
      await deleteWorkspace(tx, tables.workspaceTables, header.workspaceId);
    }
    await startSerialIds(tx);
    await readRows(first, tables, (table, rows) => noteSerialIds(tx, table, rows));
    const renumbered = await assignSerialIds(tx);

    const second = lines()[Symbol.asyncIterator]();
    const secondLine = await second.next();
    if (secondLine.done || secondLine.value !== firstLine.value) throw bad('The backup changed while it was being restored');
    const counts = await readRows(second, tables, async (table, rows) => {
      if (table.name === 'users') await checkUsers(tx, rows);
      await insertBatch(tx, table, rows, renumbered);
    });
    return { workspaceId: header.workspaceId, rows: counts, renumbered: Object.fromEntries(renumbered) };
  });
}
