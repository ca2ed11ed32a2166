/**
 * Dashboard SQL. Everything reads the rollups (hourly and daily volume, daily breakdowns, daily
 * and monthly terms), never the mentions themselves, so a chart over millions of mentions sums a
 * few thousand rows.
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

/**
 * Every statement here takes $1 the workspace, $2 and $3 the range. Hourly buckets inside the
 * range; for daily rollups, every UTC day the range touches, both ends as dates (a date parameter
 * would otherwise be inferred and cut the range's times off, and comparing each row's date with a
 * timestamptz was measured 2-3× slower).
 */
function range(timeColumn: 'bucket' | 'day'): string {
  return timeColumn === 'day'
    ? `r.day >= ($2::timestamptz AT TIME ZONE 'UTC')::date AND r.day < (($3::timestamptz - interval '1 millisecond') AT TIME ZONE 'UTC')::date + 1`
    : `r.${timeColumn} >= $2::timestamptz AND r.${timeColumn} < $3::timestamptz`;
}

/**
 * The scope's optional query and kind filters on rollup rows `r`, as SQL and parameters numbered
 * from $4. Each combination is a statement of its own: written as `$n IS NULL OR …` in one
 * statement, PostgreSQL's one plan for all values (after five calls) estimated one row everywhere
 * and nested the rollups under the 20 queries (breakdown 6 → 82 ms at 1,000,000 mentions).
 */
function scopeFilters(scope: Scope): { sql: string; params: unknown[] } {
  const sql: string[] = [];
  const params: unknown[] = [scope.workspaceId, scope.from, scope.to];
  if (scope.queryId) {
    params.push(scope.queryId);
    sql.push(`AND r.query_id = $${params.length}::uuid`);
  }
  if (scope.kind) {
    params.push(scope.kind);
    sql.push(`AND r.query_id IN (SELECT id FROM listening_queries WHERE workspace_id = $1 AND kind = $${params.length}::text)`);
  }
  return { sql: sql.join(' '), params };
}

/** One query's counts per interval, in interval order; intervals where it was not heard are left out. */
export interface QueryVolume {
  queryId: string;
  query: string;
  kind: string;
  /** Interval starts, seconds since the epoch (UTC), ascending. */
  starts: number[];
  mentions: number[];
  positive: number[];
  negative: number[];
  neutral: number[];
  sentimentSums: number[];
}

/** The first UTC midnight at or after the range's start, and the last one at or before its end. */
const FIRST_MIDNIGHT = `(date_trunc('day', $2::timestamptz - interval '1 microsecond', 'UTC') + interval '24 hours')`;
const LAST_MIDNIGHT = `date_trunc('day', $3::timestamptz, 'UTC')`;
const COUNTS = 'mentions, positive, negative, neutral, sentiment_sum';

/**
 * The range's counts per query for daily or weekly charts: whole days from the daily volume, and
 * the hours of the partial first and last days from the hourly one — the same counts as hourly
 * buckets over the range, from at most queries × (days + 48) rows. `$first` and `$last` are the
 * whole days' bounds as dates (see dayBounds): as expressions of $2 and $3 they were evaluated
 * for every daily row (a quarter of the statement's time at 90 days).
 */
const daysAndEdgeHours = (first: string, last: string) => `
  SELECT query_id, (day::timestamp AT TIME ZONE 'UTC') AS bucket, ${COUNTS} FROM mention_daily_volume
   WHERE workspace_id = $1 AND day >= ${first}::date AND day < ${last}::date
  UNION ALL
  SELECT query_id, bucket, ${COUNTS} FROM mention_hourly
   WHERE workspace_id = $1 AND bucket >= $2::timestamptz AND bucket < least(${FIRST_MIDNIGHT}, $3::timestamptz)
  UNION ALL
  SELECT query_id, bucket, ${COUNTS} FROM mention_hourly
   WHERE workspace_id = $1 AND bucket >= greatest(${LAST_MIDNIGHT}, ${FIRST_MIDNIGHT}) AND bucket < $3::timestamptz`;

const DAY_MS = 86_400_000;

/** The first UTC day starting at or after `from` and the day starting at or before `to`, as ISO dates (FIRST_MIDNIGHT, LAST_MIDNIGHT). */
function dayBounds(from: Date, to: Date): [string, string] {
  const first = new Date(Math.ceil(from.getTime() / DAY_MS) * DAY_MS);
  const last = new Date(Math.floor(to.getTime() / DAY_MS) * DAY_MS);
  return [first.toISOString().slice(0, 10), last.toISOString().slice(0, 10)];
}

/**
 * One query's intervals as one text list of points, each "start mentions positive negative
 * neutral sentimentSum" (start in seconds since the epoch), ascending by start. Text rather than
 * arrays: the driver parses an array a character at a time in JavaScript (15 % of the server's CPU
 * on a 90-day chart), a list is native `split`s; one list rather than one per column, because each
 * ordered aggregate sorts its group again.
 */
