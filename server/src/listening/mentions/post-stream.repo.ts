/**
 * SQL for the stream read a card per post: a post several queries matched is one entry holding its
 * mentions of those queries. Posts go newest first by (sent_at, message_id): a message's mentions
 * share its sent_at, so each post is one run of that order, read from the same indexes as the
 * stream of mentions (their order is (sent_at, id): the planner sorts only the mentions sent in the
 * same millisecond by message, an incremental sort).
 */
import type { Queryable } from '../../platform/db/db.js';
import type { MentionedPost, StreamFilter } from './mention.schema.js';
import { plannedForItsValues, streamConditions } from './mention-stream.repo.js';

export interface PostPosition {
  sentAt: string;
  messageId: string;
}

const NEWEST_FIRST = 'ORDER BY mn.sent_at DESC, mn.message_id DESC';

/**
 * The newest `take` posts (sent_at, message_id) with a mention the filters select, after `before`.
 * Only mentions are read, through the filter's index, newest first: a walk in post order (an
 * incremental sort of the index's order) that stops once `take` posts are found. The walk is capped
 * at `take` × the queries in scope, which it cannot reach first (a post has at most a mention per
 * query): PostgreSQL 15 sorts a DISTINCT's input incrementally only below a LIMIT — without one, a
 * page sorted the workspace's 5,000,000 mentions (7 s).
 * A group (`kind`) takes the newest `take` mentions of each of its queries (mentions_query_recent),
 * a post at most once per query, and the newest posts of those.
 */
function newestPosts(
  filter: StreamFilter,
  where: string[],
  params: unknown[],
  before: PostPosition | null,
  take: { posts: number; perPost: number },
): string {
  const conditions = [...where];
  if (before) {
    params.push(before.sentAt, before.messageId);
    const [at, id] = [`$${params.length - 1}::timestamptz`, `$${params.length}::uuid`];
    // The first bound is the index's own column: the range starts where the last page ended.
    conditions.push(`mn.sent_at <= ${at}`, `(mn.sent_at, mn.message_id) < (${at}, ${id})`);
  }
  const limit = (rows: number) => `LIMIT $${params.push(rows)}`;
  const posts = 'SELECT DISTINCT ON (mn.sent_at, mn.message_id) mn.sent_at, mn.message_id';
  if (!filter.kind) {
    const walk = `SELECT mn.sent_at, mn.message_id FROM mentions mn WHERE ${conditions.join(' AND ')} ${NEWEST_FIRST}
      ${limit(take.posts * Math.max(1, take.perPost))}`;
    return `${posts} FROM (${walk}) mn ${NEWEST_FIRST} ${limit(take.posts)}`;
  }
  const perQuery = limit(take.posts);
  params.push(filter.kind);
  return `${posts} FROM listening_queries g
    CROSS JOIN LATERAL (
      SELECT mn.sent_at, mn.message_id FROM mentions mn WHERE ${conditions.join(' AND ')} AND mn.query_id = g.id ${NEWEST_FIRST} ${perQuery}
    ) mn
    WHERE g.workspace_id = $1 AND g.kind = $${params.length} ${NEWEST_FIRST} ${limit(take.posts)}`;
}

/** How many mentions a post of the stream can have: one in a query's stream (a group's is read per query), else one per query of the workspace. */
async function mentionsPerPost(db: Queryable, workspaceId: string, filter: StreamFilter): Promise<number> {
  if (filter.queryId || filter.kind) return 1;
  const { rows } = await db.query<{ count: number }>('SELECT count(*)::int AS count FROM listening_queries WHERE workspace_id = $1', [
    workspaceId,
  ]);
  return rows[0]!.count;
}

/**
 * A page of posts, newest first, each with its message, author and the mentions of it the filters
 * select (read per post through mentions_message). Only the page meets messages and authors, each
 * looked up by its key (a lateral read of one row, which the planner cannot turn into a join): as a
 * join, with the tables not yet analysed, it read every message of the workspace to hash them.
 */
export async function listPosts(
  db: Queryable,
  workspaceId: string,
  filter: StreamFilter,
  before: PostPosition | null,
  limit: number,
): Promise<{ rows: MentionedPost[]; hasMore: boolean }> {
  return plannedForItsValues(db, async (reader) => {
    const params: unknown[] = [];
    const { mention, text } = streamConditions(workspaceId, filter, params);
    const perPost = await mentionsPerPost(reader, workspaceId, filter);
    const page = newestPosts(filter, text ? [...mention, text] : mention, params, before, { posts: limit + 1, perPost });
    // The page's posts matched the text already: their mentions are read by the other filters only.
    const mentions = [...mention];
    if (filter.kind) {
      params.push(filter.kind);
      mentions.push(`q.kind = $${params.length}`);
    }
    const { rows } = await reader.query<MentionedPost>(
      `SELECT p.message_id AS "messageId", m.conversation_id AS "conversationId", m.network, pm.language, p.sent_at AS "sentAt",
          m.title, m.text, m.url, pm.influence,
          json_build_object('identityId', i.id, 'handle', i.handle, 'displayName', i.display_name, 'profileUrl', i.profile_url,
            'avatarUrl', i.avatar_url, 'followers', i.followers, 'contactId', i.contact_id) AS author,
          pm.mentions
        FROM (${page}) p
        CROSS JOIN LATERAL (
          SELECT m.conversation_id, m.network, m.title, m.text, m.url, m.author_identity_id FROM messages m
           WHERE m.workspace_id = $1 AND m.id = p.message_id LIMIT 1
        ) m
        LEFT JOIN LATERAL (SELECT i.* FROM social_identities i WHERE i.workspace_id = $1 AND i.id = m.author_identity_id LIMIT 1) i ON true
        CROSS JOIN LATERAL (
          SELECT min(mn.language) AS language, max(mn.influence) AS influence,
            json_agg(json_build_object('id', mn.id, 'queryId', mn.query_id, 'queryName', q.name, 'queryKind', q.kind,
              'sentiment', mn.sentiment, 'sentimentScore', mn.sentiment_score, 'intent', mn.intent,
              'readAboutSubject', mn.read_about_subject, 'relevance', mn.relevance) ORDER BY q.name, mn.id) AS mentions
          FROM mentions mn JOIN listening_queries q ON q.workspace_id = $1 AND q.id = mn.query_id
          WHERE ${mentions.join(' AND ')} AND mn.message_id = p.message_id
        ) pm
        ORDER BY p.sent_at DESC, p.message_id DESC`,
      params,
    );
    return { rows: rows.slice(0, limit), hasMore: rows.length > limit };
  });
}

/** The positions of the newest `take` posts after `before`, read as a page's are: what a count walks through. */
export async function postPositions(
  db: Queryable,
  workspaceId: string,
  filter: StreamFilter,
  before: PostPosition | null,
  take: number,
): Promise<PostPosition[]> {
  return plannedForItsValues(db, async (reader) => {
    const params: unknown[] = [];
    const { mention, text } = streamConditions(workspaceId, filter, params);
    const perPost = await mentionsPerPost(reader, workspaceId, filter);
    const posts = newestPosts(filter, text ? [...mention, text] : mention, params, before, { posts: take, perPost });
    const { rows } = await reader.query<PostPosition>(
      `SELECT p.sent_at AS "sentAt", p.message_id AS "messageId" FROM (${posts}) p ORDER BY p.sent_at DESC, p.message_id DESC`,
      params,
    );
    return rows;
  });
}
