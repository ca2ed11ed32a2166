/**
 * The ingest benchmark's databases: fresh migrated ones copied from a template, and the raw COPY
 * baseline, which exports the rows the pipeline stored (COPY TO) and loads those same rows, by
 * COPY FROM, into a fresh database with the same tables and indexes.
 */
import { createHash } from 'node:crypto';
import {
  cpSync,
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  openAsBlob,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { PGlite } from '@electric-sql/pglite';
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { allMigrations } from '../../server/src/modules.js';
import type { Db } from '../../server/src/platform/db/db.js';
import { processCpuSeconds } from '../lib/backend-cpu.js';
import { openMigrated, type DbLocation } from '../crm/rapport-db.js';
import type { Scratch } from '../lib/databases.js';
import { packageVersion } from '../lib/machine.js';
import type { BenchDbKind } from '../lib/options.js';
import { ROOT } from '../lib/rapport-server.js';

/**
 * In foreign-key order: the contacts the pipeline made (matching on arrival makes one for an
 * unknown e-mail sender when the workspace wants that) and its identities link to, the identities,
 * then the conversations naming them, then their messages.
 */
export const COPIED_TABLES = ['contacts', 'social_identities', 'conversations', 'messages'] as const;

/**
 * Fresh migrated databases. PGlite's template is the one the crm suite keeps in .tmp/bench-cache
 * (same key: PGlite version and migrations); PostgreSQL copies a template made once per run.
 */
export function freshDatabases(kind: BenchDbKind, scratch: Scratch, log: (message: string) => void) {
  let template: Promise<string> | null = null;
  const pgliteTemplate = async () => {
    const key = createHash('sha256')
      .update(packageVersion('@electric-sql/pglite'))
      .update(JSON.stringify(allMigrations()))
      .digest('hex')
      .slice(0, 16);
    const dir = path.join(ROOT, '.tmp/bench-cache', `pglite-template-${key}`);
    if (existsSync(dir)) return dir;
    log('PGlite: creating a migrated template database (once per schema version)');
    const building = `${dir}.${process.pid}`;
    rmSync(building, { recursive: true, force: true });
    mkdirSync(building, { recursive: true });
    await (await openMigrated({ kind: 'pglite', dir: building })).close();
    renameSync(building, dir);
    return dir;
  };
  const postgresTemplate = async () => {
    const url = await scratch.createPostgresDatabase('template');
    await (await openMigrated({ kind: 'postgres', url })).close();
    return url;
  };
  return async (label: string): Promise<DbLocation> => {
    const source = await (template ??= kind === 'postgres' ? postgresTemplate() : pgliteTemplate());
    if (kind === 'postgres') return { kind: 'postgres', url: await scratch.createPostgresDatabase(label, source) };
    const dir = path.join(scratch.dir, `pglite-${label}`, 'pglite');
    cpSync(source, dir, { recursive: true });
    return { kind: 'pglite', dir };
  };
}

/** PGlite opened directly (the Db wrapper has no COPY TO), with the settings Rapport opens it with. */
async function openRawPglite(dir: string): Promise<PGlite> {
  return PGlite.create({
    dataDir: dir,
    extensions: { pg_trgm, unaccent, fuzzystrmatch },
    startParams: [...PGlite.defaultStartParams, '-c', 'shared_buffers=32MB'],
  });
}

interface Raw {
  query(sql: string): Promise<{ rows: Record<string, unknown>[] }>;
  copyOut(sql: string, file: string): Promise<void>;
  copyIn(sql: string, file: string): Promise<number>;
  close(): Promise<void>;
}

async function openRaw(where: DbLocation): Promise<Raw> {
  if (where.kind === 'pglite') {
    const db = await openRawPglite(where.dir);
    return {
      query: (sql) => db.query<Record<string, unknown>>(sql),
      async copyOut(sql, file) {
        const result = await db.query(`${sql} TO '/dev/blob' WITH (FORMAT csv)`);
        writeFileSync(file, Buffer.from(await result.blob!.arrayBuffer()));
      },
      async copyIn(sql, file) {
        const result = await db.query(`${sql} FROM '/dev/blob' WITH (FORMAT csv)`, [], { blob: await openAsBlob(file) });
        return result.affectedRows ?? 0;
      },
      close: () => db.close(),
    };
  }
  const client = new pg.Client({ connectionString: where.url });
  await client.connect();
  return {
    query: (sql) => client.query(sql),
    async copyOut(sql, file) {
      await pipeline(client.query(copyTo(`${sql} TO STDOUT WITH (FORMAT csv)`)), createWriteStream(file));
    },
    async copyIn(sql, file) {
      const stream = client.query(copyFrom(`${sql} FROM STDIN WITH (FORMAT csv)`));
      await pipeline(createReadStream(file), stream);
      return Number(stream.rowCount ?? 0);
    },
    close: () => client.end(),
  };
}

async function storedColumns(raw: Raw, table: string): Promise<string[]> {
  const { rows } = await raw.query(
    `SELECT column_name FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name = '${table}' AND is_generated = 'NEVER' ORDER BY ordinal_position`,
  );
  return rows.map((row) => String(row.column_name));
}

export interface ExportedRows {
  dir: string;
  columns: Record<string, string[]>;
  rows: Record<string, number>;
  bytes: number;
}

/** Writes the workspace's contacts, identities, conversations and messages as CSV files (generated columns left out). */
export async function exportRows(where: DbLocation, workspaceId: string, dir: string): Promise<ExportedRows> {
  mkdirSync(dir, { recursive: true });
  const raw = await openRaw(where);
  const exported: ExportedRows = { dir, columns: {}, rows: {}, bytes: 0 };
  try {
    for (const table of COPIED_TABLES) {
      const columns = await storedColumns(raw, table);
      const file = path.join(dir, `${table}.csv`);
      // The id is ours (a UUID we made), never input, so inlining it is safe; COPY takes no parameters.
      if (!/^[0-9a-f-]{36}$/.test(workspaceId)) throw new Error(`not a workspace id: ${workspaceId}`);
      await raw.copyOut(`COPY (SELECT ${columns.join(', ')} FROM ${table} WHERE workspace_id = '${workspaceId}')`, file);
      const { rows } = await raw.query(`SELECT count(*)::int AS n FROM ${table} WHERE workspace_id = '${workspaceId}'`);
      exported.columns[table] = columns;
      exported.rows[table] = Number(rows[0]!.n);
      exported.bytes += statSync(file).size;
    }
  } finally {
    await raw.close();
  }
  return exported;
}

/**
 * COPY FROM of the exported files into an empty database, one table after the other; the seconds
 * it took and the CPU seconds spent (the backend, on PostgreSQL; this process reading the files).
 */
export async function copyRows(
  where: DbLocation,
  exported: ExportedRows,
): Promise<{ seconds: number; perTable: Record<string, number>; cpuSeconds: { database: number | null; process: number } }> {
  const raw = await openRaw(where);
  const perTable: Record<string, number> = {};
  try {
    const backend = where.kind === 'postgres' ? Number((await raw.query('SELECT pg_backend_pid() AS pid')).rows[0]!.pid) : null;
    if (where.kind === 'postgres') await raw.query('CHECKPOINT');
    const databaseBefore = backend === null ? null : processCpuSeconds(backend);
    const processBefore = process.cpuUsage();
    const started = performance.now();
    for (const table of COPIED_TABLES) {
      const t0 = performance.now();
      const copied = await raw.copyIn(`COPY ${table} (${exported.columns[table]!.join(', ')})`, path.join(exported.dir, `${table}.csv`));
      if (copied !== exported.rows[table]) throw new Error(`COPY ${table}: ${copied} rows loaded, ${exported.rows[table]} exported`);
      perTable[table] = (performance.now() - t0) / 1000;
    }
    const seconds = (performance.now() - started) / 1000;
    const processCpu = process.cpuUsage(processBefore);
    return {
      seconds,
      perTable,
      cpuSeconds: {
        database: backend === null || databaseBefore === null ? null : processCpuSeconds(backend) - databaseBefore,
        process: (processCpu.user + processCpu.system) / 1e6,
      },
    };
  } finally {
    await raw.close();
  }
}

/**
 * The benchmark PostgreSQL runs with autovacuum off, and a deployment's would not: without its
 * ANALYZE, plans cached while the tables were empty (the foreign-key checks' among them) keep
 * scanning whole tables as they grow. This runs the ANALYZE autovacuum would, by autovacuum's own
 * rule: every `autovacuum_naptime`, each table changed by more than `autovacuum_analyze_threshold`
 * + `autovacuum_analyze_scale_factor` × its rows since it was last analysed (the server's settings).
 */
export function standInForAutovacuum(db: Db): { stop(): Promise<void> } {
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | null = null;
  const pass = async () => {
    const { rows } = await db.query<{ name: string }>(
      `SELECT format('%I.%I', s.schemaname, s.relname) AS name
         FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
        WHERE s.n_mod_since_analyze > current_setting('autovacuum_analyze_threshold')::float8
                + current_setting('autovacuum_analyze_scale_factor')::float8 * greatest(c.reltuples, 0)`,
    );
    for (const row of rows) await db.exec(`ANALYZE ${row.name}`);
  };
  const ready = db
    .query<{ ms: number }>(`SELECT extract(epoch FROM current_setting('autovacuum_naptime')::interval) * 1000 AS ms`)
    .then(({ rows }) => {
      timer = setInterval(() => {
        running = running.then(pass).catch(() => undefined);
      }, Number(rows[0]!.ms));
    });
  return {
    async stop() {
      await ready;
      if (timer) clearInterval(timer);
      await running;
    },
  };
}
