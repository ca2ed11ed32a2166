/**
 * Dashboard SQL. Whole hours and days come from the rollups (hourly and daily volume, daily
 * breakdowns, daily and monthly terms), so a chart over millions of mentions sums a few thousand
 * rows; the partial hours or days at a range's ends come from their mentions (see exact-range.ts),
 * so every chart counts exactly the mentions sent from `from` to `to`.
 */
import type { Queryable } from '../../platform/db/db.js';
import type { Interval } from './analytics.schema.js';
import { UNDERSTOOD_TERM_FIELDS, type TermSources, type UnderstoodTermKind } from '../mentions/mention-facts.js';
import { cutRange, DAY_MS, HOUR_MS, rangeParts, unitParts, type SignedSpan, type Span } from './exact-range.js';

export interface Scope {
  workspaceId: string;
  queryId?: string;
  kind?: string;
  from: Date;
  to: Date;
  /** When the chart is asked for: nothing is sent after it (see rangeParts). */
  now: Date;
}

/**
 * The scope's optional query and kind filters on rows `r`, as SQL, their parameters appended to
 * `params` (which start with $1 the workspace). Each combination is a statement of its own: written
 * as `$n IS NULL OR …` in one statement, PostgreSQL's one plan for all values (after five calls)
 * estimated one row everywhere and nested the rollups under the 20 queries (breakdown 6 → 82 ms at
 * 1,000,000 mentions).
 */
function scopeFilters(scope: Scope, params: unknown[]): string {
  const sql: string[] = [];
  if (scope.queryId) {
    params.push(scope.queryId);
    sql.push(`AND r.query_id = $${params.length}::uuid`);
  }
  if (scope.kind) {
    params.push(scope.kind);
    sql.push(`AND r.query_id IN (SELECT id FROM listening_queries WHERE workspace_id = $1 AND kind = $${params.length}::text)`);
  }
  return sql.join(' ');
}

/** Appends the spans to `params` as three arrays (starts, ends, signs); returns the table they make, `s(f, t, sign)`. */
function spansOf(params: unknown[], spans: readonly SignedSpan[]): string {
  params.push(
    spans.map((span) => span.from),
    spans.map((span) => span.to),
    spans.map((span) => span.sign),
  );
  const n = params.length - 2;
  return `unnest($${n}::timestamptz[], $${n + 1}::timestamptz[], $${n + 2}::int[]) s(f, t, sign)`;
}

/**
 * The mentions `r` sent in the spans `s`: one index range over the mentions by time per span. As a
 * join (`OFFSET 0` keeps the planner from turning the subquery into one) it knew nothing of the
 * spans' few rows and short times, and read every mention of the workspace to pick those in them
 * (730 ms at 1,000,000 mentions).
 */
const spanMentions = (spans: string, columns: string) => `${spans} CROSS JOIN LATERAL (
    SELECT ${columns} FROM mentions r WHERE r.workspace_id = $1 AND r.sent_at >= s.f AND r.sent_at < s.t AND r.relevance <> 'irrelevant'
    OFFSET 0) r`;

/**
 * The mentions sent in the spans as rollup-shaped rows `(query_id, <name>, mentions, positive,
 * negative, neutral, sentiment_sum)`, `<name>` being `key` of the mention `r`, each counting its
 * span's sign: one mention added or taken off.
 */
const mentionsIn = (spans: string, key: string, name: string) => `
  SELECT r.query_id, r.key AS ${name}, s.sign AS mentions, s.sign * (r.sentiment = 'positive')::int AS positive,
         s.sign * (r.sentiment = 'negative')::int AS negative, s.sign * (r.sentiment = 'neutral')::int AS neutral,
         s.sign * coalesce(r.sentiment_score, 0)::float8 AS sentiment_sum
    FROM ${spanMentions(spans, `r.query_id, ${key} AS key, r.sentiment, r.sentiment_score`)}`;

const added = (spans: readonly Span[]): SignedSpan[] => spans.map((span) => ({ ...span, sign: 1 }));

const isoDay = (day: Date) => day.toISOString().slice(0, 10);

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

/** The first UTC midnight at or after $2 (the range's first whole hour), and the last one at or before $3 (the end of its whole hours). */
const FIRST_MIDNIGHT = `(date_trunc('day', $2::timestamptz - interval '1 microsecond', 'UTC') + interval '24 hours')`;
const LAST_MIDNIGHT = `date_trunc('day', $3::timestamptz, 'UTC')`;
const COUNTS = 'mentions, positive, negative, neutral, sentiment_sum';

