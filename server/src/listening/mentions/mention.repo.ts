/**
 * SQL for mentions and the rollups kept beside them. Mentions are written in bulk and
 * `ON CONFLICT`-safe (a message matches a query once, however often it is matched); the rollups
 * are bumped only for the mentions that were actually inserted, in the same transaction, so the
 * dashboards' counts and the stream never disagree.
 */
import type { SeenPosts } from '../../nlp/influence/influence.js';
import type { Queryable } from '../../platform/db/db.js';
import { unnestOf } from '../../platform/db/unnest.js';

export interface NewMention {
  id: string;
  queryId: string;
  messageId: string;
  conversationId: string;
  authorIdentityId: string | null;
  network: string;
  language: string | null;
  sentiment: 'positive' | 'negative' | 'neutral' | null;
  sentimentScore: number | null;
  intent: string | null;
  /** Sentiment and intent are what the message says about the query's subject, not the whole message's. */
  readAboutSubject: boolean;
  influence: number;
  sentAt: Date;
  matchedAt: Date;
  /** For the top-N rollups; not stored on the mention row. */
  terms: { kind: 'hashtag' | 'entity' | 'keyword' | 'author'; term: string }[];
  /** The post's likes, shares and replies, for its author's engagement (`bumpAuthorEngagement`); not stored on the row. */
  post: SeenPosts;
}

