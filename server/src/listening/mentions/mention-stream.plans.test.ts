/**
 * The mention stream's common filters join only one page of mentions to their messages and authors,
 * also before the mentions table is first analysed (PGlite has no autovacuum): joined first, a
 * filter matching thousands of mentions read and sorted thousands of messages for a page. Analysed
 * (the pipeline analyses the mentions it adds, see ingest's table-statistics.ts), a page is read
 * through an index that starts with the filtered column, a group's through each of its queries'.
 * The stream a card per post reads the same indexes, a post's mentions in a run, and its count and
 * text search read as far as they need, not every mention.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, Queryable } from '../../platform/db/db.js';
import { planOf, type PlanNode } from '../../platform/testing/query-plans.js';
import { openFreshDb } from '../../platform/testing/test-db.js';
import { buildWorkspace } from '../../platform/testing/test-app.js';
import { insertConversation } from '../../inbox/testing/conversations.js';
import type { MentionListQuery } from './mention.schema.js';
import { listMentions } from './mention-stream.repo.js';
import { listPosts, postPositions } from './post-stream.repo.js';

// A database of its own: the plans depend on what the tables hold.
let db: Db;
beforeAll(async () => {
  db = await openFreshDb();
});
afterAll(() => db?.close());

const POSTS = 6_000;
/** The most queries one post matched. */
const MOST_PER_POST = 3;
const PAGE = 50;

interface Measured extends PlanNode {
  'Actual Rows': number;
  'Actual Loops': number;
  'Rows Removed by Filter'?: number;
  Plans?: Measured[];
}

const nodesOf = (node: Measured): Measured[] => [node, ...(node.Plans ?? []).flatMap(nodesOf)];

/** Rows a scan read: those it returned and those its filter dropped, over all its loops. */
const rowsRead = (scans: Measured[]) =>
  scans.reduce((sum, scan) => sum + (scan['Actual Rows'] + (scan['Rows Removed by Filter'] ?? 0)) * scan['Actual Loops'], 0);

/**
 * Queries of two groups, and mentions of one post a minute with independent sentiment, intent,
 * channel and language; a third of the posts matched a second query, a ninth a third. Every other
 * post says "common", one in 500 "rare".
 */
async function fill(workspaceId: string): Promise<void> {
  const { id: conversationId } = await insertConversation(db, workspaceId, { network: 'mastodon', identity: null });
  await db.query(
    `INSERT INTO listening_queries (workspace_id, id, name, query, kind, created_at, updated_at)
     SELECT $1, gen_random_uuid(), 'Query ' || n, 'query' || n, CASE WHEN n <= 2 THEN 'brand' ELSE 'competitor' END, now(), now()
       FROM generate_series(1, 6) n`,
    [workspaceId],
  );
  await db.query(
    `INSERT INTO messages (workspace_id, id, conversation_id, network, external_id, direction, text, sent_at, received_at)
     SELECT $1, gen_random_uuid(), $2, 'mastodon', 'post-' || n, 'in',
            'Post ' || n || CASE WHEN n % 2 = 0 THEN ' common' ELSE '' END || CASE WHEN n % 500 = 7 THEN ' rare' ELSE '' END,
            now() - n * interval '1 minute', now()
       FROM generate_series(1, $3::int) n`,
    [workspaceId, conversationId, POSTS],
  );
  // Shares like a brand's stream: a fifth negative, 15 % questions and 15 % from Mastodon, 5 % in German (sentiment not
  // analysed); a reviewer marked 4 % relevant and 4 % irrelevant.
  await db.query(
    `WITH posts AS (
       SELECT m.id, m.sent_at, row_number() OVER (ORDER BY m.sent_at DESC) AS n FROM messages m WHERE m.workspace_id = $1
     ), queries AS (
       SELECT array_agg(id ORDER BY name) AS ids FROM listening_queries WHERE workspace_id = $1
     )
     INSERT INTO mentions (workspace_id, id, query_id, message_id, conversation_id, network, language, sentiment, intent, influence,
       relevance, sent_at, matched_at)
     SELECT $1, gen_random_uuid(), queries.ids[1 + ((hashint4(n::int * 3) & 1023) + k) % 6], p.id, $2,
            CASE WHEN (hashint4(n::int * 5) & 1023) < 154 THEN 'mastodon' ELSE 'bluesky' END,
            CASE WHEN (hashint4(n::int * 7) & 1023) < 51 THEN 'de' ELSE 'en' END,
            CASE WHEN (hashint4(n::int * 7) & 1023) < 51 THEN NULL WHEN (hashint4(n::int * 11) & 1023) < 205 THEN 'negative' ELSE 'neutral' END,
            CASE WHEN (hashint4(n::int * 13) & 1023) < 154 THEN 'question' ELSE 'other' END,
            (hashint4(n::int * 17) & 1023) % 101,
            CASE WHEN (hashint4(n::int * 19) & 1023) < 41 THEN 'relevant' WHEN (hashint4(n::int * 19) & 1023) < 82 THEN 'irrelevant'
                 ELSE 'unreviewed' END,
            p.sent_at, now()
       FROM posts p, queries, generate_series(0, CASE WHEN n % 9 = 0 THEN 2 WHEN n % 3 = 0 THEN 1 ELSE 0 END) k`,
    [workspaceId, conversationId],
  );
}