/**
 * The range's counts per query for daily or weekly charts: whole days from the daily volume, and
 * the whole hours of the partial first and last days from the hourly one — the same counts as
 * hourly buckets over those hours, from at most queries × (days + 48) rows. `$first` and `$last`
 * are the whole days' bounds as dates (see dayBounds): as expressions of $2 and $3 they were
 * evaluated for every daily row (a quarter of the statement's time at 90 days).
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

/** The first UTC day starting at or after `from` and the day starting at or before `to`, as ISO dates (FIRST_MIDNIGHT, LAST_MIDNIGHT). */
function dayBounds(from: Date, to: Date): [string, string] {
  const { whole } = cutRange(from, to, DAY_MS);
  return [isoDay(whole.from), isoDay(whole.to)];
}

/**
 * One query's intervals as one text list of points, each "start mentions positive negative
 * neutral sentimentSum" (start in seconds since the epoch), ascending by start. Text rather than
 * arrays: the driver parses an array a character at a time in JavaScript (15 % of the server's CPU
 * on a 90-day chart), a list is native `split`s; one list rather than one per column, because each
 * ordered aggregate sorts its group again.
 */
/**
 * Each query's list joined to its name once it is one row: joined while still a row per interval,
 * the planner (expecting a few dozen rows for 1,820) scanned them once per query, 9 of a 90-day
 * chart's 30 ms.
 */
const QUERY_OF_SERIES = `JOIN listening_queries q ON q.workspace_id = $1 AND q.id = s.query_id ORDER BY q.name`;

interface QueryPoints {
  queryId: string;
  query: string;
  kind: string;
  points: string;
}

/**
 * Counts per query and interval, queries in name order: the rollups' whole hours (and days) plus
 * or minus the mentions of the partial hours at the range's ends (see unitParts). The database sends one row
 * per query with its intervals as lists: a 90-day chart of 20 queries is 1,820 points, and as
 * that many rows their sending and parsing cost more than the sums (measured: 9.4 ms of database and
 * 10.8 ms of server CPU per request at 5,000,000 mentions).
 */
export async function volumeSeries(db: Queryable, scope: Scope, interval: Interval): Promise<QueryVolume[]> {
  const hours = unitParts(scope.from, scope.to, scope.now, HOUR_MS);
  const params: unknown[] = [scope.workspaceId, hours.whole.from, hours.whole.to];
  const filters = scopeFilters(scope, params);
  // A partial hour taken whole less the rest of it: the rest's mentions land in the hour's interval, taken off.
  const edges = mentionsIn(spansOf(params, hours.mentions), 'r.sent_at', 'bucket');
  let rollups: string;
  if (interval === 'hour')
    rollups = `SELECT query_id, bucket, ${COUNTS} FROM mention_hourly WHERE workspace_id = $1 AND bucket >= $2 AND bucket < $3`;
  else {
    params.push(...dayBounds(hours.whole.from, hours.whole.to));
    rollups = daysAndEdgeHours(`$${params.length - 1}`, `$${params.length}`);
  }
  const { rows } = await db.query<QueryPoints>(
    `SELECT s.query_id AS "queryId", q.name AS query, q.kind, s.points
       FROM (SELECT g.query_id, string_agg(g.point, ',' ORDER BY g.at) AS points
               FROM (SELECT date_trunc('${interval}', r.bucket, 'UTC') AS at, r.query_id,
                            concat_ws(' ', extract(epoch FROM date_trunc('${interval}', r.bucket, 'UTC'))::int8, sum(r.mentions),
                                      sum(r.positive), sum(r.negative), sum(r.neutral), sum(r.sentiment_sum)::float8) AS point
                       FROM (${rollups} UNION ALL ${edges}) r WHERE true ${filters} GROUP BY 1, 2) g
              GROUP BY g.query_id) s
       ${QUERY_OF_SERIES}`,
    params,
  );
  return rows.map(volumeOf);
}

/**
 * Counts per query in the intervals starting at `starts` (ascending, the first at or before the
 * range's start): the days or weeks of a time zone whose midnights are not UTC midnights, which
 * the daily rollups (UTC days) cannot give. Summed from the hourly rollups, except the hours a
 * start cuts (zones half or three quarters of an hour off UTC, such as Asia/Kolkata) and the
 * partial hours at the range's ends: those are counted from their mentions, so each lands in the
 * interval it was sent in.
 */
