/**
 * Gives this test run an id (test databases are named after it) and drops the PostgreSQL
 * databases this run created when it ends — never another concurrent run's.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export default function setup() {
  const run = randomBytes(4).toString('hex');
  process.env.RAPPORT_TEST_RUN = run;
  return async function teardown() {
    if (process.env.RAPPORT_TEST_DB !== 'postgres') return;
    const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' });
    await client.connect();
    const { rows } = await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [
      `rapport_test_${run}_%`,
    ]);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    await client.end();
  };
}