/** The stream's filters as plain conditions on mentions `mn` and their queries `q`, their values $1-$7 (plainFilterParams). */
const PLAIN_FILTER = `mn.workspace_id = $1 AND ($2::text IS NULL OR mn.sentiment IS NOT DISTINCT FROM nullif($2, 'unanalysed'))
  AND ($3::text IS NULL OR mn.intent = $3) AND ($4::text IS NULL OR mn.network = $4) AND ($5::text IS NULL OR mn.language = $5)
  AND ($6::text IS NULL OR q.kind = $6) AND ($7::text IS NULL OR mn.relevance = $7)`;

const plainFilterParams = (workspaceId: string, filter: Partial<MentionListQuery>) => [
  workspaceId,
  filter.sentiment ?? null,
  filter.intent ?? null,
  filter.network ?? null,
  filter.language ?? null,
  filter.kind ?? null,
  filter.relevance ?? null,
];

/** The newest mentions the filter matches, read the plain way: what the stream's page must be. */
async function expectedPage(workspaceId: string, filter: Partial<MentionListQuery>): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT mn.id FROM mentions mn JOIN listening_queries q ON q.workspace_id = mn.workspace_id AND q.id = mn.query_id
      WHERE ${PLAIN_FILTER}
      ORDER BY mn.sent_at DESC, mn.id DESC LIMIT ${PAGE}`,
    plainFilterParams(workspaceId, filter),
  );
  return rows.map((r) => r.id);
}

/** The stream's page for the filter, and the plan of its statement as it ran. */
async function pageAndPlan(workspaceId: string, filter: Partial<MentionListQuery>) {
  let statement: { sql: string; params: readonly unknown[] } | null = null;
  const page = await listMentions(
    {
      query: (sql, params) => {
        statement = { sql, params: params ?? [] };
        return db.query(sql, params);
      },
    },
    workspaceId,
    filter,
    null,
    PAGE,
  );
  const { sql, params } = statement!;
  return { ids: page.rows.map((m) => m.id), plan: (await planOf(db, sql, params, true)) as Measured };
}

const FILTERS: [Partial<MentionListQuery>, string][] = [
  [{}, 'mentions_recent'],
  [{ sentiment: 'negative' }, 'mentions_sentiment_recent'],
  [{ sentiment: 'unanalysed' }, 'mentions_unanalysed_recent'],
  [{ relevance: 'irrelevant' }, 'mentions_reviewed_recent'],
  [{ relevance: 'relevant' }, 'mentions_reviewed_recent'],
  [{ intent: 'question' }, 'mentions_intent_recent'],
  [{ network: 'mastodon' }, 'mentions_network_recent'],
  [{ language: 'de' }, 'mentions_language_recent'],
  [{ kind: 'competitor' }, 'mentions_query_recent'],
];

describe('the mention stream’s filters', () => {
  it('join only the page to messages, analysed or not, and read the page through the filter’s index once analysed', async () => {
    const ws = await buildWorkspace(db);
    await fill(ws.workspaceId);
    const combined: Partial<MentionListQuery>[] = [
      { intent: 'question', network: 'mastodon' },
      { kind: 'competitor', sentiment: 'negative' },
    ];
    for (const analysed of [false, true]) {
      if (analysed) await db.exec('VACUUM (ANALYZE) mentions');
      for (const [filter, index] of [...FILTERS, ...combined.map((f) => [f, null] as const)]) {
        const label = `${JSON.stringify(filter)}, ${analysed ? 'analysed' : 'never analysed'}`;
        const { ids, plan } = await pageAndPlan(ws.workspaceId, filter);
        expect(ids, label).toEqual(await expectedPage(ws.workspaceId, filter));
        const nodes = nodesOf(plan);
        const scans = (table: string) => nodes.filter((n) => n['Node Type'].includes('Scan') && n['Relation Name'] === table);
        // Only the page (and the one after it that says there is more) meets its messages, whatever the
        // planner knows of the mentions.
        expect(rowsRead(scans('messages')), label).toBeLessThanOrEqual(PAGE + 1);
        if (!analysed || !index) continue;
        expect(
          scans('mentions').map((s) => s['Index Name']),
          label,
        ).toEqual([index]);
        // A group reads at most a page from each of its four queries; every other filter one page.
        expect(rowsRead(scans('mentions')), label).toBeLessThanOrEqual((filter.kind ? 4 : 1) * (PAGE + 1));
      }
    }
  });
});

/** The newest posts with a mention the filter matches, read the plain way: what the post stream's page must be. */
async function expectedPosts(workspaceId: string, filter: Partial<MentionListQuery>): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT mn.message_id AS id FROM mentions mn
       JOIN listening_queries q ON q.workspace_id = mn.workspace_id AND q.id = mn.query_id
       JOIN messages m ON m.workspace_id = mn.workspace_id AND m.id = mn.message_id
      WHERE ${PLAIN_FILTER} AND ($8::text IS NULL OR m.text ~ ('\\m' || $8 || '\\M'))
      GROUP BY mn.message_id, mn.sent_at ORDER BY mn.sent_at DESC, mn.message_id DESC LIMIT ${PAGE}`,
    [...plainFilterParams(workspaceId, filter), filter.q ?? null],
  );
  return rows.map((r) => r.id);
}

