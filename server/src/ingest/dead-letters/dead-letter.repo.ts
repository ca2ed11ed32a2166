/** SQL for dead letters: written by the pipeline in the batch's transaction, read and replayed through the API. */
import { createHash } from 'node:crypto';
import type { Queryable } from '../../platform/db/db.js';
import type { DeadLetter, DeadLetterDetail, DeadLetterListQuery } from './dead-letter.schema.js';

export interface NewDeadLetter {
  id: string;
  code: string;
  reason: string;
  format: string | null;
  payload: string;
  payloadTruncated: boolean;
  /**
   * What tells this item apart within its payload when the payload alone does not: its position in
   * a delivery or feed that holds several, or the id of the message refused (whose JSON carries the
   * time it was read, different at every arrival). Null: the payload is the item.
   */
  itemKey: string | null;
}

/** A dead letter as the batch left it: new, or one already stored that came again. */
export interface WrittenDeadLetter {
  id: string;
  code: string;
  occurrences: number;
  repeated: boolean;
}

const SEPARATOR = '\u001f';

/**
 * The same bad item from the same channel, whenever it comes: channel, code, reason, format and the
 * item. Migration ingest/002 rebuilds it in SQL for stored rows (concat_ws of the same parts with
 * chr(31), payload as the item), so keep the two in step.
 */
export function deadLetterFingerprint(channelId: string | null, row: Omit<NewDeadLetter, 'id' | 'payloadTruncated'>): string {
  const parts = [channelId ?? '', row.code, row.reason, row.format ?? '', row.itemKey ?? row.payload];
  return createHash('sha256').update(parts.join(SEPARATOR), 'utf8').digest('hex');
}

/**
 * Stores what a batch refused. An item already dead-lettered from the same channel (a retried
 * delivery, a feed read again) counts one more arrival on its row and waits again (unresolved),
 * with the payload as it came last; the batch's own repeats count alike.
 */
export async function insertDeadLetters(
  tx: Queryable,
  workspaceId: string,
  source: { channelId: string | null; kind: string; occurredAt: Date },
  rows: readonly NewDeadLetter[],
): Promise<WrittenDeadLetter[]> {
  if (rows.length === 0) return [];
  const byFingerprint = new Map<string, NewDeadLetter & { occurrences: number }>();
  for (const row of rows) {
    const fingerprint = deadLetterFingerprint(source.channelId, row);
    const seen = byFingerprint.get(fingerprint);
    if (seen) seen.occurrences++;
    else byFingerprint.set(fingerprint, { ...row, occurrences: 1 });
  }
  // In fingerprint order, so concurrent batches meeting the same items lock their rows in the same order.
  const unique = [...byFingerprint].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const { rows: written } = await tx.query<{ id: string; fingerprint: string; code: string; occurrences: number }>(
    `INSERT INTO dead_letters AS d (workspace_id, channel_id, source, occurred_at, last_seen_at,
                                    id, code, reason, format, payload, payload_truncated, fingerprint, occurrences)
     SELECT $1, $2, $3, $4, $4, u.* FROM unnest($5::uuid[], $6::text[], $7::text[], $8::text[], $9::text[], $10::boolean[], $11::text[], $12::int[])
       AS u(id, code, reason, format, payload, payload_truncated, fingerprint, occurrences)
     ORDER BY u.fingerprint
     ON CONFLICT (workspace_id, fingerprint) DO UPDATE
       SET occurrences = d.occurrences + EXCLUDED.occurrences, last_seen_at = GREATEST(d.last_seen_at, EXCLUDED.last_seen_at),
           payload = EXCLUDED.payload, payload_truncated = EXCLUDED.payload_truncated, resolved = false
     RETURNING d.id, d.fingerprint, d.code, d.occurrences`,
    [
      workspaceId,
      source.channelId,
      source.kind,
      source.occurredAt,
      unique.map(([, r]) => r.id),
      unique.map(([, r]) => r.code),
      unique.map(([, r]) => r.reason),
      unique.map(([, r]) => r.format),
      unique.map(([, r]) => r.payload),
      unique.map(([, r]) => r.payloadTruncated),
      unique.map(([fingerprint]) => fingerprint),
      unique.map(([, r]) => r.occurrences),
    ],
  );
  return written.map((row) => ({
    id: row.id,
    code: row.code,
    occurrences: row.occurrences,
    // A new row holds only this batch's arrivals.
    repeated: row.occurrences > byFingerprint.get(row.fingerprint)!.occurrences,
  }));
}

const SELECT = `d.id, d.channel_id AS "channelId", d.source, d.format, d.code, d.reason, d.payload_truncated AS "payloadTruncated",
  d.occurred_at AS "occurredAt", d.last_seen_at AS "lastSeenAt", d.occurrences, d.replayed_at AS "replayedAt", d.replay_count AS "replayCount",
  d.resolved`;

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
    where.push(`(d.last_seen_at, d.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
  }
  params.push(limit + 1);
  const { rows } = await db.query<DeadLetter>(
    `SELECT ${SELECT} FROM dead_letters d WHERE ${where.join(' AND ')}
      ORDER BY d.last_seen_at DESC, d.id DESC LIMIT $${params.length}`,
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

/** The dead letter removed, or null when there was none. */
export async function deleteDeadLetter(
  db: Queryable,
  workspaceId: string,
  id: string,
): Promise<{ channelId: string | null; code: string } | null> {
  const { rows } = await db.query<{ channelId: string | null; code: string }>(
    'DELETE FROM dead_letters WHERE workspace_id = $1 AND id = $2 RETURNING channel_id AS "channelId", code',
    [workspaceId, id],
  );
  return rows[0] ?? null;
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
