/** SQL for alerts, their firings, and the counts they watch. */
import type { Queryable } from '../../platform/db/db.js';
import { nameKey } from '../../platform/db/name-order.js';
import type { AlertFiring, AlertRow } from './alert.schema.js';

const SELECT = `id, name, query_id AS "queryId", query_kind AS "queryKind", trigger, keyword, sensitivity, min_mentions AS "minMentions",
  cooldown_minutes AS "cooldownMinutes", notify_in_app AS "notifyInApp", notify_emails AS "notifyEmails", webhook_url AS "webhookUrl",
  allow_private_network AS "allowPrivateNetwork", is_active AS "isActive", last_checked_at AS "lastCheckedAt",
  counted_until AS "countedUntil", last_fired_at AS "lastFiredAt",
  created_by AS "createdBy", created_at AS "createdAt", updated_at AS "updatedAt"`;

const COLUMNS = [
  'name',
  'query_id',
  'query_kind',
  'trigger',
  'keyword',
  'sensitivity',
  'min_mentions',
  'cooldown_minutes',
  'notify_in_app',
  'notify_emails',
  'webhook_url',
  'allow_private_network',
  'is_active',
] as const;
const values = (a: AlertRow) => [
  a.name,
  a.queryId,
  a.queryKind,
  a.trigger,
  a.keyword,
  a.sensitivity,
  a.minMentions,
  a.cooldownMinutes,
  a.notifyInApp,
  a.notifyEmails,
  a.webhookUrl,
  a.allowPrivateNetwork,
  a.isActive,
];

export async function findAlert(db: Queryable, workspaceId: string, id: string, lock = false): Promise<AlertRow | null> {
  const { rows } = await db.query<AlertRow>(
    `SELECT ${SELECT} FROM listening_alerts WHERE workspace_id = $1 AND id = $2${lock ? ' FOR UPDATE SKIP LOCKED' : ''}`,
    [workspaceId, id],
  );
  return rows[0] ?? null;
}

export async function listAlerts(db: Queryable, workspaceId: string): Promise<AlertRow[]> {
  const { rows } = await db.query<AlertRow>(
    `SELECT ${SELECT} FROM listening_alerts WHERE workspace_id = $1 ORDER BY ${nameKey('name')}, id`,
    [workspaceId],
  );
  return rows;
}

export async function insertAlert(db: Queryable, workspaceId: string, a: AlertRow): Promise<void> {
  await db.query(
    `INSERT INTO listening_alerts (workspace_id, id, ${COLUMNS.join(', ')}, created_by, created_at, updated_at)
     VALUES ($1, $2, ${COLUMNS.map((_, i) => `$${i + 3}`).join(', ')}, $16, $17, $18)`,
    [workspaceId, a.id, ...values(a), a.createdBy, a.createdAt, a.updatedAt],
  );
}

export async function updateAlert(db: Queryable, workspaceId: string, a: AlertRow): Promise<void> {
  await db.query(
    `UPDATE listening_alerts SET ${COLUMNS.map((c, i) => `${c} = $${i + 3}`).join(', ')}, updated_at = $16 WHERE workspace_id = $1 AND id = $2`,
    [workspaceId, a.id, ...values(a), a.updatedAt],
  );
}

export async function deleteAlert(db: Queryable, workspaceId: string, id: string): Promise<boolean> {
  const { rowCount } = await db.query('DELETE FROM listening_alerts WHERE workspace_id = $1 AND id = $2', [workspaceId, id]);
  return (rowCount ?? 0) > 0;
}

export async function queryExists(db: Queryable, workspaceId: string, id: string): Promise<boolean> {
  const { rows } = await db.query('SELECT 1 FROM listening_queries WHERE workspace_id = $1 AND id = $2', [workspaceId, id]);
  return rows.length > 0;
}

/** Active alerts of every workspace not checked since `before`, for the recurring check. */
export async function alertsDue(db: Queryable, before: Date, limit: number): Promise<{ workspaceId: string; id: string }[]> {
  const { rows } = await db.query<{ workspaceId: string; id: string }>(
    `SELECT workspace_id AS "workspaceId", id FROM listening_alerts
      WHERE is_active AND (last_checked_at IS NULL OR last_checked_at < $1) ORDER BY last_checked_at NULLS FIRST LIMIT $2`,
    [before, limit],
  );
  return rows;
}

