/**
 * Applies every domain's migrations in order, once each. Runs at start and from `rapport migrate`;
 * an advisory lock keeps two servers starting together from applying the same step twice.
 */
import type { Db, Queryable } from './db.js';

export interface Migration {
  /** Globally unique and sortable within its domain, e.g. `crm/001-contacts`. */
  id: string;
  sql: string;
  /**
   * Fills what the new schema needs from stored data by the domain's own rules (terms read from a
   * message's stored analysis, say), after `sql` and in the same transaction.
   */
  backfill?: (tx: Queryable) => Promise<void>;
}

const LOCK_KEY = 727_274_001;

export async function migrate(db: Db, migrations: readonly Migration[]): Promise<string[]> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    id text PRIMARY KEY,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
  const applied: string[] = [];
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY]);
    const done = new Set((await tx.query<{ id: string }>('SELECT id FROM schema_migrations')).rows.map((row) => row.id));
    for (const migration of migrations) {
      if (done.has(migration.id)) continue;
      for (const statement of splitStatements(migration.sql)) await tx.query(statement);
      await migration.backfill?.(tx);
      await tx.query('INSERT INTO schema_migrations (id) VALUES ($1)', [migration.id]);
      applied.push(migration.id);
    }
  });
  return applied;
}

/**
 * Splits a migration script on semicolons that end a statement. Our migrations keep function
 * bodies in $$-quoted blocks, which are left whole.
 */
export function splitStatements(sql: string): string[] {
  const statements: string[] = [];
  let current = '';
  let inDollar = false;
  let inQuote = false;
  for (let i = 0; i < sql.length; i++) {
    const char = sql[i];
    if (!inQuote && sql.startsWith('$$', i)) {
      inDollar = !inDollar;
      current += '$$';
      i++;
      continue;
    }
    if (!inDollar && char === "'") inQuote = !inQuote;
    if (!inDollar && !inQuote && char === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      i = end === -1 ? sql.length : end;
      current += '\n';
      continue;
    }
    if (!inDollar && !inQuote && char === ';') {
      if (current.trim()) statements.push(current.trim());
      current = '';
      continue;
    }
    current += char;
  }
  if (current.trim()) statements.push(current.trim());
  return statements;
}
