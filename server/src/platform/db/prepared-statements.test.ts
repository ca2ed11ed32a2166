/**
 * Statements with parameters are prepared once per PostgreSQL connection (named), statements
 * without parameters are not; PGlite runs every statement unnamed. A Db of its own, so the cap on
 * named statements is not already reached by the rest of the suite.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from './db.js';
import { openPglite } from './pglite.js';
import { openPostgres } from './postgres.js';
import { TEST_DB_KIND } from '../testing/test-db.js';

let db: Db;
beforeAll(async () => {
  db =
    TEST_DB_KIND === 'postgres'
      ? await openPostgres(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres', 2)
      : await openPglite(null);
});
afterAll(async () => {
  await db.close();
});

describe('prepared statements', () => {
  it('names a parameterised statement, and not one without parameters', async () => {
    const named = 'SELECT $1::int AS prepared_probe_named';
    const unnamed = 'SELECT 1 AS prepared_probe_unnamed';
    const prepared = await db.transaction(async (tx) => {
      // One connection: what it has prepared is visible to it.
      await tx.query(named, [1]);
      await tx.query(unnamed);
      const { rows } = await tx.query<{ statement: string }>(`SELECT statement FROM pg_prepared_statements WHERE statement LIKE $1`, [
        '%prepared_probe%',
      ]);
      return rows.map((row) => row.statement);
    });
    expect(prepared).toEqual(TEST_DB_KIND === 'postgres' ? [named] : []);
  });
});
