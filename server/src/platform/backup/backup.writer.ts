/**
 * Writes one workspace to a backup: its row, the users who are its members, and every row of
 * every workspace table, read in one repeatable-read transaction so the backup is a consistent
 * snapshot, table by table in primary-key order so the same data always gives the same file.
 */
import type { Db, Queryable } from '../db/db.js';
import { ident } from '../db/db.js';
import { RapportError } from '../http/errors.js';
import { discoverTables, type TableInfo } from './backup.tables.js';
import { BACKUP_FORMAT, BACKUP_VERSION, rowLine, type BackupHeader, type BackupTrailer } from './backup.format.js';

const BATCH = 1000;

type Write = (chunk: string) => Promise<void> | void;

/** Rows of `table` in primary-key order, a batch at a time (keyset on the key's own types). */
async function* tableRows(tx: Queryable, table: TableInfo, workspaceId: string): AsyncGenerator<string[]> {
  const json = `(to_jsonb(t) - $2::text[])::text AS row`;
  const base = `FROM ${ident(table.name)} t WHERE t.workspace_id = $1`;
  const key = table.primaryKey;
  if (key.length === 0) {
    const { rows } = await tx.query<{ row: string }>(`SELECT ${json} ${base} ORDER BY 1`, [workspaceId, table.generated]);
    yield rows.map((r) => r.row);
    return;
  }
  const keyList = key.map((k) => `t.${ident(k.name)}`).join(', ');
  let after: string[] | null = null;
  for (;;) {
    const params: unknown[] = [workspaceId, table.generated];
    let where = '';
    if (after) {
      params.push(...after);
      where = ` AND (${keyList}) > (${key.map((k, i) => `$${i + 3}::${k.type}`).join(', ')})`;
    }
    params.push(BATCH);
    const { rows } = await tx.query<{ row: string; keys: string[] }>(
      `SELECT ${json}, ARRAY[${key.map((k) => `t.${ident(k.name)}::text`).join(', ')}] AS keys
         ${base}${where} ORDER BY ${keyList} LIMIT $${params.length}`,
      params,
    );
    if (rows.length) yield rows.map((r) => r.row);
    if (rows.length < BATCH) return;
    after = rows[rows.length - 1]!.keys;
  }
}

export async function writeBackup(db: Db, workspaceId: string, write: Write): Promise<BackupTrailer> {
  return db.transaction(async (tx) => {
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    // Timestamps render in the session time zone; UTC makes the file the same wherever it is made.
    await tx.query(`SET LOCAL TimeZone = 'UTC'`);
    const workspace = await tx.query<{ row: string }>('SELECT to_jsonb(w)::text AS row FROM workspaces w WHERE w.id = $1', [workspaceId]);
    if (!workspace.rows[0]) throw new RapportError('not_found', 404, `No workspace ${workspaceId}`);
    const migrations = await tx.query<{ id: string }>('SELECT id FROM schema_migrations ORDER BY id');
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      workspaceId,
      migrations: migrations.rows.map((m) => m.id),
    };
    await write(JSON.stringify(header) + '\n');
    const counts: Record<string, number> = { workspaces: 1 };
    await write(rowLine('workspaces', workspace.rows[0].row));
    const users = await tx.query<{ row: string }>(
      `SELECT to_jsonb(u)::text AS row FROM users u
        WHERE u.id IN (SELECT user_id FROM memberships WHERE workspace_id = $1) ORDER BY u.id`,
      [workspaceId],
    );
    counts.users = users.rows.length;
    for (const user of users.rows) await write(rowLine('users', user.row));
    const { workspaceTables } = await discoverTables(tx);
    for (const table of workspaceTables) {
      counts[table.name] = 0;
      for await (const rows of tableRows(tx, table, workspaceId)) {
        counts[table.name]! += rows.length;
        await write(rows.map((row) => rowLine(table.name, row)).join(''));
      }
    }
    const trailer: BackupTrailer = { end: true, rows: counts };
    await write(JSON.stringify(trailer) + '\n');
    return trailer;
  });
}
