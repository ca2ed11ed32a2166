/**
 * Rapport's database for a benchmark, prepared through Rapport's own code before the server
 * starts: migrations, workspaces with an owner and an API token, and contacts loaded by COPY.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
// Fastify plugin typings (cookies, rate limits) arrive with app.ts, which the bench never runs; the
// routes it type-checks through modules.ts need them. Type-only: erased at run time.
import type {} from '../../server/src/app.js';
import type { Ctx } from '../../server/src/platform/context.js';
import type { Db } from '../../server/src/platform/db/db.js';
import { migrate } from '../../server/src/platform/db/migrate.js';
import { openPglite } from '../../server/src/platform/db/pglite.js';
import { openPostgres } from '../../server/src/platform/db/postgres.js';
import { createApiToken } from '../../server/src/platform/auth/token.service.js';
import { createWorkspace } from '../../server/src/platform/workspaces/workspace.service.js';
import { allMigrations } from '../../server/src/modules.js';
import type { BenchDbKind } from '../lib/options.js';
import { ROOT, type RapportDb } from '../lib/rapport-server.js';
import { CONTACT_COLUMNS, contactTableCsv } from './contact-rows.js';

/** Where a database lives: a PostgreSQL URL, or a PGlite data directory. */
export type DbLocation = RapportDb;

export async function openDb(location: DbLocation): Promise<Db> {
  return location.kind === 'postgres' ? openPostgres(location.url) : openPglite(location.dir);
}

export async function openMigrated(location: DbLocation): Promise<Db> {
  const db = await openDb(location);
  await migrate(db, allMigrations());
  return db;
}

export interface BenchWorkspace {
  workspaceId: string;
  ownerId: string;
  token: string;
}

export function ownerCtx(db: Db, workspace: Pick<BenchWorkspace, 'workspaceId' | 'ownerId'>): Ctx {
  return {
    workspaceId: workspace.workspaceId,
    actor: { kind: 'user', userId: workspace.ownerId, role: 'owner', recordScope: 'all', teamIds: [] },
    db,
    requestId: 'bench',
  };
}

export async function createBenchWorkspace(db: Db, label: string): Promise<BenchWorkspace> {
  const { workspaceId, ownerId } = await createWorkspace(db, {
    name: `Bench ${label}`,
    owner: { email: `bench-${label}@rapport.local`, name: `Bench ${label}`, password: 'bench-password-1', role: 'owner' },
  });
  const { token } = await createApiToken(ownerCtx(db, { workspaceId, ownerId }), { name: 'bench', scopes: ['read', 'write'] });
  return { workspaceId, ownerId, token };
}

/** Loads contacts (CSV in CONTACT_COLUMNS order) with one COPY; returns the seconds it took. */
export async function copyContacts(db: Db, csv: string): Promise<{ rows: number; seconds: number }> {
  const started = performance.now();
  const rows = await db.copyCsv('contacts', CONTACT_COLUMNS, csv);
  return { rows, seconds: (performance.now() - started) / 1000 };
}

export function seedCsv(seed: number, count: number, workspace: Pick<BenchWorkspace, 'workspaceId' | 'ownerId'>): string {
  return contactTableCsv(seed, 0, count, workspace.workspaceId, workspace.ownerId);
}

export type ImportContacts = (
  ctx: Ctx,
  db: Db,
  input: { format: 'csv'; content: string; mapping?: Record<string, string>; allowPartial: boolean },
) => Promise<unknown>;

/**
 * The contact import service, when it exists: the module under server/src/crm/imports/ that
 * exports `importContacts`. Returns null (and the reason) while it does not.
 */
export async function findImportService(): Promise<{ importContacts: ImportContacts; file: string } | { missing: string }> {
  const dir = path.join(ROOT, 'server/src/crm/imports');
  if (!existsSync(dir)) return { missing: 'server/src/crm/imports/ does not exist yet' };
  const candidates = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
  for (const file of candidates) {
    const full = path.join(dir, file);
    if (!/export\s+(async\s+)?function\s+importContacts\b|export\s+const\s+importContacts\b/.test(readFileSync(full, 'utf8'))) continue;
    const module = (await import(pathToFileURL(full).href)) as { importContacts?: ImportContacts };
    if (typeof module.importContacts === 'function') return { importContacts: module.importContacts, file: path.relative(ROOT, full) };
  }
  return { missing: `no module in server/src/crm/imports/ exports importContacts (${candidates.join(', ') || 'no files'})` };
}

/**
 * Settles the tables a COPY of contacts fills the way autovacuum would: statistics for the planner,
 * and GIN pending lists merged into the indexes. The test PostgreSQL runs with autovacuum off, and
 * PGlite has none. `contact_tags` is filled by the contacts' trigger.
 */
export async function vacuumContacts(db: Db): Promise<void> {
  await db.exec('VACUUM (ANALYZE) contacts, contact_tags');
}

export function dbLabel(kind: BenchDbKind): string {
  return kind === 'postgres' ? 'PostgreSQL' : 'PGlite';
}
