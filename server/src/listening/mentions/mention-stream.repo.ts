/** SQL for reading mentions: the stream with its filters (newest first, keyset-paginated) and single mentions. */
import type { Db, Queryable } from '../../platform/db/db.js';
import type { Mention, Relevance, StreamFilter } from './mention.schema.js';

const SELECT = `mn.id, mn.query_id AS "queryId", q.name AS "queryName", q.kind AS "queryKind", mn.message_id AS "messageId",
  mn.conversation_id AS "conversationId", mn.network, mn.language, mn.sentiment, mn.sentiment_score AS "sentimentScore", mn.intent,
  mn.read_about_subject AS "readAboutSubject", mn.influence, mn.relevance, mn.sent_at AS "sentAt", m.title, m.text, m.url,
  json_build_object('identityId', i.id, 'handle', i.handle, 'displayName', i.display_name, 'profileUrl', i.profile_url,
    'avatarUrl', i.avatar_url, 'followers', i.followers, 'contactId', i.contact_id) AS author`;

/** The workspace is $1 in every statement here; naming it in each join keeps every join a primary key lookup. */
const JOINS = `JOIN listening_queries q ON q.workspace_id = $1 AND q.id = mn.query_id
  JOIN messages m ON m.workspace_id = $1 AND m.id = mn.message_id
  LEFT JOIN social_identities i ON i.workspace_id = $1 AND i.id = mn.author_identity_id`;

const FROM = `FROM mentions mn
  ${JOINS}`;

const NEWEST_FIRST = 'ORDER BY mn.sent_at DESC, mn.id DESC';

/**
 * The stream's filters as conditions on its mentions (`mn`; the workspace is $1), their values added
 * to `params`; the group (`kind`) is the caller's, which reads it per query. A text (`q`) is a
 * condition on the mention's message, through the full-text index of messages (`messages_search`),
 * as the inbox searches them: the planner walks the newest mentions checking each message when the
 * words are common, and starts from the messages holding them when they are rare.
 */
export function streamConditions(workspaceId: string, filter: StreamFilter, params: unknown[]): { mention: string[]; text: string | null } {
  params.push(workspaceId);
  const mention = ['mn.workspace_id = $1'];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    mention.push(sql.replaceAll('?', `$${params.length}`));
  };
  if (filter.queryId) add('mn.query_id = ?', filter.queryId);
  if (filter.sentiment === 'unanalysed') mention.push('mn.sentiment IS NULL');
  else if (filter.sentiment) add('mn.sentiment = ?', filter.sentiment);
  if (filter.intent) add('mn.intent = ?', filter.intent);
  if (filter.network) add('mn.network = ?', filter.network);
  if (filter.language) add('mn.language = ?', filter.language);
  if (filter.minInfluence !== undefined) add('mn.influence >= ?', filter.minInfluence);
  if (filter.relevance) add('mn.relevance = ?', filter.relevance);
  if (filter.from) add('mn.sent_at >= ?::timestamptz', filter.from);
  if (filter.to) add('mn.sent_at < ?::timestamptz', filter.to);
  if (!filter.q) return { mention, text: null };
  params.push(filter.q);
  const text = `EXISTS (SELECT 1 FROM messages sm WHERE sm.workspace_id = $1 AND sm.id = mn.message_id
    AND sm.search_vector @@ plainto_tsquery('simple', $${params.length}))`;
  return { mention, text };
}

/**
 * Runs a read of the stream planned for its own values and without parallel workers, which a
 * transaction's settings give it:
 * - A prepared statement keeps one generic plan once it costs less than the plans made for the
 *   values, and one statement serves every text: at 5,000,000 mentions, after common words (whose
 *   best plan walks the newest mentions), a count of a word in 437 posts walked them all (22 s)
 *   instead of looking the word up (9 ms).
 * - Its statements stop once they have a page (or a count's bound), but PostgreSQL costs a walk of
 *   the newest mentions split among workers as a third of the walk: each worker walks its share
 *   ahead of the page, filling its queue, and a page of posts with a word of 1 % of them read
 *   166,000 mentions (1.5 s) instead of 8,400 (33 ms).
 */
