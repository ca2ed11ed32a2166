/**
 * Fills a migrated database with a listening workspace at dashboard scale, in SQL rather than
 * through the pipeline (minutes instead of hours): saved queries, authors, conversations, public
 * inbound messages with their stored enrichment, one mention per message, and the rollups
 * mention.repo.ts keeps — bumped slice by slice with the same upserts, so they are what the
 * pipeline would have left. Ends the way autovacuum would (VACUUM ANALYZE) and checks the rollups
 * add up to the mentions.
 */
import { parseQuery } from '../../server/src/listening/query/index.js';
import type { Db } from '../../server/src/platform/db/db.js';
import { newId } from '../../server/src/platform/db/ids.js';
import { createApiToken } from '../../server/src/platform/auth/token.service.js';
import { createBenchWorkspace, ownerCtx, type BenchWorkspace } from '../crm/rapport-db.js';
import type { Templates } from '../ingest/corpus-messages.js';
import {
  conversationsSql,
  dailyRollupsSql,
  dailyVolumeSql,
  hourlyBreakdownsSql,
  hourlyVolumeSql,
  identitiesSql,
  mentionsSql,
  messagesSql,
  termRollupsSql,
  type DataShape,
} from './mention-sql.js';
import { mentionVocabulary, textSlots } from './mention-vocabulary.js';
import { WATCHED_QUERIES, type WatchedQuery } from './watched-queries.js';

export interface ListeningData {
  workspace: BenchWorkspace;
  queries: (WatchedQuery & { id: string })[];
  shape: DataShape;
  seconds: number;
  rows: Record<string, number>;
}

const TABLES = [
  'social_identities',
  'conversations',
  'messages',
  'mentions',
  'mention_daily_volume',
  'mention_daily',
  'mention_hourly',
  'mention_hourly_breakdowns',
  'mention_term_rollups',
  'mention_term_hours',
  'mention_term_months',
] as const;

async function saveQueries(db: Db, workspace: BenchWorkspace, at: Date): Promise<ListeningData['queries']> {
  const queries = WATCHED_QUERIES.map((q) => ({ ...q, id: newId() }));
  for (const q of queries) {
    const parsed = parseQuery(q.query);
    if (!parsed.ok) throw new Error(`bench query "${q.name}" does not parse: ${parsed.error.message}`);
    // Saved as already backfilled: a backfill job would otherwise rematch the whole history under the load.
    await db.query(
      `INSERT INTO listening_queries (workspace_id, id, name, query, kind, is_active, backfilled_at, created_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, true, $6, $7, $6, $6)`,
      [workspace.workspaceId, q.id, q.name, q.query, q.kind, at, workspace.ownerId],
    );
  }
  return queries;
}

async function storeTexts(db: Db, templates: Templates): Promise<void> {
  const slots = textSlots(templates);
  await db.exec(
    'CREATE TABLE bench_texts (slot int PRIMARY KEY, network text NOT NULL, host text NOT NULL, title text, text text NOT NULL)',
  );
  await db.query(`INSERT INTO bench_texts SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[])`, [
    slots.map((s) => s.slot),
    slots.map((s) => s.network),
    slots.map((s) => s.host),
    slots.map((s) => s.title),
    slots.map((s) => s.text),
  ]);
}

async function count(db: Db, sql: string, params: unknown[]): Promise<number> {
  const { rows } = await db.query<{ n: number }>(sql, params);
  return Number(rows[0]!.n);
}

