/**
 * Statements with parameters are prepared once per connection (named), on PostgreSQL and PGlite
 * alike; statements without parameters are not. A Db of its own, so the cap on named statements is
 * not already reached by the rest of the suite.
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
    expect(prepared).toEqual([named]);
  });
});

describe('statements on a connection', () => {
  it('keeps working after a failed statement, and reports its error', async () => {
    await expect(db.query('SELECT $1::int AS broken FROM nowhere', [1])).rejects.toMatchObject({ code: '42P01' });
    await expect(db.query('SELECT $1::int + 1 AS next', [1])).resolves.toMatchObject({ rows: [{ next: 2 }] });
  });

  it('serialises values by the parameter types and parses results by column type', async () => {
    const at = new Date('2026-01-02T03:04:05.678Z');
    const { rows } = await db.query<{ at: Date; tags: string[]; doc: unknown; none: string | null; n: number }>(
      `SELECT $1::timestamptz AS at, $2::text[] AS tags, $3::jsonb AS doc, $4::text AS none, $5::int AS n`,
      [at, ['a', 'b,c'], JSON.stringify({ x: [1] }), null, 7],
    );
    expect(rows).toEqual([{ at, tags: ['a', 'b,c'], doc: { x: [1] }, none: null, n: 7 }]);
  });

  it('counts the rows a write changed', async () => {
    const { rowCount } = await db.transaction(async (tx) => {
      await tx.query('CREATE TEMP TABLE counted (n int) ON COMMIT DROP');
      await tx.query('INSERT INTO counted VALUES (1), (2), (3)');
      return tx.query('UPDATE counted SET n = n + 1 WHERE n >= $1', [2]);
    });
    expect(rowCount).toBe(2);
  });

  it('counts the rows a query returned', async () => {
    const { rows, rowCount } = await db.query('SELECT n FROM generate_series(1, $1::int) AS n', [3]);
    expect(rows).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect(rowCount).toBe(3);
  });

  it('names row properties by column, whatever the name, the last of two alike winning', async () => {
    const { rows } = await db.query(
      `SELECT 1 AS "say ""hi""", 2 AS "back\\slash", 3 AS "é ü", NULL::int AS "}; throw 1; //", 4 AS same, 5 AS same
         FROM generate_series(1, $1::int)`,
      [2],
    );
    const expected = { 'say "hi"': 1, 'back\\slash': 2, 'é ü': 3, '}; throw 1; //': null, same: 5 };
    expect(rows).toEqual([expected, expected]);
    // The same names in another order make rows of that order's values.
    const { rows: swapped } = await db.query(`SELECT 3 AS "é ü", 1 AS "say ""hi""" WHERE $1::int = 1`, [1]);
    expect(swapped).toEqual([{ 'é ü': 3, 'say "hi"': 1 }]);
  });
});
