/** Embedded engine: PostgreSQL compiled to WebAssembly, data kept in a local directory. */
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';
import type { Db, Queryable, QueryResult } from './db.js';
import { ident } from './db.js';

type PgliteLike = Pick<PGlite, 'query' | 'exec'>;

function wrap(target: PgliteLike): Queryable {
  return {
    async query<Row>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<Row>> {
      const result = await target.query<Row>(sql, params as unknown[]);
      return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
    },
  };
}

/** `dataDir` null keeps everything in memory (tests). */
export async function openPglite(dataDir: string | null): Promise<Db> {
  const pglite = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    extensions: { pg_trgm, unaccent, fuzzystrmatch },
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
      const result = tx
        ? await (tx as unknown as { query: PGlite['query'] }).query(sql, [], { blob })
        : await pglite.query(sql, [], { blob });
      return result.affectedRows ?? 0;
    },
    async close() {
      await pglite.close();
    },
  };
}
