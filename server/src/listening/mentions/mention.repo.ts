/**
 * SQL for mentions and the rollups kept beside them. Mentions are written in bulk and
 * `ON CONFLICT`-safe (a message matches a query once, however often it is matched); the rollups
 * are bumped only for the mentions that were actually inserted, in the same transaction, so the
 * dashboards' counts and the stream never disagree.
 */
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
  influence: number;
  sentAt: Date;
  matchedAt: Date;
  /** For the top-N rollups; not stored on the mention row. */
  terms: { kind: 'hashtag' | 'entity' | 'keyword' | 'author'; term: string }[];
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
  return inserted;
}

interface RollupRow {
  queryId: string;
  bucket: Date;
  network: string;
  language: string;
  mentions: number;
  positive: number;
  negative: number;
  neutral: number;
  sentimentSum: number;
}

interface TermRow {
  queryId: string;
  day: string;
  kind: string;
  term: string;
  mentions: number;
}

/**
 * Adds (sign 1) or removes (sign -1, a mention marked irrelevant) mentions from the hourly and
 * daily rollups. Rows are upserted in key order so concurrent batches lock them in the same order.
 */
export async function bumpRollups(
  tx: Queryable,
  workspaceId: string,
  mentions: readonly Pick<NewMention, 'queryId' | 'sentAt' | 'network' | 'language' | 'sentiment' | 'sentimentScore' | 'terms'>[],
  sign: 1 | -1,
): Promise<void> {
  if (mentions.length === 0) return;
  const hourly = new Map<string, RollupRow>();
  const terms = new Map<string, TermRow>();
  for (const m of mentions) {
    const bucket = new Date(Math.floor(m.sentAt.getTime() / HOUR) * HOUR);
    const language = m.language ?? '';
    const key = `${m.queryId}|${bucket.getTime()}|${m.network}|${language}`;
    const row = hourly.get(key) ?? {
      queryId: m.queryId,
      bucket,
      network: m.network,
      language,
      mentions: 0,
      positive: 0,
      negative: 0,
      neutral: 0,
      sentimentSum: 0,
    };
    row.mentions += sign;
    if (m.sentiment) row[m.sentiment] += sign;
    row.sentimentSum += sign * (m.sentimentScore ?? 0);
    hourly.set(key, row);
    const day = new Date(Math.floor(m.sentAt.getTime() / DAY) * DAY).toISOString().slice(0, 10);
    for (const { kind, term } of m.terms) {
      const termKey = `${m.queryId}|${day}|${kind}|${term}`;
      const t = terms.get(termKey) ?? { queryId: m.queryId, day, kind, term, mentions: 0 };
      t.mentions += sign;
      terms.set(termKey, t);
    }
  }
  const rollups = [...hourly.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, row]) => row);
  const r = unnestOf(
    [
      ['query_id', 'uuid', 'queryId'],
      ['bucket', 'timestamptz', 'bucket'],
      ['network', 'text', 'network'],
      ['language', 'text', 'language'],
      ['mentions', 'int', 'mentions'],
      ['positive', 'int', 'positive'],
      ['negative', 'int', 'negative'],
      ['neutral', 'int', 'neutral'],
      ['sentiment_sum', 'float8', 'sentimentSum'],
    ] as const,
    rollups,
    2,
  );
  await tx.query(
    `INSERT INTO mention_rollups (workspace_id, ${r.names})
     SELECT $1, ${r.names} FROM ${r.from}
     ON CONFLICT (workspace_id, query_id, bucket, network, language) DO UPDATE SET
       mentions = mention_rollups.mentions + excluded.mentions,
       positive = mention_rollups.positive + excluded.positive,
       negative = mention_rollups.negative + excluded.negative,
       neutral = mention_rollups.neutral + excluded.neutral,
       sentiment_sum = mention_rollups.sentiment_sum + excluded.sentiment_sum`,
    [workspaceId, ...r.params],
  );
  await bumpHourly(tx, workspaceId, rollups);
  if (terms.size === 0) return;
  const termRows = [...terms.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, row]) => row);
  const t = unnestOf(
    [
      ['query_id', 'uuid', 'queryId'],
      ['day', 'date', 'day'],
      ['kind', 'text', 'kind'],
      ['term', 'text', 'term'],
      ['mentions', 'int', 'mentions'],
    ] as const,
    termRows,
    2,
  );
  await tx.query(
    `INSERT INTO mention_term_rollups (workspace_id, ${t.names})
     SELECT $1, ${t.names} FROM ${t.from}
     ON CONFLICT (workspace_id, query_id, day, kind, term) DO UPDATE SET mentions = mention_term_rollups.mentions + excluded.mentions`,
    [workspaceId, ...t.params],
  );
}

/** The same counts per query and hour only, which is all volume and share of voice need. */
async function bumpHourly(tx: Queryable, workspaceId: string, rollups: readonly RollupRow[]): Promise<void> {
  const hourly = new Map<string, Omit<RollupRow, 'network' | 'language'>>();
  for (const r of rollups) {
    const key = `${r.queryId}|${r.bucket.getTime()}`;
    const row = hourly.get(key) ?? {
      queryId: r.queryId,
      bucket: r.bucket,
      mentions: 0,
      positive: 0,
      negative: 0,
      neutral: 0,
      sentimentSum: 0,
    };
    row.mentions += r.mentions;
    row.positive += r.positive;
    row.negative += r.negative;
    row.neutral += r.neutral;
    row.sentimentSum += r.sentimentSum;
    hourly.set(key, row);
  }
  const rows = [...hourly.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, row]) => row);
  const h = unnestOf(
    [
      ['query_id', 'uuid', 'queryId'],
      ['bucket', 'timestamptz', 'bucket'],
      ['mentions', 'int', 'mentions'],
      ['positive', 'int', 'positive'],
      ['negative', 'int', 'negative'],
      ['neutral', 'int', 'neutral'],
      ['sentiment_sum', 'float8', 'sentimentSum'],
    ] as const,
    rows,
    2,
  );
  await tx.query(
    `INSERT INTO mention_hourly (workspace_id, ${h.names})
     SELECT $1, ${h.names} FROM ${h.from}
     ON CONFLICT (workspace_id, query_id, bucket) DO UPDATE SET
       mentions = mention_hourly.mentions + excluded.mentions,
       positive = mention_hourly.positive + excluded.positive,
       negative = mention_hourly.negative + excluded.negative,
       neutral = mention_hourly.neutral + excluded.neutral,
       sentiment_sum = mention_hourly.sentiment_sum + excluded.sentiment_sum`,
    [workspaceId, ...h.params],
  );
}

/** A query whose text changed forgets what the old text matched, rollups included. */
export async function forgetQueryMentions(tx: Queryable, workspaceId: string, queryId: string): Promise<void> {
  await tx.query('DELETE FROM mentions WHERE workspace_id = $1 AND query_id = $2', [workspaceId, queryId]);
  await tx.query('DELETE FROM mention_rollups WHERE workspace_id = $1 AND query_id = $2', [workspaceId, queryId]);
  await tx.query('DELETE FROM mention_hourly WHERE workspace_id = $1 AND query_id = $2', [workspaceId, queryId]);
  await tx.query('DELETE FROM mention_term_rollups WHERE workspace_id = $1 AND query_id = $2', [workspaceId, queryId]);
}