export async function volumeSeriesFrom(db: Queryable, scope: Scope, starts: readonly Date[]): Promise<QueryVolume[]> {
  const hours = cutRange(scope.from, scope.to, HOUR_MS);
  const cut = starts
    .map((start) => start.getTime())
    .filter((at) => at % HOUR_MS !== 0)
    .map((at) => at - (at % HOUR_MS))
    // Whole hours the hourly rollups would be read for; a start in a partial hour is among its mentions already.
    .filter((hour) => hour >= hours.whole.from.getTime() && hour < hours.whole.to.getTime())
    .map((hour) => new Date(hour));
  const params: unknown[] = [scope.workspaceId, hours.whole.from, hours.whole.to, starts, cut];
  const filters = scopeFilters(scope, params);
  const spans = spansOf(params, added([...hours.edges, ...cut.map((hour) => ({ from: hour, to: new Date(hour.getTime() + HOUR_MS) }))]));
  const { rows } = await db.query<QueryPoints>(
    `SELECT s.query_id AS "queryId", q.name AS query, q.kind, s.points
       FROM (SELECT g.query_id, string_agg(g.point, ',' ORDER BY g.i) AS points
               FROM (SELECT w.i, r.query_id,
                            concat_ws(' ', extract(epoch FROM ($4::timestamptz[])[w.i])::int8, sum(r.mentions), sum(r.positive),
                                      sum(r.negative), sum(r.neutral), sum(r.sentiment_sum)::float8) AS point
                       FROM (SELECT query_id, bucket, ${COUNTS} FROM mention_hourly
                              WHERE workspace_id = $1 AND bucket >= $2::timestamptz AND bucket < $3::timestamptz
                                AND bucket <> ALL($5::timestamptz[])
                             UNION ALL ${mentionsIn(spans, 'r.sent_at', 'bucket')}) r
                       CROSS JOIN LATERAL (SELECT width_bucket(r.bucket, $4::timestamptz[]) AS i) w
                      WHERE true ${filters}
                      GROUP BY 1, 2) g
              GROUP BY g.query_id) s
       ${QUERY_OF_SERIES}`,
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

/** Appends the spans to `params` as two arrays (starts, ends); returns the table they make, `hs(f, t)`. */
function hourSpansOf(params: unknown[], spans: readonly Span[]): string {
  params.push(
    spans.map((span) => span.from),
    spans.map((span) => span.to),
  );
  return `unnest($${params.length - 1}::timestamptz[], $${params.length}::timestamptz[]) hs(f, t)`;
}

/**
 * Counts by network or language: days from the daily breakdowns, hours from the hourly ones, plus
 * or minus the mentions of the partial hours at the range's ends (see rangeParts). The hourly rows
 * are read per query of the workspace, as they are keyed.
 */
export async function breakdown(db: Queryable, scope: Scope, by: 'network' | 'language') {
  const parts = rangeParts(scope.from, scope.to, scope.now);
  const params: unknown[] = [scope.workspaceId, isoDay(parts.days.from), isoDay(parts.days.to)];
  const filters = scopeFilters(scope, params);
  const key = by === 'network' ? 'r.network' : "coalesce(r.language, '')";
  const { rows } = await db.query<{ key: string; mentions: number; positive: number; negative: number; neutral: number }>(
    `SELECT r.key, sum(r.mentions)::int AS mentions, sum(r.positive)::int AS positive, sum(r.negative)::int AS negative,
            sum(r.neutral)::int AS neutral
       FROM (SELECT query_id, ${by} AS key, ${COUNTS} FROM mention_daily WHERE workspace_id = $1 AND day >= $2::date AND day < $3::date
             UNION ALL
             SELECT h.query_id, h.${by} AS key, h.mentions, h.positive, h.negative, h.neutral, h.sentiment_sum
               FROM ${hourSpansOf(params, parts.hours)} CROSS JOIN listening_queries q
               JOIN mention_hourly_breakdowns h ON h.workspace_id = $1 AND h.query_id = q.id AND h.bucket >= hs.f AND h.bucket < hs.t
              WHERE q.workspace_id = $1
             UNION ALL ${mentionsIn(spansOf(params, parts.mentions), key, 'key')}) r
      WHERE true ${filters}
      GROUP BY 1 HAVING sum(r.mentions) > 0 ORDER BY 2 DESC, 1`,
    params,
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
 * The count of each of `terms` (distinct) over `days` and `hours`, from the daily and hourly term
 * rollups: index ranges per term, summed there. As one `term = ANY(…)` scan grouped afterwards, the
 * plan made once for all values sorted the 25,000 rows of 40 hashtags by term (23 ms against 7).
 */
export async function termCounts(
  db: Queryable,
  workspaceId: string,
  queryIds: readonly string[] | null,
  kind: string,
  terms: readonly string[],
  parts: { days: Span; hours: readonly Span[] },
): Promise<{ term: string; mentions: number }[]> {
  if (terms.length === 0) return [];
  const params: unknown[] = [workspaceId, isoDay(parts.days.from), isoDay(parts.days.to), kind, terms];
  const hours = hourSpansOf(params, parts.hours);
  const queriesParam = queryIds ? params.push(queryIds) : 0;
  const ofQueries = (alias: string) => (queryIds ? `AND ${alias}.query_id = ANY($${queriesParam}::uuid[])` : '');
  const { rows } = await db.query<{ term: string; mentions: number }>(
    `SELECT c.term, s.mentions FROM unnest($5::text[]) AS c(term)
      CROSS JOIN LATERAL (
        SELECT sum(x.mentions)::int AS mentions FROM (
          SELECT r.mentions FROM mention_term_rollups r
           WHERE r.workspace_id = $1 AND r.kind = $4 AND r.term = c.term AND r.day >= $2::date AND r.day < $3::date ${ofQueries('r')}
          UNION ALL
          SELECT h.mentions FROM ${hours}
            JOIN mention_term_hours h ON h.workspace_id = $1 AND h.kind = $4 AND h.term = c.term AND h.bucket >= hs.f AND h.bucket < hs.t
           WHERE true ${ofQueries('h')}) x) s
      WHERE s.mentions > 0`,
    params,
  );
  return rows;
}

/** The mentions `r` sent in `spans` (with `columns`), of `queryIds` (null: every query), as the term rollups count them; ends in a WHERE. */
function countedMentionsIn(params: unknown[], queryIds: readonly string[] | null, spans: readonly SignedSpan[], columns: string) {
  const from = spanMentions(spansOf(params, spans), `r.query_id, ${columns}`);
  if (!queryIds) return `${from} WHERE true`;
  params.push(queryIds);
  return `${from} WHERE r.query_id = ANY($${params.length}::uuid[])`;
}

/** Each author's mentions sent in the spans, counted with the spans' signs: an author term is the mention's author. */
export async function authorsInSpans(
  db: Queryable,
  workspaceId: string,
  queryIds: readonly string[] | null,
  spans: readonly SignedSpan[],
): Promise<{ term: string; mentions: number }[]> {
  if (spans.length === 0) return [];
  const params: unknown[] = [workspaceId];
  const { rows } = await db.query<{ term: string; mentions: number }>(
    `SELECT r.author_identity_id::text AS term, sum(s.sign)::int AS mentions
       FROM ${countedMentionsIn(params, queryIds, spans, 'r.author_identity_id')}
        AND r.author_identity_id IS NOT NULL GROUP BY 1`,
    params,
  );
  return rows;
}

/**
 * The mentions sent in the spans, with their spans' signs and where their messages' stored
 * understanding (`enrichment.nlp`) holds the terms of `kind`: that part alone, as a whole
 * understanding was a hundred times the bytes to send and parse (190 KB for 600 mentions). A message
 * stored without a complete understanding has none (as understandingOf reads it).
 */
export async function termSourcesInSpans(
  db: Queryable,
  workspaceId: string,
  queryIds: readonly string[] | null,
  spans: readonly SignedSpan[],
  kind: UnderstoodTermKind,
): Promise<{ sign: 1 | -1; sources: TermSources }[]> {
  if (spans.length === 0) return [];
  const params: unknown[] = [workspaceId];
  const mentions = countedMentionsIn(params, queryIds, spans, 'r.message_id');
  const field = UNDERSTOOD_TERM_FIELDS[kind];
  params.push(field);
  const complete = ['sentiment', 'language', 'intent']
    .map((part) => `jsonb_typeof(m.enrichment->'nlp'->'${part}') <> 'null'`)
    .join(' AND ');
  const { rows } = await db.query<{ sign: 1 | -1; terms: unknown }>(
    `SELECT t.sign, CASE WHEN ${complete} THEN m.enrichment->'nlp'->$${params.length}::text END AS terms
       FROM (SELECT s.sign, r.message_id FROM ${mentions}) t
       JOIN messages m ON m.workspace_id = $1 AND m.id = t.message_id`,
    params,
  );
  return rows.map((r) => ({ sign: r.sign, sources: Array.isArray(r.terms) ? ({ [field]: r.terms } as TermSources) : {} }));
}

export async function identitiesById(db: Queryable, workspaceId: string, ids: readonly string[]) {
  const { rows } = await db.query<{
    id: string;
    network: string;
    handle: string;
    displayName: string;
    externalId: string;
    followers: number | null;
    following: number | null;
    postsCount: number | null;
    contactId: string | null;
  }>(
    `SELECT id, network, handle, display_name AS "displayName", external_id AS "externalId", followers, following, posts_count AS "postsCount", contact_id AS "contactId"
       FROM social_identities WHERE workspace_id = $1 AND id = ANY($2::uuid[])`,
    [workspaceId, ids],
  );
  return new Map(rows.map((r) => [r.id, r]));
}
