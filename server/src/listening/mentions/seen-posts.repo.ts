/**
 * What Rapport has heard of authors, for the engagement and echo parts of their influence
 * (nlp/influence): the likes, shares and replies of their mentions' posts that came with those
 * counts, kept per author and query by `bumpAuthorEngagement` (mention.repo.ts).
 */
import type { SeenPosts } from '../../nlp/influence/influence.js';
import type { Queryable } from '../../platform/db/db.js';

/** The seen posts of each author with any. */
export async function storedSeenPosts(db: Queryable, workspaceId: string, authorIds: readonly string[]): Promise<Map<string, SeenPosts>> {
  if (authorIds.length === 0) return new Map();
  const { rows } = await db.query<SeenPosts & { authorId: string }>(
    `SELECT author_identity_id AS "authorId", sum(posts)::int AS posts, sum(interactions)::float8 AS interactions,
            sum(replied_to)::int AS "repliedTo", sum(shared)::int AS shared
       FROM mention_author_engagement
      WHERE workspace_id = $1 AND author_identity_id = ANY($2::uuid[])
      GROUP BY author_identity_id`,
    [workspaceId, [...new Set(authorIds)]],
  );
  return new Map(rows.map(({ authorId, ...seen }) => [authorId, seen]));
}
