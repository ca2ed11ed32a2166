/**
 * Statements with parameters are prepared once per PostgreSQL connection (named), unless the
 * caller asks for a plan per call; PGlite runs every statement unnamed.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../testing/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

describe('prepared statements', () => {
  it('names a parameterised statement, and not one planned on every call', async () => {
    const tag = `probe_${Math.random().toString(36).slice(2)}`;
    const named = `SELECT $1::int AS ${tag}_named`;
    const perCall = `SELECT $1::int AS ${tag}_per_call`;
    const prepared = await t.db.transaction(async (tx) => {
      // One connection: what it has prepared is visible to it.
      await tx.query(named, [1]);
      await tx.query(perCall, [1], { planEachCall: true });
      const { rows } = await tx.query<{ statement: string }>(`SELECT statement FROM pg_prepared_statements WHERE statement LIKE $1`, [
        `%${tag}%`,
      ]);
      return rows.map((row) => row.statement).filter((statement) => !statement.includes('pg_prepared_statements'));
    });
    expect(prepared).toEqual(t.db.kind === 'postgres' ? [named] : []);
  });
});
