/** Embedded engine: PostgreSQL compiled to WebAssembly, data kept in a local directory. */
import { setFlagsFromString } from 'node:v8';
import { PGlite, parse, protocol, type Transaction } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';
import type { Db, Queryable, QueryResult } from './db.js';
import { ident } from './db.js';
import { timestamptzParser } from './timestamps.js';
import { lockDataDir } from './data-dir-lock.js';

const TIMESTAMPTZ = 1184;

const { serialize } = protocol;

/**
 * Named prepared statements, as on PostgreSQL (postgres.ts): each parameterised statement text is
 * parsed and described once instead of on every call. Fewer than there: every plan kept lives in
 * the WebAssembly memory, which never shrinks. Past the cap statements run unnamed.
 */
const MAX_NAMED_STATEMENTS = 200;

interface Statement {
  name: string;
  paramTypes: number[];
}

function concat(messages: Uint8Array[]): Uint8Array {
  const joined = new Uint8Array(messages.reduce((length, message) => length + message.length, 0));
  let offset = 0;
  for (const message of messages) {
    joined.set(message, offset);
    offset += message.length;
  }
  return joined;
}

/**
 * Runs one statement in one call into the database, where `PGlite.query` makes six (parse,
 * describe, bind, describe, execute, sync) and parses every text again: on PGlite every statement
 * runs on the server's own thread, so this is a direct share of each request's cost. Values are
 * serialised by the parameter types the database reports, exactly as `PGlite.query` does.
 * The caller holds PGlite's query lock.
 */
function statementRunner(pglite: PGlite) {
  const statements = new Map<string, Statement>();
  const parsers = { ...pglite.parsers, [TIMESTAMPTZ]: timestamptzParser(pglite.parsers[TIMESTAMPTZ]!) };

  async function prepare(sql: string): Promise<Statement> {
    const known = statements.get(sql);
    if (known) return known;
    const name = statements.size < MAX_NAMED_STATEMENTS ? `rapport_${statements.size}` : '';
    const described = await pglite.execProtocolStream(
      concat([serialize.parse({ name, text: sql }), serialize.describe({ type: 'S', name }), serialize.sync()]),
      { syncToFs: false },
    );
    const statement = { name, paramTypes: parse.parseDescribeStatementResults(described) };
    if (name) statements.set(sql, statement);
    return statement;
  }

  return async function run<Row>(sql: string, params: readonly unknown[]): Promise<QueryResult<Row>> {
    const steps: Uint8Array[] = [];
    if (params.length === 0) {
      steps.push(serialize.parse({ text: sql }), serialize.bind());
    } else {
      const { name, paramTypes } = await prepare(sql);
      const values = params.map((value, i) => {
        if (value === null || value === undefined) return null;
        const serializer = pglite.serializers[paramTypes[i]!];
        return serializer ? serializer(value) : String(value);
      });
      steps.push(serialize.bind({ statement: name, values }));
    }
    steps.push(serialize.describe({ type: 'P' }), serialize.execute(), serialize.sync());
    // The data directory is written through (NodeFS, or memory in tests): no sync to the file system is due.
    const messages = await pglite.execProtocolStream(concat(steps), { syncToFs: false });
    const result = parse.parseResults(messages, parsers)[0];
    const rows = (result?.rows ?? []) as Row[];
    return { rows, rowCount: result?.affectedRows ?? rows.length };
  };
}

/** The PGlite transaction behind each wrapper, so COPY can run inside the caller's transaction. */
const transactions = new WeakMap<Queryable, Transaction>();

/** `dataDir` null keeps everything in memory (tests). */
export async function openPglite(dataDir: string | null): Promise<Db> {
  // PostgreSQL's WebAssembly is compiled straight to optimised code, each function on its first call.
  // By default V8 compiles baseline code first and re-compiles what gets hot in the background: two
  // copies of the hot functions, and compiler memory the allocator keeps, ~70 MB more resident memory
  // at 100k contacts (crm bench: 287 against 366 MB at rest), and no faster. The price: the first
  // calls of each function compile longer. Set here, before the module is compiled, so every way of
  // starting Rapport on the embedded database gets it; a PostgreSQL server is unaffected.
  setFlagsFromString('--no-liftoff');
  const lock = dataDir ? lockDataDir(dataDir) : null;
  const pglite = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    extensions: { pg_trgm, unaccent, fuzzystrmatch },
    // PGlite's WebAssembly memory never shrinks; a smaller buffer cache keeps the server's
    // resident memory near 300 MB at 100k contacts, for ~15% of list throughput.
    startParams: [...PGlite.defaultStartParams, '-c', 'shared_buffers=32MB'],
  }).catch((error: unknown) => {
    lock?.release();
    throw error;
  });
  const run = statementRunner(pglite);
  return {
    kind: 'pglite',
    async query(sql, params = []) {
      // As `PGlite.query` does: refuse once closed, and wait for any transaction in progress.
      await pglite._checkReady();
      return pglite._runExclusiveTransaction(() => pglite._runExclusiveQuery(() => run(sql, params)));
    },
    async transaction(work) {
      return pglite.transaction(async (transaction) => {
        const tx: Queryable = { query: (sql, params = []) => pglite._runExclusiveQuery(() => run(sql, params)) };
        transactions.set(tx, transaction);
        return work(tx);
      });
    },
    async exec(sql) {
      await pglite.exec(sql);
    },
    async copyCsv(table, columns, csv, tx) {
      const blob = new Blob([csv]);
      const sql = `COPY ${ident(table)} (${columns.map(ident).join(', ')}) FROM '/dev/blob' WITH (FORMAT csv)`;
      const target = (tx && transactions.get(tx)) ?? pglite;
      const result = await target.query(sql, [], { blob });
      return result.affectedRows ?? 0;
    },
    async close() {
      await pglite.close();
      lock?.release();
    },
  };
}
