/** Drops the PostgreSQL databases the test workers created, after the run. */
import pg from 'pg';

export default function setup() {
  return async function teardown() {
    if (process.env.RAPPORT_TEST_DB !== 'postgres') return;
    const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' });
    await client.connect();
    const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'rapport\\_test\\_%'");
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    await client.end();
  };
}
