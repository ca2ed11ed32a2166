/**
 * Dashboard SQL. Everything reads the rollups (hourly counts, daily terms), never the mentions
 * themselves, so a chart over millions of mentions sums a few thousand rows.
 */
import type { Queryable } from '../../platform/db/db.js';
import type { Interval } from './analytics.schema.js';

export interface Scope {
  workspaceId: string;
  queryId?: string;
  kind?: string;
  from: Date;
  to: Date;
}

/** Rollup rows in the scope, joined to their query; `$1..$5` are taken. */
function scoped(table: 'mention_rollups' | 'mention_hourly' | 'mention_term_rollups', timeColumn: string) {
  return `FROM ${table} r JOIN listening_queries q ON q.workspace_id = r.workspace_id AND q.id = r.query_id
    WHERE r.workspace_id = $1 AND ($2::uuid IS NULL OR r.query_id = $2) AND ($3::text IS NULL OR q.kind = $3)
      AND ${range(timeColumn)}`;
}

/**
 * Hourly buckets inside the range; for daily rollups, every UTC day the range touches (a date
 * parameter would otherwise be inferred and cut the range's times off).
 */
function range(timeColumn: string): string {
  return timeColumn === 'day'
    ? `r.day >= ($4::timestamptz AT TIME ZONE 'UTC')::date AND r.day < ($5::timestamptz AT TIME ZONE 'UTC')`
    : `r.${timeColumn} >= $4::timestamptz AND r.${timeColumn} < $5::timestamptz`;
}

const params = (s: Scope) => [s.workspaceId, s.queryId ?? null, s.kind ?? null, s.from, s.to];

export interface SeriesRow {
  at: Date;
  queryId: string;
  query: string;
  kind: string;
  mentions: number;
  positive: number;
  negative: number;
  neutral: number;
  sentimentSum: number;
}

export async function volumeSeries(db: Queryable, scope: Scope, interval: Interval): Promise<SeriesRow[]> {
  const { rows } = await db.query<SeriesRow>(
    `SELECT date_trunc('${interval}', r.bucket, 'UTC') AS at, r.query_id AS "queryId", q.name AS query, q.kind,
            sum(r.mentions)::int AS mentions, sum(r.positive)::int AS positive, sum(r.negative)::int AS negative,
            sum(r.neutral)::int AS neutral, sum(r.sentiment_sum)::float8 AS "sentimentSum"
       ${scoped('mention_hourly', 'bucket')}
      GROUP BY 1, 2, 3, 4 ORDER BY 1, 3`,
    params(scope),
  );
  return rows;
}

export async function breakdown(db: Queryable, scope: Scope, by: 'network' | 'language') {
  const { rows } = await db.query<{ key: string; mentions: number; positive: number; negative: number; neutral: number }>(
    `SELECT r.${by} AS key, sum(r.mentions)::int AS mentions, sum(r.positive)::int AS positive, sum(r.negative)::int AS negative,
            sum(r.neutral)::int AS neutral
       ${scoped('mention_rollups', 'bucket')}
      GROUP BY 1 HAVING sum(r.mentions) > 0 ORDER BY 2 DESC, 1`,
    params(scope),
  );
  return rows;
}

export async function topTerms(db: Queryable, scope: Scope, kind: string, limit: number) {
  const { rows } = await db.query<{ term: string; mentions: number }>(
    `SELECT r.term, sum(r.mentions)::int AS mentions
       ${scoped('mention_term_rollups', 'day')} AND r.kind = $6
      GROUP BY 1 HAVING sum(r.mentions) > 0 ORDER BY 2 DESC, 1 LIMIT $7`,
    [...params(scope), kind, limit],
  );
  return rows;
}

export async function identitiesById(db: Queryable, workspaceId: string, ids: readonly string[]) {
  const { rows } = await db.query<{
    id: string;
    network: string;
    handle: string;
    displayName: string;
    followers: number | null;
    following: number | null;
    postsCount: number | null;
    contactId: string | null;
  }>(
    `SELECT id, network, handle, display_name AS "displayName", followers, following, posts_count AS "postsCount", contact_id AS "contactId"
       FROM social_identities WHERE workspace_id = $1 AND id = ANY($2::uuid[])`,
    [workspaceId, ids],
  );
  return new Map(rows.map((r) => [r.id, r]));
}