/**
 * Records a check at `at`, whose keyword count reached `countedUntil`, unless another check was
 * recorded since `previous` (the alert as this check read it): only one of two checks racing over
 * the same mentions may count them. False when the other one did.
 */
export async function markChecked(
  db: Queryable,
  workspaceId: string,
  id: string,
  previous: Date | null,
  check: { at: Date; countedUntil: Date; fired: boolean },
): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE listening_alerts SET last_checked_at = $4, counted_until = greatest(counted_until, $5)${check.fired ? ', last_fired_at = $4' : ''}
      WHERE workspace_id = $1 AND id = $2 AND last_checked_at IS NOT DISTINCT FROM $3::timestamptz`,
    [workspaceId, id, previous, check.at, check.countedUntil],
  );
  return (rowCount ?? 0) > 0;
}

/** A resumed alert counts the mentions stored from `at` on. */
export async function countFrom(db: Queryable, workspaceId: string, id: string, at: Date): Promise<void> {
  await db.query('UPDATE listening_alerts SET counted_until = $3 WHERE workspace_id = $1 AND id = $2', [workspaceId, id, at]);
}

const TARGET = `($2::uuid IS NOT NULL AND mn.query_id = $2) OR ($2::uuid IS NULL AND q.kind = $3)`;

/** Mentions posted in a window (a spike's clock), counted from the mentions themselves (the window is recent and short). */
export async function countMentions(
  db: Queryable,
  workspaceId: string,
  target: { queryId: string | null; queryKind: string | null },
  window: { from: Date; to: Date },
  negativeOnly: boolean,
): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(DISTINCT mn.message_id)::int AS n
       FROM mentions mn JOIN listening_queries q ON q.workspace_id = mn.workspace_id AND q.id = mn.query_id
      WHERE mn.workspace_id = $1 AND (${TARGET}) AND mn.sent_at >= $4 AND mn.sent_at < $5 AND mn.relevance <> 'irrelevant'
        ${negativeOnly ? "AND mn.sentiment = 'negative'" : ''}`,
    [workspaceId, target.queryId, target.queryKind, window.from, window.to],
  );
  return rows[0]!.n;
}

/**
 * The messages of the target's mentions that Rapport stored in `stored` (a keyword alert's clock),
 * each once, leaving out those posted before `postedSince`; read through `mentions_stored`.
 */
export async function storedMentionTexts(
  db: Queryable,
  workspaceId: string,
  target: { queryId: string | null; queryKind: string | null },
  stored: { from: Date; to: Date },
  postedSince: Date,
): Promise<{ text: string; title: string | null; network: string }[]> {
  const { rows } = await db.query<{ text: string; title: string | null; network: string }>(
    `SELECT m.text, m.title, m.network FROM messages m
      WHERE m.workspace_id = $1 AND m.id IN (
        SELECT mn.message_id FROM mentions mn JOIN listening_queries q ON q.workspace_id = mn.workspace_id AND q.id = mn.query_id
         WHERE mn.workspace_id = $1 AND (${TARGET}) AND mn.stored_at >= $4 AND mn.stored_at < $5 AND mn.sent_at >= $6
           AND mn.relevance <> 'irrelevant')`,
    [workspaceId, target.queryId, target.queryKind, stored.from, stored.to, postedSince],
  );
  return rows;
}

/**
 * Mentions in each of the given past windows (the seasonal baseline), counted like the observed
 * window so the two compare exactly; each window is an index range scan over a short span.
 */
export async function pastCounts(
  db: Queryable,
  workspaceId: string,
  target: { queryId: string | null; queryKind: string | null },
  windows: readonly { from: Date; to: Date }[],
  negativeOnly: boolean,
): Promise<number[]> {
  if (windows.length === 0) return [];
  const { rows } = await db.query<{ i: number; n: number }>(
    `SELECT w.i, (SELECT count(DISTINCT mn.message_id)
                    FROM mentions mn JOIN listening_queries q ON q.workspace_id = mn.workspace_id AND q.id = mn.query_id
                   WHERE mn.workspace_id = $1 AND (${TARGET}) AND mn.sent_at >= w.f AND mn.sent_at < w.t
                     AND mn.relevance <> 'irrelevant' ${negativeOnly ? "AND mn.sentiment = 'negative'" : ''})::int AS n
       FROM unnest($4::timestamptz[], $5::timestamptz[]) WITH ORDINALITY AS w(f, t, i)
      ORDER BY w.i`,
    [workspaceId, target.queryId, target.queryKind, windows.map((w) => w.from), windows.map((w) => w.to)],
  );
  return rows.map((r) => r.n);
}