/** The rollups must hold every mention once, and every authored mention once among the author terms of each rollup. */
async function checkRollups(db: Db, workspaceId: string, messages: number): Promise<Record<string, number>> {
  const w = [workspaceId];
  const mentions = await count(db, 'SELECT count(*) AS n FROM mentions WHERE workspace_id = $1', w);
  const hourly = await count(db, 'SELECT sum(mentions) AS n FROM mention_hourly WHERE workspace_id = $1', w);
  const daily = await count(db, 'SELECT sum(mentions) AS n FROM mention_daily WHERE workspace_id = $1', w);
  const dailyVolume = await count(db, 'SELECT sum(mentions) AS n FROM mention_daily_volume WHERE workspace_id = $1', w);
  const authored = await count(db, 'SELECT count(author_identity_id) AS n FROM mentions WHERE workspace_id = $1', w);
  const authorTerms = await count(db, "SELECT sum(mentions) AS n FROM mention_term_rollups WHERE workspace_id = $1 AND kind = 'author'", w);
  const hourlyBreakdowns = await count(db, 'SELECT sum(mentions) AS n FROM mention_hourly_breakdowns WHERE workspace_id = $1', w);
  const hourlyAuthors = await count(db, "SELECT sum(mentions) AS n FROM mention_term_hours WHERE workspace_id = $1 AND kind = 'author'", w);
  const authorMonths = await count(
    db,
    "SELECT sum(mentions) FILTER (WHERE query_id IS NULL) - sum(mentions) FILTER (WHERE query_id IS NOT NULL) AS n FROM mention_term_months WHERE workspace_id = $1 AND kind = 'author'",
    w,
  );
  const everyQueryMonths = await count(
    db,
    "SELECT sum(mentions) AS n FROM mention_term_months WHERE workspace_id = $1 AND kind = 'author' AND query_id IS NULL",
    w,
  );
  if (
    mentions !== messages ||
    hourly !== mentions ||
    daily !== mentions ||
    dailyVolume !== mentions ||
    hourlyBreakdowns !== mentions ||
    authorTerms !== authored ||
    hourlyAuthors !== authored ||
    everyQueryMonths !== authored ||
    authorMonths !== 0
  ) {
    throw new Error(
      `generated data does not add up: ${messages} messages, ${mentions} mentions, ${hourly} hourly, ${dailyVolume} daily and ${daily} in the daily ` +
        `breakdown rollups (${hourlyBreakdowns} in the hourly ones), ${authored} with an author, ${authorTerms} in the daily author terms ` +
        `(${hourlyAuthors} in the hourly ones), ${everyQueryMonths} in the monthly ones ` +
        `(per query minus all: ${authorMonths})`,
    );
  }
  const rows: Record<string, number> = {};
  for (const table of TABLES) rows[table] = await count(db, `SELECT count(*) AS n FROM ${table} WHERE workspace_id = $1`, w);
  return rows;
}

