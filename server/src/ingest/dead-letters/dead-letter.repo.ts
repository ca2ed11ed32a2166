/** SQL for dead letters: written by the pipeline in the batch's transaction, read and replayed through the API. */
import type { Queryable } from '../../platform/db/db.js';
import type { DeadLetter, DeadLetterDetail, DeadLetterListQuery } from './dead-letter.schema.js';

export interface NewDeadLetter {
  id: string;
  code: string;
  reason: string;
  format: string | null;
  payload: string;
  payloadTruncated: boolean;
}

export async function insertDeadLetters(
  tx: Queryable,
  workspaceId: string,
  source: { channelId: string | null; kind: string; occurredAt: Date },
  rows: readonly NewDeadLetter[],
): Promise<void> {
  if (rows.length === 0) return;
  await tx.query(
    `INSERT INTO dead_letters (workspace_id, channel_id, source, occurred_at, id, code, reason, format, payload, payload_truncated)
     SELECT $1, $2, $3, $4, u.* FROM unnest($5::uuid[], $6::text[], $7::text[], $8::text[], $9::text[], $10::boolean[])
       AS u(id, code, reason, format, payload, payload_truncated)`,
    [
      workspaceId,
      source.channelId,
      source.kind,
      source.occurredAt,
      rows.map((r) => r.id),
      rows.map((r) => r.code),
      rows.map((r) => r.reason),
      rows.map((r) => r.format),
      rows.map((r) => r.payload),
      rows.map((r) => r.payloadTruncated),
    ],
  );
}

const SELECT = `d.id, d.channel_id AS "channelId", d.source, d.format, d.code, d.reason, d.payload_truncated AS "payloadTruncated",
  d.occurred_at AS "occurredAt", d.replayed_at AS "replayedAt", d.replay_count AS "replayCount", d.resolved`;

export async function listDeadLetters(
  db: Queryable,
  workspaceId: string,
  query: DeadLetterListQuery,
  after: { at: string; id: string } | null,
  limit: number,
): Promise<{ rows: DeadLetter[]; hasMore: boolean }> {
  const params: unknown[] = [workspaceId];
  const where = ['d.workspace_id = $1'];
  if (query.channelId) {
    params.push(query.channelId);
    where.push(`d.channel_id = $${params.length}`);
  }
  if (query.code) {
    params.push(query.code);
    where.push(`d.code = $${params.length}`);
  }
  if (query.resolved !== undefined) {
    params.push(query.resolved);
    where.push(`d.resolved = $${params.length}`);
  }
  if (after) {
    params.push(after.at, after.id);
    where.push(`(d.occurred_at, d.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
  }
  params.push(limit + 1);
  const { rows } = await db.query<DeadLetter>(
    `SELECT ${SELECT} FROM dead_letters d WHERE ${where.join(' AND ')}
      ORDER BY d.occurred_at DESC, d.id DESC LIMIT $${params.length}`,
    params,
  );
  return { rows: rows.slice(0, limit), hasMore: rows.length > limit };
}

export async function findDeadLetter(db: Queryable, workspaceId: string, id: string, lock = false): Promise<DeadLetterDetail | null> {
  const { rows } = await db.query<DeadLetterDetail>(
    `SELECT ${SELECT}, d.payload FROM dead_letters d WHERE d.workspace_id = $1 AND d.id = $2${lock ? ' FOR UPDATE' : ''}`,
    [workspaceId, id],
  );
  return rows[0] ?? null;
}

export async function markReplayed(db: Queryable, workspaceId: string, id: string, at: Date, resolved: boolean): Promise<void> {
  await db.query(
    `UPDATE dead_letters SET replayed_at = $3, replay_count = replay_count + 1, resolved = resolved OR $4
      WHERE workspace_id = $1 AND id = $2`,
    [workspaceId, id, at, resolved],
  );
}

export async function deleteDeadLetter(db: Queryable, workspaceId: string, id: string): Promise<boolean> {
  const { rowCount } = await db.query('DELETE FROM dead_letters WHERE workspace_id = $1 AND id = $2', [workspaceId, id]);
  return rowCount > 0;
}

/** The kind and settings of the channel a dead letter came through, as they are now; null once it is removed. */
export async function channelSettings(
  db: Queryable,
  workspaceId: string,
  channelId: string,
): Promise<{ kind: string; config: Record<string, unknown> } | null> {
  const { rows } = await db.query<{ kind: string; config: Record<string, unknown> }>(
    'SELECT kind, config FROM channels WHERE workspace_id = $1 AND id = $2',
    [workspaceId, channelId],
  );
  return rows[0] ?? null;
}