interface QueryPoints {
  queryId: string;
  query: string;
  kind: string;
  points: string;
}

/**
 * Counts per query and interval, queries in name order. The database sends one row
 * per query with its intervals as lists: a 90-day chart of 20 queries is 1,820 points, and as
 * that many rows their sending and parsing cost more than the sums (measured: 9.4 ms of database and
 * 10.8 ms of server CPU per request at 5,000,000 mentions).
 */
export async function volumeSeries(db: Queryable, scope: Scope, interval: Interval): Promise<QueryVolume[]> {
  const filters = scopeFilters(scope);
  const params = [...filters.params];
  let source: string;
  if (interval === 'hour') source = `FROM mention_hourly r WHERE r.workspace_id = $1 AND ${range('bucket')} ${filters.sql}`;
  else {
    params.push(...dayBounds(scope.from, scope.to));
    source = `FROM (${daysAndEdgeHours(`$${params.length - 1}`, `$${params.length}`)}) r WHERE true ${filters.sql}`;
  }
  const { rows } = await db.query<QueryPoints>(
    `SELECT g.query_id AS "queryId", q.name AS query, q.kind, string_agg(g.point, ',' ORDER BY g.at) AS points
       FROM (SELECT date_trunc('${interval}', r.bucket, 'UTC') AS at, r.query_id,
                    concat_ws(' ', extract(epoch FROM date_trunc('${interval}', r.bucket, 'UTC'))::int8, sum(r.mentions), sum(r.positive),
                              sum(r.negative), sum(r.neutral), sum(r.sentiment_sum)::float8) AS point
               ${source} GROUP BY 1, 2) g
       JOIN listening_queries q ON q.workspace_id = $1 AND q.id = g.query_id
      GROUP BY g.query_id, q.name, q.kind ORDER BY q.name`,
    params,
  );
  return rows.map(volumeOf);
}

const HOUR_MS = 3_600_000;

/**
 * Counts per query in the intervals starting at `starts` (ascending, the first at or before the
 * range's start): the days or weeks of a time zone whose midnights are not UTC midnights, which
 * the daily rollups (UTC days) cannot give. Summed from the hourly rollups, except the hours a
 * start cuts (zones half or three quarters of an hour off UTC, such as Asia/Kolkata): those are
 * counted from their mentions, so each lands in the interval it was sent in.
 */
export async function volumeSeriesFrom(db: Queryable, scope: Scope, starts: readonly Date[]): Promise<QueryVolume[]> {
  const filters = scopeFilters(scope);
  const cut = starts
    .map((start) => start.getTime())
    .filter((at) => at % HOUR_MS !== 0)
    .map((at) => at - (at % HOUR_MS))
    // The hours the hourly rollups are read for: those starting in the range.
    .filter((hour) => hour >= scope.from.getTime() && hour < scope.to.getTime())
    .map((hour) => new Date(hour));
  const params = [...filters.params, starts, cut];
  const [startsParam, cutParam] = [`$${params.length - 1}::timestamptz[]`, `$${params.length}::timestamptz[]`];
  const { rows } = await db.query<QueryPoints>(
    `SELECT g.query_id AS "queryId", q.name AS query, q.kind, string_agg(g.point, ',' ORDER BY g.i) AS points
       FROM (SELECT w.i, r.query_id,
                    concat_ws(' ', extract(epoch FROM (${startsParam})[w.i])::int8, sum(r.mentions), sum(r.positive),
                              sum(r.negative), sum(r.neutral), sum(r.sentiment_sum)::float8) AS point
               FROM (SELECT query_id, bucket, ${COUNTS} FROM mention_hourly
                      WHERE workspace_id = $1 AND bucket >= $2::timestamptz AND bucket < $3::timestamptz AND bucket <> ALL(${cutParam})
                     UNION ALL
                     SELECT mn.query_id, mn.sent_at, 1, (mn.sentiment = 'positive')::int, (mn.sentiment = 'negative')::int,
                            (mn.sentiment = 'neutral')::int, coalesce(mn.sentiment_score, 0)::float8
                       FROM unnest(${cutParam}) h(start)
                       JOIN mentions mn ON mn.workspace_id = $1 AND mn.sent_at >= h.start AND mn.sent_at < h.start + interval '1 hour'
                      WHERE mn.relevance <> 'irrelevant') r
               CROSS JOIN LATERAL (SELECT width_bucket(r.bucket, ${startsParam}) AS i) w
              WHERE true ${filters.sql}
              GROUP BY 1, 2) g
       JOIN listening_queries q ON q.workspace_id = $1 AND q.id = g.query_id
      GROUP BY g.query_id, q.name, q.kind ORDER BY q.name`,
    params,
  );
  return rows.map(volumeOf);
}

