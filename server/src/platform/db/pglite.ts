/** Embedded engine: PostgreSQL compiled to WebAssembly, data kept in a local directory. */
import { Mutex, TransactionAbortedError, protocol, types } from '@electric-sql/pglite';
import type { Db, Queryable, QueryResult } from './db.js';
import { ident } from './db.js';
import { timestamptzParser } from './timestamps.js';
import { lockDataDir } from './data-dir-lock.js';
import { joinBytes } from './bytes.js';
import { startPgliteEngine, type PgliteEngine } from './pglite-engine.js';
import { SessionLock, type SessionPriority } from './session-lock.js';
import { readReply, type Reply, type StatementResult, type TypeParsers } from './pglite-replies.js';

type Serializers = Record<number | string, types.Serializer>;

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

/**
 * PGlite's one session, spoken to in the wire protocol: each statement goes to the database's thread
 * as one message (parse or bind, describe, execute, sync), and its reply is parsed here into rows by
 * the parameter and column types the database reports, as `PGlite.query` does. The caller holds the
 * session (see `openPglite`'s locks).
 */
function session(engine: PgliteEngine) {
  const statements = new Map<string, Statement>();
  const parsers: TypeParsers = { ...types.parsers };
  const serializers: Serializers = { ...types.serializers };

  async function exchange(bytes: Uint8Array, file?: Uint8Array): Promise<Reply> {
    return readReply(file ? await engine.copy(bytes, file) : await engine.run(bytes), parsers);
  }

  async function prepare(sql: string): Promise<Statement> {
    const known = statements.get(sql);
    if (known) return known;
    const name = statements.size < MAX_NAMED_STATEMENTS ? `rapport_${statements.size}` : '';
    const described = await exchange(
      joinBytes([serialize.parse({ name, text: sql }), serialize.describe({ type: 'S', name }), serialize.sync()]),
    );
    const statement = { name, paramTypes: described.paramTypes };
    if (name) statements.set(sql, statement);
    return statement;
  }

  async function run<Row>(sql: string, params: readonly unknown[]): Promise<QueryResult<Row>> {
    const steps: Uint8Array[] = [];
    if (params.length === 0) {
      steps.push(serialize.parse({ text: sql }), serialize.bind());
    } else {
      const { name, paramTypes } = await prepare(sql);
      const values = params.map((value, i) => {
        if (value === null || value === undefined) return null;
        const serializer = serializers[paramTypes[i]!];
        return serializer ? serializer(value) : String(value);
      });
      steps.push(serialize.bind({ statement: name, values }));
    }
    steps.push(serialize.describe({ type: 'P' }), serialize.execute(), serialize.sync());
    const result = (await exchange(joinBytes(steps))).results[0];
    return { rows: (result?.rows ?? []) as Row[], rowCount: result?.rowCount ?? 0 };
  }

  /** A script of statements without parameters (the simple query protocol): its last statement's result. */
  async function script(sql: string, file?: Uint8Array): Promise<StatementResult | undefined> {
    return (await exchange(serialize.query(sql), file)).results.at(-1);
  }

  /** Array types are the database's own (extensions add some): their parsers are made as PGlite makes them. */
  async function learnArrayTypes(): Promise<void> {
    const { rows } = await run<{ oid: number; typarray: number }>(
      `SELECT b.oid, b.typarray FROM pg_catalog.pg_type a
         LEFT JOIN pg_catalog.pg_type b ON b.oid = a.typelem
        WHERE a.typcategory = 'A' GROUP BY b.oid, b.typarray ORDER BY b.oid`,
      [],
    );
    for (const { oid, typarray } of rows) {
      serializers[typarray] = (value) => types.arraySerializer(value, serializers[oid], typarray);
      parsers[typarray] = (value) => types.arrayParser(value, parsers[oid]!, typarray);
    }
    const pgliteTimestamp = parsers[types.TIMESTAMPTZ]!;
    parsers[types.TIMESTAMPTZ] = timestamptzParser((text) => pgliteTimestamp(text));
  }

  return { run, script, learnArrayTypes };
}

/** `dataDir` null keeps everything in memory (tests). */
export async function openPglite(dataDir: string | null): Promise<Db> {
  const lock = dataDir ? lockDataDir(dataDir) : null;
  const engine = await startPgliteEngine({ dataDir }).catch((error: unknown) => {
    lock?.release();
    throw error;
  });
  const connection = session(engine);
  // As PGlite's own locks: a transaction holds the session until it ends (foreground work first, see
  // `SessionLock`); statements one at a time.
  const transactions = new SessionLock();
  const statements = new Mutex();
  let closed = false;

  function open(): void {
    if (closed) throw new Error('PGlite is closed');
  }

  const statement = <T>(work: () => Promise<T>) => statements.runExclusive(work);
  /** The queryables of transactions in progress, so COPY can run inside the caller's transaction. */
  const inTransaction = new WeakSet<Queryable>();

  await statement(() => connection.learnArrayTypes());

  const sessionAt = (priority: SessionPriority): Db => ({
    kind: 'pglite',
    async query(sql, params = []) {
      open();
      return transactions.run(priority, () => statement(() => connection.run(sql, params)));
    },
    async transaction(work) {
      open();
      return transactions.run(priority, async () => {
        await statement(() => connection.script('BEGIN'));
        let ended = false;
        const tx: Queryable = {
          query(sql, params = []) {
            if (ended) return Promise.reject(new Error('Transaction is closed'));
            return statement(() => connection.run(sql, params));
          },
        };
        inTransaction.add(tx);
        try {
          const result = await work(tx);
          ended = true;
          const committed = await statement(() => connection.script('COMMIT'));
          // A transaction a failed statement aborted ends in ROLLBACK: its work is lost, so it must not pass as done.
          if (committed?.command === 'ROLLBACK') throw new TransactionAbortedError();
          return result;
        } catch (error) {
          if (!ended) {
            ended = true;
            await statement(() => connection.script('ROLLBACK'));
          }
          throw error;
        }
      });
    },
    async exec(sql) {
      open();
      await transactions.run(priority, () => statement(() => connection.script(sql)));
    },
    async copyCsv(table, columns, csv, tx) {
      open();
      const sql = `COPY ${ident(table)} (${columns.map(ident).join(', ')}) FROM '/dev/blob' WITH (FORMAT csv)`;
      const copy = () => statement(() => connection.script(sql, new TextEncoder().encode(csv)));
      const copied = tx && inTransaction.has(tx) ? await copy() : await transactions.run(priority, copy);
      return copied?.rowCount ?? 0;
    },
    async close() {
      if (closed) return;
      closed = true;
      await transactions.run(priority, () => statement(() => engine.close()));
      lock?.release();
    },
    inBackground: () => background,
  });
  const background = sessionAt('background');
  return sessionAt('foreground');
}