const MENTION_COLUMNS = [
  ['id', 'uuid', 'id'],
  ['query_id', 'uuid', 'queryId'],
  ['message_id', 'uuid', 'messageId'],
  ['conversation_id', 'uuid', 'conversationId'],
  ['author_identity_id', 'uuid', 'authorIdentityId'],
  ['network', 'text', 'network'],
  ['language', 'text', 'language'],
  ['sentiment', 'text', 'sentiment'],
  ['sentiment_score', 'real', 'sentimentScore'],
  ['intent', 'text', 'intent'],
  ['read_about_subject', 'boolean', 'readAboutSubject'],
  ['influence', 'smallint', 'influence'],
  ['sent_at', 'timestamptz', 'sentAt'],
  ['matched_at', 'timestamptz', 'matchedAt'],
] as const satisfies readonly (readonly [string, string, keyof NewMention])[];

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Inserts mentions not recorded yet and bumps the rollups for those; returns the ids inserted. */
export async function insertMentions(tx: Queryable, workspaceId: string, mentions: readonly NewMention[]): Promise<NewMention[]> {
  if (mentions.length === 0) return [];
  const sorted = [...mentions].sort((a, b) => (a.queryId + a.messageId < b.queryId + b.messageId ? -1 : 1));
  const u = unnestOf(MENTION_COLUMNS, sorted, 2);
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO mentions (workspace_id, ${u.names})
     SELECT $1, ${u.names} FROM ${u.from}
     ON CONFLICT (workspace_id, query_id, message_id) DO NOTHING
     RETURNING id`,
    [workspaceId, ...u.params],
  );
  const insertedIds = new Set(rows.map((r) => r.id));
  const inserted = sorted.filter((m) => insertedIds.has(m.id));
  await bumpRollups(tx, workspaceId, inserted, 1);
  await bumpAuthorEngagement(tx, workspaceId, inserted, 1);
  return inserted;
}

interface SentimentCounts {
  mentions: number;
  positive: number;
  negative: number;
  neutral: number;
  sentimentSum: number;
}

type Column<Row> = readonly [column: string, type: string, field: keyof Row & string];

const SENTIMENT_COUNTS = [
  ['mentions', 'int', 'mentions'],
  ['positive', 'int', 'positive'],
  ['negative', 'int', 'negative'],
  ['neutral', 'int', 'neutral'],
  ['sentiment_sum', 'float8', 'sentimentSum'],
] as const satisfies readonly Column<SentimentCounts>[];

const noCounts = (): SentimentCounts => ({ mentions: 0, positive: 0, negative: 0, neutral: 0, sentimentSum: 0 });

/** Adds (sign 1) or takes off (sign -1) a mention from a row's counts. */
function countIn(row: SentimentCounts, m: Pick<NewMention, 'sentiment' | 'sentimentScore'>, sign: 1 | -1): void {
  row.mentions += sign;
  if (m.sentiment) row[m.sentiment] += sign;
  row.sentimentSum += sign * (m.sentimentScore ?? 0);
}

/** The row under `key`, made by `fresh` the first time. */
function rowOf<Row>(rows: Map<string, Row>, key: string, fresh: () => Row): Row {
  let row = rows.get(key);
  if (!row) rows.set(key, (row = fresh()));
  return row;
}

/**
 * Adds counted rows into a rollup table in one statement, in key order so concurrent batches lock
 * the same rows in the same order.
 */
async function addCounts<Row>(
  tx: Queryable,
  workspaceId: string,
  table: string,
  keys: readonly Column<Row>[],
  counts: readonly Column<Row>[],
  rows: ReadonlyMap<string, Row>,
): Promise<void> {
  if (rows.size === 0) return;
  const sorted = [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, row]) => row);
  const u = unnestOf([...keys, ...counts], sorted, 2);
  const conflict = ['workspace_id', ...keys.map(([column]) => column)].join(', ');
  const add = counts.map(([column]) => `${column} = ${table}.${column} + excluded.${column}`).join(', ');
  await tx.query(
    `INSERT INTO ${table} (workspace_id, ${u.names}) SELECT $1, ${u.names} FROM ${u.from}
     ON CONFLICT (${conflict}) DO UPDATE SET ${add}`,
    [workspaceId, ...u.params],
  );
}

/**
 * Adds (sign 1) or removes (sign -1, a mention marked irrelevant) mentions from the rollups: per
 * query and hour, and per query and day (volume, share of voice), per query, day, network and
 * language (breakdowns), per
 * query, day and term (top-N's exact counts), and per month and term for the query and for all
 * queries together (top-N's ranked candidates); and the hourly details (`bumpHourlyDetails`).
 */
export async function bumpRollups(tx: Queryable, workspaceId: string, mentions: readonly RolledUpMention[], sign: 1 | -1): Promise<void> {
  if (mentions.length === 0) return;
  type Hourly = SentimentCounts & { queryId: string; bucket: Date };
  type DailyVolume = SentimentCounts & { queryId: string; day: string };
  type Daily = DailyVolume & { network: string; language: string };
  type Term = { queryId: string; day: string; kind: string; term: string; mentions: number };
  type MonthTerm = { queryId: string | null; month: string; kind: string; term: string; mentions: number };
  const hourly = new Map<string, Hourly>();
  const dailyVolume = new Map<string, DailyVolume>();
  const daily = new Map<string, Daily>();
  const terms = new Map<string, Term>();
  const months = new Map<string, MonthTerm>();
  const count = (row: SentimentCounts, m: RolledUpMention) => countIn(row, m, sign);
  for (const m of mentions) {
    const bucket = new Date(Math.floor(m.sentAt.getTime() / HOUR) * HOUR);
    const language = m.language ?? '';
    const hour = `${m.queryId}|${bucket.getTime()}`;
    count(
      rowOf(hourly, hour, () => ({ queryId: m.queryId, bucket, ...noCounts() })),
      m,
    );
    const day = new Date(Math.floor(m.sentAt.getTime() / DAY) * DAY).toISOString().slice(0, 10);
    count(
      rowOf(dailyVolume, `${m.queryId}|${day}`, () => ({ queryId: m.queryId, day, ...noCounts() })),
      m,
    );
    count(
      rowOf(daily, `${m.queryId}|${day}|${m.network}|${language}`, () => ({
        queryId: m.queryId,
        day,
        network: m.network,
        language,
        ...noCounts(),
      })),
      m,
    );
    const month = `${day.slice(0, 7)}-01`;
    for (const { kind, term } of m.terms) {
      rowOf(terms, `${m.queryId}|${day}|${kind}|${term}`, () => ({ queryId: m.queryId, day, kind, term, mentions: 0 })).mentions += sign;
      for (const queryId of [m.queryId, null]) {
        rowOf(months, `${queryId ?? '*'}|${month}|${kind}|${term}`, () => ({ queryId, month, kind, term, mentions: 0 })).mentions += sign;
      }
    }
  }
  const queryHour = [
    ['query_id', 'uuid', 'queryId'],
    ['bucket', 'timestamptz', 'bucket'],
  ] as const;
  await addCounts<Daily>(
    tx,
    workspaceId,
    'mention_daily',
    [
      ['query_id', 'uuid', 'queryId'],
      ['day', 'date', 'day'],
      ['network', 'text', 'network'],
      ['language', 'text', 'language'],
    ],
    SENTIMENT_COUNTS,
    daily,
  );
  await addCounts<Hourly>(tx, workspaceId, 'mention_hourly', queryHour, SENTIMENT_COUNTS, hourly);
  await addCounts<DailyVolume>(
    tx,
    workspaceId,
    'mention_daily_volume',
    [
      ['query_id', 'uuid', 'queryId'],
      ['day', 'date', 'day'],
    ],
    SENTIMENT_COUNTS,
    dailyVolume,
  );
  await addCounts<Term>(
    tx,
    workspaceId,
    'mention_term_rollups',
    [
      ['query_id', 'uuid', 'queryId'],
      ['day', 'date', 'day'],
      ['kind', 'text', 'kind'],
      ['term', 'text', 'term'],
    ],
    [['mentions', 'int', 'mentions']],
    terms,
  );
  await addCounts<MonthTerm>(
    tx,
    workspaceId,
    'mention_term_months',
    [
      ['query_id', 'uuid', 'queryId'],
      ['month', 'date', 'month'],
      ['kind', 'text', 'kind'],
      ['term', 'text', 'term'],
    ],
    [['mentions', 'int', 'mentions']],
    months,
  );
  await bumpHourlyDetails(tx, workspaceId, mentions, sign);
}

export type RolledUpMention = Pick<NewMention, 'queryId' | 'sentAt' | 'network' | 'language' | 'sentiment' | 'sentimentScore' | 'terms'>;

/**
 * Adds (sign 1) or removes (sign -1) mentions from the hourly breakdowns and terms: per query, hour,
 * network and language, and per query, hour and term. Dashboards read them only for the partial
 * days at a range's ends (see analytics/exact-range.ts), which otherwise come from up to half a day
 * of mentions each (a second per top-N chart at 5,000,000 mentions).
 */
export async function bumpHourlyDetails(
  tx: Queryable,
  workspaceId: string,
  mentions: readonly RolledUpMention[],
  sign: 1 | -1,
): Promise<void> {
  if (mentions.length === 0) return;
  type Breakdown = SentimentCounts & { queryId: string; bucket: Date; network: string; language: string };
  type Term = { queryId: string; bucket: Date; kind: string; term: string; mentions: number };
  const breakdowns = new Map<string, Breakdown>();
  const terms = new Map<string, Term>();
  for (const m of mentions) {
    const bucket = new Date(Math.floor(m.sentAt.getTime() / HOUR) * HOUR);
    const language = m.language ?? '';
    const row = rowOf(breakdowns, `${m.queryId}|${bucket.getTime()}|${m.network}|${language}`, () => ({
      queryId: m.queryId,
      bucket,
      network: m.network,
      language,
      ...noCounts(),
    }));
    countIn(row, m, sign);
    for (const { kind, term } of m.terms) {
      rowOf(terms, `${m.queryId}|${bucket.getTime()}|${kind}|${term}`, () => ({
        queryId: m.queryId,
        bucket,
        kind,
        term,
        mentions: 0,
      })).mentions += sign;
    }
  }
  await addCounts<Breakdown>(
    tx,
    workspaceId,
    'mention_hourly_breakdowns',
    [
      ['query_id', 'uuid', 'queryId'],
      ['bucket', 'timestamptz', 'bucket'],
      ['network', 'text', 'network'],
      ['language', 'text', 'language'],
    ],
    SENTIMENT_COUNTS,
    breakdowns,
  );
  await addCounts<Term>(
    tx,
    workspaceId,
    'mention_term_hours',
    [
      ['query_id', 'uuid', 'queryId'],
      ['bucket', 'timestamptz', 'bucket'],
      ['kind', 'text', 'kind'],
      ['term', 'text', 'term'],
    ],
    [['mentions', 'int', 'mentions']],
    terms,
  );
}

type AuthorEngagement = SeenPosts & { authorId: string; queryId: string };

/**
 * Adds (sign 1) or removes (sign -1) mentions' posts from their authors' engagement per query: what
 * influence reads of an author (see seen-posts.repo.ts). Every mention of an author counts, whatever
 * its relevance mark: an irrelevant mention is still the author's post.
 */
export async function bumpAuthorEngagement(
  tx: Queryable,
  workspaceId: string,
  mentions: readonly Pick<NewMention, 'queryId' | 'authorIdentityId' | 'post'>[],
  sign: 1 | -1,
): Promise<void> {
  const rows = new Map<string, AuthorEngagement>();
  for (const { authorIdentityId: authorId, queryId, post } of mentions) {
    if (!authorId || post.posts === 0) continue;
    const row = rowOf(rows, `${authorId}|${queryId}`, () => ({ authorId, queryId, posts: 0, interactions: 0, repliedTo: 0, shared: 0 }));
    row.posts += sign * post.posts;
    row.interactions += sign * post.interactions;
    row.repliedTo += sign * post.repliedTo;
    row.shared += sign * post.shared;
  }
  await addCounts<AuthorEngagement>(
    tx,
    workspaceId,
    'mention_author_engagement',
    [
      ['author_identity_id', 'uuid', 'authorId'],
      ['query_id', 'uuid', 'queryId'],
    ],
    [
      ['posts', 'int', 'posts'],
      ['interactions', 'int8', 'interactions'],
      ['replied_to', 'int', 'repliedTo'],
      ['shared', 'int', 'shared'],
    ],
    rows,
  );
}

/**
 * A changed query forgets its mentions of messages in one page of history (`messageIds`, sent from
 * `from` to `to`) that its text no longer matches (`stillMatched` are kept as they are: id,
 * relevance mark, intent), and takes those counted out of the rollups and their authors'
 * engagement. `heardOf` gives a message's terms, as they were counted, and its post's counts.
 */
export async function forgetUnmatchedMentions(
  tx: Queryable,
  workspaceId: string,
  queryId: string,
  page: { from: Date; to: Date; messageIds: readonly string[]; stillMatched: readonly string[] },
  heardOf: (messageId: string) => Pick<NewMention, 'terms' | 'post'>,
): Promise<void> {
  if (page.messageIds.length === 0) return;
  // The range walks the query's own mentions by time (mentions_query_recent); the ids only pick among them.
  const { rows } = await tx.query<
    Pick<NewMention, 'messageId' | 'authorIdentityId' | 'sentAt' | 'network' | 'language' | 'sentiment' | 'sentimentScore'> & {
      relevance: string;
    }
  >(
    `DELETE FROM mentions
      WHERE workspace_id = $1 AND query_id = $2 AND sent_at >= $3 AND sent_at <= $4
        AND message_id = ANY($5::uuid[]) AND NOT message_id = ANY($6::uuid[])
      RETURNING message_id AS "messageId", author_identity_id AS "authorIdentityId", sent_at AS "sentAt", network, language, sentiment,
        sentiment_score AS "sentimentScore", relevance`,
    [workspaceId, queryId, page.from, page.to, page.messageIds, page.stillMatched],
  );
  const forgotten = rows.map((m) => ({ ...m, queryId, ...heardOf(m.messageId) }));
  await bumpRollups(
    tx,
    workspaceId,
    forgotten.filter((m) => m.relevance !== 'irrelevant'),
    -1,
  );
  await bumpAuthorEngagement(tx, workspaceId, forgotten, -1);
}
