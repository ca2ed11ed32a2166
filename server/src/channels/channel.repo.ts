/** All SQL of the channels domain. Every query is scoped by workspace, except the poller's claim. */
import type { Queryable } from '../platform/db/db.js';
import type { ChannelKind } from './message.schema.js';
import type { ServerReplyLength } from './connector.js';
import type { ChannelError, ChannelPurpose, ChannelStatus } from './channel.schema.js';

export interface ChannelRow {
  workspace_id: string;
  id: string;
  kind: ChannelKind;
  name: string;
  config: Record<string, unknown>;
  credentials: string | null;
  status: ChannelStatus;
  cursor: Record<string, unknown>;
  team_id: string | null;
  purpose: ChannelPurpose;
  next_poll_at: Date | null;
  poll_failures: number;
  last_success_at: Date | null;
  last_item_at: Date | null;
  last_error_at: Date | null;
  error_count: string | number;
  recent_errors: ChannelError[];
  items_in: string | number;
  items_out: string | number;
  refused_count: string | number;
  last_refused_at: Date | null;
  recent_refusals: ChannelError[];
  /** The longest reply the channel's server said it takes; null: the network's usual limit. */
  reply_length: ServerReplyLength | null;
  reply_length_checked_at: Date | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}

/** The newest errors kept on a channel; older ones live on in the log and the error count. */
export const RECENT_ERRORS = 20;

export async function insertChannel(db: Queryable, row: ChannelRow): Promise<void> {
  await db.query(
    `INSERT INTO channels (workspace_id, id, kind, name, config, credentials, status, team_id, next_poll_at, created_by, created_at, updated_at, purpose)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9, $10, $11, $11, $12)`,
    [
      row.workspace_id,
      row.id,
      row.kind,
      row.name,
      JSON.stringify(row.config),
      row.credentials,
      row.status,
      row.team_id,
      row.next_poll_at,
      row.created_by,
      row.created_at,
      row.purpose,
    ],
  );
}

export async function findChannelRow(db: Queryable, workspaceId: string, id: string, forUpdate = false): Promise<ChannelRow | null> {
  const { rows } = await db.query<ChannelRow>(
    `SELECT * FROM channels WHERE workspace_id = $1 AND id = $2${forUpdate ? ' FOR UPDATE' : ''}`,
    [workspaceId, id],
  );
  return rows[0] ?? null;
}

export async function listChannelRows(
  db: Queryable,
  workspaceId: string,
  filter: { kind?: ChannelKind; status?: ChannelStatus; afterId: string | null },
  limit: number,
): Promise<ChannelRow[]> {
  const { rows } = await db.query<ChannelRow>(
    `SELECT * FROM channels
      WHERE workspace_id = $1 AND ($2::text IS NULL OR kind = $2) AND ($3::text IS NULL OR status = $3) AND ($4::uuid IS NULL OR id > $4)
      ORDER BY id LIMIT $5`,
    [workspaceId, filter.kind ?? null, filter.status ?? null, filter.afterId, limit],
  );
  return rows;
}

export async function updateChannelSettings(
  db: Queryable,
  row: Pick<
    ChannelRow,
    | 'workspace_id'
    | 'id'
    | 'name'
    | 'config'
    | 'credentials'
    | 'team_id'
    | 'purpose'
    | 'status'
    | 'next_poll_at'
    | 'cursor'
    | 'reply_length'
    | 'reply_length_checked_at'
    | 'updated_at'
  >,
): Promise<void> {
  await db.query(
    `UPDATE channels SET name = $3, config = $4::jsonb, credentials = $5, team_id = $6, status = $7, next_poll_at = $8, cursor = $9::jsonb, updated_at = $10, purpose = $11,
            reply_length = $12::jsonb, reply_length_checked_at = $13
      WHERE workspace_id = $1 AND id = $2`,
    [
      row.workspace_id,
      row.id,
      row.name,
      JSON.stringify(row.config),
      row.credentials,
      row.team_id,
      row.status,
      row.next_poll_at,
      JSON.stringify(row.cursor),
      row.updated_at,
      row.purpose,
      row.reply_length === null ? null : JSON.stringify(row.reply_length),
      row.reply_length_checked_at,
    ],
  );
}

/**
 * What the channel's server said of its longest reply, and when it was asked. Without `replyLength`
 * (the server could not be asked) the last answer is kept: an outage must not drop a known limit.
 */
export async function recordServerReplyLength(
  db: Queryable,
  workspaceId: string,
  id: string,
  check: { at: Date; replyLength?: ServerReplyLength | null },
): Promise<void> {
  const answered = check.replyLength !== undefined;
  await db.query(
    `UPDATE channels SET reply_length = CASE WHEN $3::boolean THEN $4::jsonb ELSE reply_length END, reply_length_checked_at = $5
      WHERE workspace_id = $1 AND id = $2`,
    [workspaceId, id, answered, check.replyLength ? JSON.stringify(check.replyLength) : null, check.at],
  );
}

export async function deleteChannelRow(db: Queryable, workspaceId: string, id: string): Promise<void> {
  await db.query(`DELETE FROM channels WHERE workspace_id = $1 AND id = $2`, [workspaceId, id]);
}

export async function teamExists(db: Queryable, workspaceId: string, teamId: string): Promise<boolean> {
  const { rows } = await db.query(`SELECT 1 FROM teams WHERE workspace_id = $1 AND id = $2`, [workspaceId, teamId]);
  return rows.length > 0;
}