/** Runs `read` and gives the plan its main statement (the longest it ran) ran with. */
async function planned<T>(read: (db: Queryable) => Promise<T>): Promise<{ result: T; plan: Measured }> {
  let statement = { sql: '', params: [] as readonly unknown[] };
  const result = await read({
    query: (sql, params) => {
      if (sql.length > statement.sql.length) statement = { sql, params: params ?? [] };
      return db.query(sql, params);
    },
  });
  const { sql, params } = statement;
  return { result, plan: (await planOf(db, sql, params, true)) as Measured };
}

describe('the post stream', () => {
  let ws: { workspaceId: string };
  // A fresh database again, whose mentions are never analysed until the first test does it.
  beforeAll(async () => {
    await db.close();
    db = await openFreshDb();
    ws = await buildWorkspace(db);
    await fill(ws.workspaceId);
  });

  it('reads a page of posts from the filter’s index, a post’s mentions in one run, and joins only the page to messages', async () => {
    for (const analysed of [false, true]) {
      if (analysed) await db.exec('VACUUM (ANALYZE) mentions');
      for (const [filter, index] of [...FILTERS, [{ queryId: undefined, intent: 'question', network: 'mastodon' }, null] as const]) {
        const label = `${JSON.stringify(filter)}, ${analysed ? 'analysed' : 'never analysed'}`;
        const { result, plan } = await planned((reader) => listPosts(reader, ws.workspaceId, filter, null, PAGE));
        expect(
          result.rows.map((p) => p.messageId),
          label,
        ).toEqual(await expectedPosts(ws.workspaceId, filter));
        expect(result.rows.some((p) => p.mentions.length > 1)).toBe(true);
        const nodes = nodesOf(plan);
        const scans = (table: string) => nodes.filter((n) => n['Node Type'].includes('Scan') && n['Relation Name'] === table);
        expect(rowsRead(scans('messages')), label).toBeLessThanOrEqual(PAGE + 1);
        // Each post's own mentions, found by its message.
        const ofPost = (scan: Measured) => scan['Index Name'] === 'mentions_message' && Boolean(scan['Index Cond']?.includes('message_id'));
        const perPost = scans('mentions').filter(ofPost);
        expect(rowsRead(perPost), label).toBeLessThanOrEqual((PAGE + 1) * MOST_PER_POST);
        if (!analysed || !index) continue;
        const page = scans('mentions').filter((s) => !ofPost(s));
        expect(
          page.map((s) => s['Index Name']),
          label,
        ).toEqual([index]);
        expect(rowsRead(page), label).toBeLessThanOrEqual((filter.kind ? 4 : 1) * (PAGE + 1) * MOST_PER_POST);
      }
    }
  });

  it('reads a count’s step of posts no further than it asks', async () => {
    await db.exec('VACUUM (ANALYZE) mentions');
    const step = 200;
    for (const [filter] of FILTERS) {
      const { result, plan } = await planned((reader) => postPositions(reader, ws.workspaceId, filter, null, step));
      expect(result, JSON.stringify(filter)).toHaveLength(step);
      const scans = nodesOf(plan).filter((n) => n['Node Type'].includes('Scan') && n['Relation Name'] === 'mentions');
      // A filter a few hundred posts pass (German) is read whole, and sorted: cheaper than a walk there.
      expect(rowsRead(scans), JSON.stringify(filter)).toBeLessThanOrEqual((filter.kind ? 4 : 1) * step * MOST_PER_POST);
    }
  });

  it('searches the posts’ words without reading every mention, whether the words are common or rare', async () => {
    await db.exec('VACUUM (ANALYZE) mentions');
    await db.exec('VACUUM (ANALYZE) messages');
    for (const filter of [
      { q: 'common' },
      { q: 'rare' },
      { q: 'common', kind: 'competitor' as const },
      { q: 'rare', sentiment: 'negative' as const },
    ]) {
      const label = JSON.stringify(filter);
      const { result, plan } = await planned((reader) => listPosts(reader, ws.workspaceId, filter, null, PAGE));
      expect(
        result.rows.map((p) => p.messageId),
        label,
      ).toEqual(await expectedPosts(ws.workspaceId, filter));
      expect(result.rows.length, label).toBeGreaterThan(0);
      const scans = nodesOf(plan).filter(
        (n) => n['Node Type'].includes('Scan') && ['mentions', 'messages'].includes(n['Relation Name'] ?? ''),
      );
      // Common words are checked on the newest mentions' messages until a page is found; rare ones
      // are looked up in the full-text index first. The workspace holds 6,000 posts and 8,667 mentions.
      expect(rowsRead(scans), label).toBeLessThan(1_500);
    }
  });
});