/** The earliest mention of the target: days before it are not history, they are before listening began. */
export async function firstMentionAt(
  db: Queryable,
  workspaceId: string,
  target: { queryId: string | null; queryKind: string | null },
): Promise<Date | null> {
  const { rows } = await db.query<{ at: Date | null }>(
    `SELECT min(mn.sent_at) AS at FROM mentions mn JOIN listening_queries q ON q.workspace_id = mn.workspace_id AND q.id = mn.query_id
      WHERE mn.workspace_id = $1 AND (${TARGET})`,
    [workspaceId, target.queryId, target.queryKind],
  );
  return rows[0]?.at ?? null;
}

/**
 * The active queries whose stored history is still being matched (backfilled_at unset) since a
 * change made after `changedSince`; a query changed earlier whose matching never finished counts as matched.
 */
export async function queriesBeingMatched(
  db: Queryable,
  workspaceId: string,
  changedSince: Date,
): Promise<{ id: string; name: string; kind: string }[]> {
  const { rows } = await db.query<{ id: string; name: string; kind: string }>(
    `SELECT id, name, kind FROM listening_queries
      WHERE workspace_id = $1 AND is_active AND backfilled_at IS NULL AND updated_at >= $2 ORDER BY ${nameKey('name')}, id`,
    [workspaceId, changedSince],
  );
  return rows;
}

export async function insertFiring(db: Queryable, workspaceId: string, f: Omit<AlertFiring, 'alertName'>): Promise<void> {
  await db.query(
    `INSERT INTO listening_alert_firings (workspace_id, id, alert_id, fired_at, window_start, window_end, expected, observed, reason, deliveries)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb)`,
    [workspaceId, f.id, f.alertId, f.firedAt, f.windowStart, f.windowEnd, f.expected, f.observed, f.reason, JSON.stringify(f.deliveries)],
  );
}

export async function setDeliveries(db: Queryable, workspaceId: string, id: string, deliveries: AlertFiring['deliveries']): Promise<void> {
  await db.query('UPDATE listening_alert_firings SET deliveries = $3::jsonb WHERE workspace_id = $1 AND id = $2', [
    workspaceId,
    id,
    JSON.stringify(deliveries),
  ]);
}

/** Newest first, after `after` (the last firing of the page before); one more than `limit`, to tell whether a page follows. */
export async function listFirings(
  db: Queryable,
  workspaceId: string,
  alertId: string | null,
  after: { at: string; id: string } | null,
  limit: number,
): Promise<AlertFiring[]> {
  const { rows } = await db.query<AlertFiring>(
    `SELECT f.id, f.alert_id AS "alertId", a.name AS "alertName", f.fired_at AS "firedAt", f.window_start AS "windowStart",
            f.window_end AS "windowEnd", f.expected, f.observed, f.reason, f.deliveries
       FROM listening_alert_firings f JOIN listening_alerts a ON a.workspace_id = f.workspace_id AND a.id = f.alert_id
      WHERE f.workspace_id = $1 AND ($2::uuid IS NULL OR f.alert_id = $2)
        AND ($3::timestamptz IS NULL OR (f.fired_at, f.id) < ($3::timestamptz, $4::uuid))
      ORDER BY f.fired_at DESC, f.id DESC LIMIT $5`,
    [workspaceId, alertId, after?.at ?? null, after?.id ?? null, limit + 1],
  );
  return rows;
}

export async function membersToNotify(db: Queryable, workspaceId: string): Promise<string[]> {
  const { rows } = await db.query<{ userId: string }>(
    `SELECT user_id AS "userId" FROM memberships WHERE workspace_id = $1 AND role IN ('owner', 'admin', 'agent') ORDER BY user_id`,
    [workspaceId],
  );
  return rows.map((r) => r.userId);
}