/**
 * Claims up to `limit` due channels of the given kinds across workspaces. SKIP LOCKED lets several
 * servers poll side by side; the lease (next_poll_at moved ahead) keeps a channel from being
 * claimed twice while its fetch runs outside any transaction.
 */
export async function claimDueChannels(
  db: Queryable,
  kinds: readonly ChannelKind[],
  now: Date,
  leaseSeconds: number,
  limit: number,
): Promise<ChannelRow[]> {
  const { rows } = await db.query<ChannelRow>(
    `UPDATE channels c SET next_poll_at = $2::timestamptz + make_interval(secs => $3)
      FROM (SELECT workspace_id, id FROM channels
             WHERE status = 'active' AND kind = ANY($1::text[]) AND (next_poll_at IS NULL OR next_poll_at <= $2)
             ORDER BY next_poll_at NULLS FIRST LIMIT $4 FOR UPDATE SKIP LOCKED) due
      WHERE c.workspace_id = due.workspace_id AND c.id = due.id
      RETURNING c.*`,
    [kinds, now, leaseSeconds, limit],
  );
  return rows;
}

export interface SyncSuccess {
  at: Date;
  itemsIn: number;
  /** The newest item's time, when the sync brought any. */
  lastItemAt: Date | null;
  cursor?: Record<string, unknown>;
  nextPollAt?: Date | null;
}

export async function recordSyncSuccess(db: Queryable, workspaceId: string, id: string, success: SyncSuccess): Promise<void> {
  await db.query(
    `UPDATE channels SET last_success_at = $3, items_in = items_in + $4,
            last_item_at = CASE WHEN $5::timestamptz IS NULL THEN last_item_at ELSE GREATEST(last_item_at, $5::timestamptz) END,
            cursor = COALESCE($6::jsonb, cursor), poll_failures = 0,
            next_poll_at = CASE WHEN $7::boolean THEN $8::timestamptz ELSE next_poll_at END
      WHERE workspace_id = $1 AND id = $2`,
    [
      workspaceId,
      id,
      success.at,
      success.itemsIn,
      success.lastItemAt,
      success.cursor ? JSON.stringify(success.cursor) : null,
      success.nextPollAt !== undefined,
      success.nextPollAt ?? null,
    ],
  );
}

export interface SyncFailure {
  error: ChannelError;
  /** A failed poll moves the schedule (backoff) and counts towards it; a bad webhook delivery does neither. */
  poll?: { nextPollAt: Date };
}

export async function recordSyncFailure(db: Queryable, workspaceId: string, id: string, failure: SyncFailure): Promise<void> {
  await db.query(
    `UPDATE channels SET last_error_at = $3, error_count = error_count + 1,
            recent_errors = (SELECT COALESCE(jsonb_agg(e.value ORDER BY e.n), '[]'::jsonb)
                               FROM jsonb_array_elements(jsonb_build_array($4::jsonb) || recent_errors) WITH ORDINALITY AS e(value, n)
                              WHERE e.n <= ${RECENT_ERRORS}),
            poll_failures = poll_failures + CASE WHEN $5::boolean THEN 1 ELSE 0 END,
            next_poll_at = CASE WHEN $5::boolean THEN $6::timestamptz ELSE next_poll_at END
      WHERE workspace_id = $1 AND id = $2`,
    [workspaceId, id, failure.error.at, JSON.stringify(failure.error), failure.poll !== undefined, failure.poll?.nextPollAt ?? null],
  );
}

/**
 * Webhook deliveries refused as unsigned or forged, `count` of them with the newest reasons (newest
 * first). Counted apart from the channel's errors: the URL is public, so these say who knocks, not
 * whether the channel works. Written in bulk (refusal-tally.ts), never one row update per request.
 */
export async function recordRefusedDeliveries(
  db: Queryable,
  workspaceId: string,
  id: string,
  count: number,
  recent: readonly ChannelError[],
): Promise<void> {
  await db.query(
    `UPDATE channels SET last_refused_at = GREATEST(last_refused_at, $4::timestamptz), refused_count = refused_count + $3,
            recent_refusals = (SELECT COALESCE(jsonb_agg(e.value ORDER BY e.n), '[]'::jsonb)
                                 FROM jsonb_array_elements($5::jsonb || recent_refusals) WITH ORDINALITY AS e(value, n)
                                WHERE e.n <= ${RECENT_ERRORS})
      WHERE workspace_id = $1 AND id = $2`,
    [workspaceId, id, count, recent[0]?.at ?? null, JSON.stringify(recent)],
  );
}

export async function countItemsOut(db: Queryable, workspaceId: string, id: string, at: Date): Promise<void> {
  await db.query(`UPDATE channels SET items_out = items_out + 1, last_success_at = $3 WHERE workspace_id = $1 AND id = $2`, [
    workspaceId,
    id,
    at,
  ]);
}

/**
 * A channel found by id alone: a webhook URL names only the channel, and the row is what tells
 * which workspace the delivery belongs to. Ids are random UUIDs, and deliveries are signature-checked.
 */
export async function findChannelForWebhook(db: Queryable, id: string): Promise<ChannelRow | null> {
  const { rows } = await db.query<ChannelRow>(`SELECT * FROM channels WHERE id = $1`, [id]);
  return rows[0] ?? null;
}
