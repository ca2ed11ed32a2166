/** Embedded engine: PostgreSQL compiled to WebAssembly, data kept in a local directory. */
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';
import type { Db, Queryable, QueryResult } from './db.js';
import { ident } from './db.js';

type PgliteLike = Pick<PGlite, 'query' | 'exec'>;

/** The PGlite transaction behind each wrapper, so COPY can run inside the caller's transaction. */
const targets = new WeakMap<Queryable, PgliteLike>();

function wrap(target: PgliteLike): Queryable {
  const wrapped: Queryable = {
    async query<Row>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<Row>> {
      const result = await target.query<Row>(sql, params as unknown[]);
      return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
    },
  };
  targets.set(wrapped, target);
  return wrapped;
}

/** `dataDir` null keeps everything in memory (tests). */
export async function openPglite(dataDir: string | null): Promise<Db> {
  const pglite = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    extensions: { pg_trgm, unaccent, fuzzystrmatch },
    // PGlite's WebAssembly memory never shrinks; a smaller buffer cache keeps the server's
    // resident memory near 300 MB at 100k contacts, for ~15% of list throughput.
    startParams: [...PGlite.defaultStartParams, '-c', 'shared_buffers=32MB'],
  });
  const root = wrap(pglite);
  return {
    kind: 'pglite',
    query: root.query,
    async transaction(work) {
      return pglite.transaction(async (tx) => work(wrap(tx)));
    },
    async exec(sql) {
      await pglite.exec(sql);
    },
    async copyCsv(table, columns, csv, tx) {
      const blob = new Blob([csv]);
      const sql = `COPY ${ident(table)} (${columns.map(ident).join(', ')}) FROM '/dev/blob' WITH (FORMAT csv)`;
      const target = (tx && targets.get(tx)) ?? pglite;
      const result = await target.query(sql, [], { blob });
      return result.affectedRows ?? 0;
    },
    async close() {
      await pglite.close();
    },
  };
}