/** A query's points, as the database listed them. */
function volumeOf(q: QueryPoints): QueryVolume {
  const volume: QueryVolume = {
    queryId: q.queryId,
    query: q.query,
    kind: q.kind,
    starts: [],
    mentions: [],
    positive: [],
    negative: [],
    neutral: [],
    sentimentSums: [],
  };
  for (const point of q.points.split(',')) {
    const [start, mentions, positive, negative, neutral, sentimentSum] = point.split(' ');
    volume.starts.push(Number(start));
    volume.mentions.push(Number(mentions));
    volume.positive.push(Number(positive));
    volume.negative.push(Number(negative));
    volume.neutral.push(Number(neutral));
    volume.sentimentSums.push(Number(sentimentSum));
  }
  return volume;
}

export async function breakdown(db: Queryable, scope: Scope, by: 'network' | 'language') {
  const filters = scopeFilters(scope);
  const { rows } = await db.query<{ key: string; mentions: number; positive: number; negative: number; neutral: number }>(
    `SELECT r.${by} AS key, sum(r.mentions)::int AS mentions, sum(r.positive)::int AS positive, sum(r.negative)::int AS negative,
            sum(r.neutral)::int AS neutral
       FROM mention_daily r
      WHERE r.workspace_id = $1 AND ${range('day')} ${filters.sql}
      GROUP BY 1 HAVING sum(r.mentions) > 0 ORDER BY 2 DESC, 1`,
    filters.params,
  );
  return rows;
}

export async function queryIdsOfKind(db: Queryable, workspaceId: string, kind: string): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>('SELECT id FROM listening_queries WHERE workspace_id = $1 AND kind = $2', [
    workspaceId,
    kind,
  ]);
  return rows.map((r) => r.id);
}

export interface RankedTerm {
  /** The list the term was read from: one query's month, or every query's (`queryId` null). */
  queryId: string | null;
  month: string;
  term: string;
  mentions: number;
}

/**
 * The statement reading ranked lists: $1 workspace, $2 kind, $3 months, then the query ids (per
 * query) and the depth. Each kind of list has its own partial index (listening/004), chosen by
 * the predicate on `query_id`, and read in count order up to the depth.
 */
export function rankedTermsSql(perQuery: boolean): string {
  const lists = perQuery
    ? 'SELECT q AS query_id, m AS month FROM unnest($4::uuid[]) q, unnest($3::date[]) m'
    : 'SELECT NULL::uuid AS query_id, m AS month FROM unnest($3::date[]) m';
  const sameQuery = perQuery ? 't.query_id IS NOT NULL AND t.query_id = l.query_id' : 't.query_id IS NULL';
  return `SELECT l.query_id AS "queryId", to_char(l.month, 'YYYY-MM-DD') AS month, r.term, r.mentions
       FROM (${lists}) l
       CROSS JOIN LATERAL (
         SELECT t.term, t.mentions FROM mention_term_months t
          WHERE t.workspace_id = $1 AND t.kind = $2 AND ${sameQuery} AND t.month = l.month AND t.mentions > 0
          ORDER BY t.mentions DESC LIMIT $${perQuery ? 5 : 4}) r`;
}

/**
 * The `depth` most counted terms of a kind in each monthly list: per query of `queryIds`, or of
 * all queries together when `queryIds` is null.
 */
export async function rankedTerms(
  db: Queryable,
  workspaceId: string,
  kind: string,
  queryIds: readonly string[] | null,
  months: readonly string[],
  depth: number,
): Promise<RankedTerm[]> {
  const { rows } = await db.query<RankedTerm>(
    rankedTermsSql(queryIds !== null),
    queryIds ? [workspaceId, kind, months, queryIds, depth] : [workspaceId, kind, months, depth],
  );
  return rows;
}

/**
 * The exact count of each of `terms` (distinct) in the scope's range, from the daily term rollups:
 * one index range per term, summed there. As one `term = ANY(…)` scan grouped afterwards, the
 * plan made once for all values sorted the 25,000 rows of 40 hashtags by term (23 ms against 7).
 */
export async function termCounts(
  db: Queryable,
  scope: Scope,
  queryIds: readonly string[] | null,
  kind: string,
  terms: readonly string[],
): Promise<{ term: string; mentions: number }[]> {
  if (terms.length === 0) return [];
  const params = [scope.workspaceId, scope.from, scope.to, kind, terms, ...(queryIds ? [queryIds] : [])];
  const { rows } = await db.query<{ term: string; mentions: number }>(
    `SELECT t.term, s.mentions FROM unnest($5::text[]) AS t(term)
      CROSS JOIN LATERAL (
        SELECT sum(r.mentions)::int AS mentions FROM mention_term_rollups r
         WHERE r.workspace_id = $1 AND r.kind = $4 AND r.term = t.term AND ${range('day')}
           ${queryIds ? 'AND r.query_id = ANY($6::uuid[])' : ''}) s
      WHERE s.mentions > 0`,
    params,
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