export async function generateListeningData(
  db: Db,
  templates: Templates,
  size: { messages: number; slice: number },
  log: (message: string) => void,
): Promise<ListeningData> {
  const started = performance.now();
  const endsAt = new Date();
  // Four authors per network slot (see mention-sql.ts): one author for every 25 messages.
  const identities = Math.max(4, Math.round(size.messages / 100) * 4);
  const shape: DataShape = { messages: size.messages, identities, queries: WATCHED_QUERIES.length, endsAt, days: 90 };
  const workspace = await createBenchWorkspace(db, 'listening');
  const queries = await saveQueries(db, workspace, endsAt);
  await storeTexts(db, templates);
  const vocabulary = mentionVocabulary(templates);
  const w = workspace.workspaceId;
  await db.query(identitiesSql(shape), [w]);
  log(
    `data: ${queries.length} queries, ${identities.toLocaleString('en-US')} authors; ${size.messages.toLocaleString('en-US')} messages to go`,
  );

  const messages = messagesSql(shape, {
    keywords: vocabulary.keywords.length,
    hashtags: vocabulary.hashtags.length,
    entities: vocabulary.entities.length,
  });
  const mentions = mentionsSql(shape);
  const conversations = conversationsSql(shape);
  const queryIds = queries.map((q) => q.id);
  // The full-text index is built once at the end, as a bulk load would, from its own definition.
  const { rows: search } = await db.query<{ indexdef: string }>("SELECT indexdef FROM pg_indexes WHERE indexname = 'messages_search'");
  if (search.length !== 1) throw new Error('the messages_search index is missing from the migrated schema');
  await db.exec('DROP INDEX messages_search');
  for (let from = 0; from < size.messages; from += size.slice) {
    const to = Math.min(size.messages, from + size.slice);
    await db.transaction(async (tx) => {
      await tx.query("SET LOCAL work_mem = '256MB'");
      // Compiling these one-off statements costs more than running them.
      await tx.query('SET LOCAL jit = off');
      // The generated rows reference each other by construction; checking every foreign key row by
      // row (the term rollups' alone took a third of the time) would only slow the loading.
      await tx.query("SET LOCAL session_replication_role = 'replica'");
      await tx.query(conversations, [w, from, to]);
      await tx.query(messages, [
        w,
        from,
        to,
        vocabulary.keywords,
        vocabulary.hashtags,
        vocabulary.entities.map((e) => e.text),
        vocabulary.entities.map((e) => e.type),
      ]);
      await tx.query(mentions, [w, from, to, queryIds]);
      await tx.query(dailyVolumeSql, [w, from, to]);
      await tx.query(dailyRollupsSql, [w, from, to]);
      await tx.query(hourlyVolumeSql, [w, from, to]);
      await tx.query(hourlyBreakdownsSql, [w, from, to]);
      await tx.query(termRollupsSql, [w, from, to]);
    });
    const elapsed = (performance.now() - started) / 1000;
    log(`data: ${to.toLocaleString('en-US')} mentions (${Math.round(to / elapsed).toLocaleString('en-US')}/s so far)`);
  }
  await db.exec('DROP TABLE bench_texts');
  log('data: building the full-text index of messages');
  await db.transaction(async (tx) => {
    await tx.query("SET LOCAL maintenance_work_mem = '512MB'");
    await tx.query(search[0]!.indexdef);
  });
  log('data: VACUUM ANALYZE');
  for (const table of TABLES) await db.exec(`VACUUM (ANALYZE) ${table}`);
  const rows = await checkRollups(db, w, size.messages);
  return { workspace, queries, shape, seconds: (performance.now() - started) / 1000, rows };
}

/**
 * The listening workspace a kept database already holds (`--keep`), for measuring the dashboards
 * again without generating the data: a new API token for its owner, its queries and its counts.
 */
export async function keptListeningData(db: Db): Promise<ListeningData> {
  const { rows: found } = await db.query<{ workspaceId: string; ownerId: string }>(
    `SELECT w.id AS "workspaceId", m.user_id AS "ownerId" FROM workspaces w JOIN memberships m ON m.workspace_id = w.id AND m.role = 'owner'
      WHERE w.name = 'Bench listening'`,
  );
  if (found.length !== 1) throw new Error(`the database holds ${found.length} listening bench workspaces, not one`);
  const { workspaceId, ownerId } = found[0]!;
  const { token } = await createApiToken(ownerCtx(db, { workspaceId, ownerId }), { name: 'bench (kept data)', scopes: ['read', 'write'] });
  const { rows: stored } = await db.query<{ id: string; name: string }>('SELECT id, name FROM listening_queries WHERE workspace_id = $1', [
    workspaceId,
  ]);
  const queries = WATCHED_QUERIES.map((q) => {
    const id = stored.find((s) => s.name === q.name)?.id;
    if (!id) throw new Error(`the kept workspace has no query "${q.name}"`);
    return { ...q, id };
  });
  const rows: Record<string, number> = {};
  for (const table of TABLES) rows[table] = await count(db, `SELECT count(*) AS n FROM ${table} WHERE workspace_id = $1`, [workspaceId]);
  const { rows: span } = await db.query<{ endsAt: Date }>('SELECT max(bucket) AS "endsAt" FROM mention_hourly WHERE workspace_id = $1', [
    workspaceId,
  ]);
  const shape: DataShape = {
    messages: rows.messages!,
    identities: rows.social_identities!,
    queries: queries.length,
    endsAt: span[0]!.endsAt,
    days: 90,
  };
  return { workspace: { workspaceId, ownerId, token }, queries, shape, seconds: 0, rows };
}