export async function plannedForItsValues<T>(db: Queryable, read: (db: Queryable) => Promise<T>): Promise<T> {
  const settings = `SELECT set_config('plan_cache_mode', 'force_custom_plan', true), set_config('max_parallel_workers_per_gather', '0', true)`;
  if ('transaction' in db) {
    return (db as Db).transaction(async (tx) => {
      await tx.query(settings);
      return read(tx);
    });
  }
  // Already inside a transaction: the settings last only as long as this read.
  await db.query(settings);
  try {
    return await read(db);
  } finally {
    await db.query('SET LOCAL plan_cache_mode TO DEFAULT');
    await db.query('SET LOCAL max_parallel_workers_per_gather TO DEFAULT');
  }
}

/**
 * A page of the stream, a card per mention. The page's mentions are chosen from the mentions table
 * alone, newest first through an index that starts with the filtered column where there is one
 * (mentions_recent, mentions_query_recent, mentions_<sentiment|intent|network|language>_recent,
 * mentions_unanalysed_recent, mentions_reviewed_recent), and
 * only those are joined to their query, message and author. Joined first, a filter matching
 * thousands of mentions read and sorted thousands of messages for one page whenever the planner
 * misjudged how many match (mentions not analysed yet: 1 s at 100,000 mentions on PGlite). A group
 * (`kind`) takes the newest of each of its queries (mentions_query_recent) and the newest of those,
 * instead of walking every mention to find the group's.
 */
export async function listMentions(
  db: Queryable,
  workspaceId: string,
  filter: StreamFilter,
  before: { sentAt: string; id: string } | null,
  limit: number,
): Promise<{ rows: Mention[]; hasMore: boolean }> {
  const params: unknown[] = [];
  const conditions = streamConditions(workspaceId, filter, params);
  const where = [...conditions.mention, ...(conditions.text ? [conditions.text] : [])];
  if (before) {
    params.push(before.sentAt, before.id);
    where.push(`(mn.sent_at, mn.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
  }
  params.push(limit + 1);
  const take = `LIMIT $${params.length}`;
  let page = `SELECT mn.* FROM mentions mn WHERE ${where.join(' AND ')} ${NEWEST_FIRST} ${take}`;
  if (filter.kind) {
    params.push(filter.kind);
    page = `SELECT mn.* FROM listening_queries g
      CROSS JOIN LATERAL (SELECT mn.* FROM mentions mn WHERE ${where.join(' AND ')} AND mn.query_id = g.id ${NEWEST_FIRST} ${take}) mn
      WHERE g.workspace_id = $1 AND g.kind = $${params.length} ${NEWEST_FIRST} ${take}`;
  }
  const statement = `SELECT ${SELECT} FROM (${page}) mn ${JOINS} ${NEWEST_FIRST}`;
  // A text's best plan depends on how common its words are: see plannedForItsValues.
  const read = (reader: Queryable) => reader.query<Mention>(statement, params);
  const { rows } = await (filter.q ? plannedForItsValues(db, read) : read(db));
  return { rows: rows.slice(0, limit), hasMore: rows.length > limit };
}

export async function findMention(db: Queryable, workspaceId: string, id: string, lock = false): Promise<Mention | null> {
  const { rows } = await db.query<Mention>(
    `SELECT ${SELECT} ${FROM} WHERE mn.workspace_id = $1 AND mn.id = $2${lock ? ' FOR UPDATE OF mn' : ''}`,
    [workspaceId, id],
  );
  return rows[0] ?? null;
}

/** The enrichment of the mentions' messages, to take them out of (or put them back into) the rollups. */
export async function mentionEnrichments(
  db: Queryable,
  workspaceId: string,
  ids: readonly string[],
): Promise<Map<string, Record<string, unknown>>> {
  const { rows } = await db.query<{ id: string; enrichment: Record<string, unknown> }>(
    `SELECT mn.id, m.enrichment FROM mentions mn JOIN messages m ON m.workspace_id = mn.workspace_id AND m.id = mn.message_id
      WHERE mn.workspace_id = $1 AND mn.id = ANY($2::uuid[])`,
    [workspaceId, ids],
  );
  return new Map(rows.map((r) => [r.id, r.enrichment]));
}

export async function setRelevance(db: Queryable, workspaceId: string, ids: readonly string[], relevance: Relevance): Promise<void> {
  await db.query('UPDATE mentions SET relevance = $3 WHERE workspace_id = $1 AND id = ANY($2::uuid[])', [workspaceId, ids, relevance]);
}
