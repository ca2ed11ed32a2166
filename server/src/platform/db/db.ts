/**
 * The one database interface every repository talks to. Two engines implement it — embedded
 * PGlite and a PostgreSQL server — with the same SQL dialect, so nothing above this layer knows
 * which one is running.
 */
export interface QueryResult<Row> {
  rows: Row[];
  rowCount: number;
}

export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<Row>>;
}

export type DatabaseKind = 'pglite' | 'postgres';

export interface Db extends Queryable {
  readonly kind: DatabaseKind;
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs a script of several statements (migrations, restores); no parameters. */
  exec(sql: string): Promise<void>;
  /** Bulk-loads CSV text into a table with COPY, the fastest path for imports. */
  copyCsv(table: string, columns: readonly string[], csv: string, tx?: Queryable): Promise<number>;
  close(): Promise<void>;
  /**
   * The same database for background work (the event relay and its handlers, jobs), which waits
   * behind foreground work where the database has one session (PGlite); absent where sessions run
   * side by side (PostgreSQL's pool).
   */
  inBackground?(): Db;
}

/** `db` for background work: see `Db.inBackground`. */
export function backgroundDb(db: Db): Db {
  return db.inBackground?.() ?? db;
}

/** Quotes an SQL identifier we build from our own constants (never from user input). */
export function ident(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unsafe identifier: ${name}`);
  return `"${name}"`;
}
