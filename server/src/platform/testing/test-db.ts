/**
 * The database under test: in-memory PGlite by default, a fresh PostgreSQL database when
 * RAPPORT_TEST_DB=postgres. One per test worker (files share it; each test makes its own
 * workspace, which is exactly the isolation the product promises).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Db } from '../db/db.js';
import { migrate, type Migration } from '../db/migrate.js';
import { openPglite } from '../db/pglite.js';
import { openPostgres } from '../db/postgres.js';
import { allMigrations } from '../../modules.js';

export const TEST_DB_KIND = process.env.RAPPORT_TEST_DB === 'postgres' ? 'postgres' : 'pglite';
const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

let shared: Promise<Db> | null = null;

/** A fresh, empty database of the kind under test (not shared), migrated (a migration's test may stop before it). */
export async function openFreshDb(migrations: readonly Migration[] = allMigrations()): Promise<Db> {
  if (TEST_DB_KIND === 'pglite') {
    const db = await openPglite(null);
    await migrate(db, migrations);
    return db;
  }
  const name = `rapport_test_${process.env.RAPPORT_TEST_RUN ?? 'adhoc'}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const db = await openPostgres(url.toString(), 20);
  await migrate(db, migrations);
  const close = db.close.bind(db);
  return Object.assign(db, {
    async close() {
      await close();
      const cleanup = new pg.Client({ connectionString: ADMIN_URL });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  });
}

/** The worker's shared database; closed when the worker exits. */
export function sharedTestDb(): Promise<Db> {
  shared ??= openFreshDb();
  return shared;
}
