/**
 * The baseline: a bare Fastify app that does one plain INSERT per created contact into a
 * `contacts` table with Rapport's indexes (no authentication, validation or events), and lists a
 * page of contacts by stage with the same SELECT Rapport runs (serialised with JSON.stringify).
 * Runs as its own process: `BENCH_DB=postgres DATABASE_URL=… PORT=…` (a pg Pool as large as
 * Rapport's default: twice the cores plus one) or `BENCH_DB=pglite PGLITE_DIR=… PORT=…` (one
 * embedded database in-process).
 */
import { randomBytes } from 'node:crypto';
import Fastify from 'fastify';
import { defaultPoolSize } from '../../server/src/platform/db/postgres.js';

interface Sql {
  query(text: string, params: unknown[]): Promise<{ rows: unknown[] }>;
  close(): Promise<void>;
}

async function openSql(): Promise<Sql> {
  if (process.env.BENCH_DB === 'pglite') {
    const { PGlite } = await import('@electric-sql/pglite');
    const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
    const { unaccent } = await import('@electric-sql/pglite/contrib/unaccent');
    const { fuzzystrmatch } = await import('@electric-sql/pglite/contrib/fuzzystrmatch');
    // The same extensions and settings as Rapport's embedded database (platform/db/pglite.ts).
    const db = await PGlite.create({ dataDir: process.env.PGLITE_DIR!, extensions: { pg_trgm, unaccent, fuzzystrmatch } });
    return { query: (text, params) => db.query(text, params), close: () => db.close() };
  }
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL!, max: defaultPoolSize() });
  return { query: (text, params) => pool.query(text, params), close: () => pool.end() };
}

/** Time-ordered ids (UUIDv7), as Rapport uses, so both sides append to the primary key the same way. */
function uuid7(): string {
  const bytes = randomBytes(16);
  const now = Date.now();
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

interface Body {
  firstName?: string;
  lastName?: string;
  title?: string;
  emails?: { address: string }[];
  phones?: { number: string }[];
  socialHandles?: { handle: string }[];
  lifecycleStage?: string;
  tags?: string[];
}

const WORKSPACE_ID = '00000000-0000-7000-8000-000000000001';
const OWNER_ID = '00000000-0000-7000-8000-000000000002';

const INSERT = `INSERT INTO contacts (workspace_id, id, first_name, last_name, display_name, title, emails, phones,
  social_handles, owner_id, lifecycle_stage, tags, search_text) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`;

const LIST = `SELECT id, display_name AS "displayName", first_name AS "firstName", last_name AS "lastName", title, emails, phones,
  social_handles AS "socialHandles", company_id AS "companyId", owner_id AS "ownerId", team_id AS "teamId",
  lifecycle_stage AS "lifecycleStage", tags, custom, important_dates AS "importantDates", created_at AS "createdAt", updated_at AS "updatedAt"
  FROM contacts WHERE workspace_id = $1 AND lifecycle_stage = ANY($2::text[]) ORDER BY lower(display_name), id LIMIT $3`;

async function main() {
  const sql = await openSql();
  const app = Fastify({ logger: false });
  app.get('/readyz', async () => {
    await sql.query('SELECT 1', []);
    return { status: 'ready' };
  });
  app.get('/contacts', async (request) => {
    const { stage = 'customer', limit = '50' } = request.query as { stage?: string; limit?: string };
    const { rows } = await sql.query(LIST, [WORKSPACE_ID, [stage], Number(limit) + 1]);
    return { data: rows.slice(0, Number(limit)) };
  });
  app.post('/contacts', async (request, reply) => {
    const body = request.body as Body;
    const id = uuid7();
    const first = body.firstName ?? '';
    const last = body.lastName ?? '';
    const emails = body.emails ?? [];
    const phones = body.phones ?? [];
    const handles = body.socialHandles ?? [];
    const search = [
      first,
      last,
      body.title,
      ...emails.map((e) => e.address),
      ...phones.map((p) => p.number),
      ...handles.map((h) => h.handle),
    ]
      .filter(Boolean)
      .join(' ')
      .toLowerCase();
    await sql.query(INSERT, [
      WORKSPACE_ID,
      id,
      first,
      last,
      `${first} ${last}`.trim(),
      body.title ?? '',
      JSON.stringify(emails),
      JSON.stringify(phones),
      JSON.stringify(handles),
      OWNER_ID,
      body.lifecycleStage ?? 'lead',
      body.tags ?? [],
      search,
    ]);
    return reply.status(201).send({ id });
  });
  await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) });
  const stop = async () => {
    await app.close();
    await sql.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

main().catch((error: unknown) => {
  process.stderr.write(`bare server: ${String(error)}\n`);
  process.exit(1);
});
