/** Server engine: a PostgreSQL 15+ server reached through a connection pool. */
import pg from 'pg';
import { availableParallelism } from 'node:os';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import type { Db, Queryable, QueryResult } from './db.js';
import { ident } from './db.js';
import { timestamptzParser } from './timestamps.js';

// Counts and ids fit in a double; strings would leak into every API response otherwise.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.TIMESTAMPTZ, timestamptzParser(pg.types.getTypeParser(pg.types.builtins.TIMESTAMPTZ)));

/**
 * Named prepared statements: the server parses and plans each statement text once per connection
 * instead of on every call (creates +29% measured). Capped so dynamically built filter
 * combinations cannot grow it without bound; past the cap statements run unnamed.
 */
const MAX_NAMED_STATEMENTS = 500;

function statementNamer(): (sql: string) => string | undefined {
  const names = new Map<string, string>();
  return (sql) => {
    let name = names.get(sql);
    if (!name && names.size < MAX_NAMED_STATEMENTS) {
      name = `rapport_${names.size}`;
      names.set(sql, name);
    }
    return name;
  };
}

function wrap(client: pg.Pool | pg.PoolClient, statementName: (sql: string) => string | undefined): Queryable {
  return {
    async query<Row>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<Row>> {
      const name = params.length > 0 ? statementName(sql) : undefined;
      const result = await client.query({ text: sql, values: params as unknown[], ...(name ? { name } : {}) });
      return { rows: result.rows as Row[], rowCount: result.rowCount ?? 0 };
    },
  };
}

const clients = new WeakMap<Queryable, pg.PoolClient>();

/**
 * Connections a process opens by default: twice the cores, plus one for a connection waiting on the
 * disk or the network (the usual sizing for a database on the same machine). More backends than that
 * only queue inside PostgreSQL instead of the pool: on 2 cores, 10 connections cost each list query
 * 15-25 % more server CPU than 5 did, and lists and creates ran 10-30 % slower (docs/benchmarks.md).
 */
export function defaultPoolSize(cores = availableParallelism()): number {
  return 2 * cores + 1;
}

/**
 * Settings of every connection. No JIT compilation: PostgreSQL compiles a statement whose estimated
 * cost passes `jit_above_cost`, and Rapport's statements are short reads and writes whose estimates
 * the planner cannot narrow (a dashboard's few minutes of mentions estimated at 15,000 rows a span):
 * compiling took 70-300 ms for statements that run in 20-80 ms (a partial hour's terms at 3,000,000
 * mentions: 456 ms with JIT, 80 ms without; identity look-ups in ingest batches before that).
 */
const SESSION_OPTIONS = '-c jit=off';

export async function openPostgres(connectionString: string, maxConnections = defaultPoolSize()): Promise<Db> {
  const pool = new pg.Pool({ connectionString, max: maxConnections, options: SESSION_OPTIONS });
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it on next use.
  });
  await pool.query('SELECT 1');
  const statementName = statementNamer();
  const root = wrap(pool, statementName);

  async function copyInto(client: pg.PoolClient, table: string, columns: readonly string[], csv: string) {
    const sql = `COPY ${ident(table)} (${columns.map(ident).join(', ')}) FROM STDIN WITH (FORMAT csv)`;
    const stream = client.query(copyFrom(sql));
    await pipeline(Readable.from([csv]), stream);
    return Number(stream.rowCount ?? 0);
  }

  return {
    kind: 'postgres',
    query: root.query,
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const tx = wrap(client, statementName);
        clients.set(tx, client);
        const result = await work(tx);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async exec(sql) {
      await pool.query(sql);
    },
    async copyCsv(table, columns, csv, tx) {
      const inTx = tx ? clients.get(tx) : undefined;
      if (inTx) return copyInto(inTx, table, columns, csv);
      const client = await pool.connect();
      try {
        return await copyInto(client, table, columns, csv);
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}
