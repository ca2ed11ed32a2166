/** SQL for the SLA policy, the conversations' clocks and the breaches found. */
import type { Queryable } from '../platform/db/db.js';
import type { ReplyChannel } from './reply-availability.js';
import type { SlaClock } from './conversation.schema.js';
import type { SlaPolicy } from './sla.schema.js';

export async function findPolicy(db: Queryable, workspaceId: string): Promise<SlaPolicy | null> {
  const { rows } = await db.query<SlaPolicy>(
    `SELECT first_response_minutes AS "firstResponseMinutes", next_response_minutes AS "nextResponseMinutes",
            resolution_minutes AS "resolutionMinutes", business_hours AS "businessHours", tier_targets AS "tierTargets",
            updated_at AS "updatedAt"
       FROM sla_policies WHERE workspace_id = $1`,
    [workspaceId],
  );
  return rows[0] ?? null;
}

export async function savePolicy(db: Queryable, workspaceId: string, policy: SlaPolicy): Promise<void> {
  await db.query(
    `INSERT INTO sla_policies (workspace_id, first_response_minutes, next_response_minutes, resolution_minutes, business_hours, updated_at,
       tier_targets)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7::jsonb)
     ON CONFLICT (workspace_id) DO UPDATE SET first_response_minutes = EXCLUDED.first_response_minutes,
       next_response_minutes = EXCLUDED.next_response_minutes, resolution_minutes = EXCLUDED.resolution_minutes,
       business_hours = EXCLUDED.business_hours, updated_at = EXCLUDED.updated_at, tier_targets = EXCLUDED.tier_targets`,
    [
      workspaceId,
      policy.firstResponseMinutes,
      policy.nextResponseMinutes,
      policy.resolutionMinutes,
      policy.businessHours ? JSON.stringify(policy.businessHours) : null,
      policy.updatedAt,
      JSON.stringify(policy.tierTargets),
    ],
  );
}

/** Sets new conversations' first-response and resolution clocks, except those already set or met. */
export async function setStartClocks(
  tx: Queryable,
  workspaceId: string,
  clocks: readonly { conversationId: string; firstResponse: Date | null; resolution: Date | null }[],
): Promise<void> {
  if (clocks.length === 0) return;
  await tx.query(
    `UPDATE conversations c
        SET first_response_due_at = CASE WHEN c.first_responded_at IS NULL THEN COALESCE(c.first_response_due_at, d.first_response)
                                         ELSE c.first_response_due_at END,
            resolution_due_at = CASE WHEN c.resolved_at IS NULL THEN COALESCE(c.resolution_due_at, d.resolution) ELSE c.resolution_due_at END
       FROM unnest($2::uuid[], $3::timestamptz[], $4::timestamptz[]) AS d(id, first_response, resolution)
      WHERE c.workspace_id = $1 AND c.id = d.id`,
    [workspaceId, clocks.map((c) => c.conversationId), clocks.map((c) => c.firstResponse), clocks.map((c) => c.resolution)],
  );
}

/** A conversation's clocks as stored, with what stops them. */
export interface ConversationClocks {
  id: string;
  firstResponseDueAt: Date | null;
  nextResponseDueAt: Date | null;
  resolutionDueAt: Date | null;
  firstRespondedAt: Date | null;
  resolvedAt: Date | null;
}

export async function conversationClocks(tx: Queryable, workspaceId: string, ids: readonly string[]): Promise<ConversationClocks[]> {
  const { rows } = await tx.query<ConversationClocks>(
    `SELECT id, first_response_due_at AS "firstResponseDueAt", next_response_due_at AS "nextResponseDueAt",
            resolution_due_at AS "resolutionDueAt", first_responded_at AS "firstRespondedAt", resolved_at AS "resolvedAt"
       FROM conversations WHERE workspace_id = $1 AND id = ANY($2::uuid[])`,
    [workspaceId, ids],
  );
  return rows;
}

/** Sets a conversation's clocks as worked out from its messages (after a merge brought in another's). */
export async function setClocks(tx: Queryable, workspaceId: string, clocks: Omit<ConversationClocks, 'resolvedAt'>): Promise<void> {
  await tx.query(
    `UPDATE conversations SET first_responded_at = $3, first_response_due_at = $4, next_response_due_at = $5, resolution_due_at = $6
      WHERE workspace_id = $1 AND id = $2`,
    [workspaceId, clocks.id, clocks.firstRespondedAt, clocks.firstResponseDueAt, clocks.nextResponseDueAt, clocks.resolutionDueAt],
  );
}

export interface TouchedConversation {
  id: string;
  merged: boolean;
  /** When the customer began waiting: their first message after our last answer (null when merged). */
  waitingSince: Date | null;
  /** Started by the business and not on a first-response clock yet: the customer's answer starts it. */
  firstResponseOwed: boolean;
}

/** The first message of a conversation is the business's own (a thread an agent started from their mailbox). */
const BUSINESS_STARTED = `(SELECT f.direction FROM messages f
   WHERE f.workspace_id = c.workspace_id AND f.conversation_id = c.id AND f.kind = 'message'
   ORDER BY f.sent_at, f.id LIMIT 1) = 'out'`;

/** What decides whether a conversation's first-response clock starts: who wrote first, and the channel an answer would go through. */
export interface FirstResponseFacts {
  id: string;
  /** The business wrote first: no customer waits for a first response until they answer. */
  businessStarted: boolean;
  channelId: string | null;
  /** Null when the conversation has no channel or it was removed. */
  channel: ReplyChannel | null;
}

/** One statement for a pass of new conversations. */
export async function firstResponseFacts(tx: Queryable, workspaceId: string, ids: readonly string[]): Promise<FirstResponseFacts[]> {
  if (ids.length === 0) return [];
  const { rows } = await tx.query<FirstResponseFacts>(
    `SELECT c.id, COALESCE(${BUSINESS_STARTED}, false) AS "businessStarted", c.channel_id AS "channelId", CASE WHEN ch.id IS NOT NULL THEN jsonb_build_object('kind', ch.kind, 'config', ch.config) END AS channel
       FROM conversations c LEFT JOIN channels ch ON ch.workspace_id = c.workspace_id AND ch.id = c.channel_id
      WHERE c.workspace_id = $1 AND c.id = ANY($2::uuid[])`,
    [workspaceId, ids],
  );
  return rows;
}

/** Messages a relay pass was told were added, each with the conversation its event named. */
export interface AddedMessage {
  conversationId: string;
  messageId: string;
}

/**
 * Of the conversations that got new messages, those where that can change something: merged away
 * (the messages follow the merge), or written to by the customer after our last answer (one of the
 * added messages sent after it) while waiting on the customer, owed a next answer, or started by
 * the business and owed its first answer now (looked for only when the workspace has first-response
 * targets, `firstResponseTargets`). For the latter, `waitingSince` is the customer's first message
 * after that answer, which may be older than the newest the pass brought: several arrive in one
 * sync, and the customer waited from the first. A resolved conversation owes nothing: a customer
 * writing again reopens it as their message is stored, so one still resolved got only old messages
 * (a backfill, imported history), which start no clock.
 * One statement for a relay pass. Conversations are filtered by their state first, so only the few
 * waiting ones have their added messages read (by primary key), and their first waiting message is
 * found through `messages_conversation`; an ingest burst mostly adds to conversations nobody answered.
 */
export async function touchedByNewMessages(
  db: Queryable,
  workspaceId: string,
  ids: readonly string[],
  added: readonly AddedMessage[],
  firstResponseTargets: boolean,
): Promise<TouchedConversation[]> {
  const { rows } = await db.query<TouchedConversation>(
    `WITH states AS (
       SELECT c.id, c.merged_into_id, c.last_outbound_at, c.status, c.in_inbox, c.first_responded_at, c.next_response_due_at,
              $5::boolean AND c.in_inbox AND c.merged_into_id IS NULL AND c.first_responded_at IS NULL
                AND c.first_response_due_at IS NULL AND ${BUSINESS_STARTED} AS first_response_owed
         FROM conversations c
        WHERE c.workspace_id = $1 AND c.id = ANY($2::uuid[])
     ),
     candidates AS MATERIALIZED (
       SELECT c.id, c.merged_into_id, c.last_outbound_at, c.first_response_owed FROM states c
        WHERE c.merged_into_id IS NOT NULL
           OR (c.status <> 'resolved' AND (c.status = 'pending' OR c.first_response_owed
               OR (c.in_inbox AND c.first_responded_at IS NOT NULL AND c.next_response_due_at IS NULL)))
     ),
     customer_wrote AS (
       SELECT DISTINCT c.id FROM candidates c
         JOIN unnest($3::uuid[], $4::uuid[]) AS a(conversation_id, message_id) ON a.conversation_id = c.id
         JOIN messages m ON m.workspace_id = $1 AND m.id = a.message_id AND m.conversation_id = c.id
        WHERE c.merged_into_id IS NULL AND m.kind = 'message' AND m.direction = 'in'
          AND m.sent_at > COALESCE(c.last_outbound_at, '-infinity')
     )
     SELECT c.id, c.merged_into_id IS NOT NULL AS merged, c.first_response_owed AS "firstResponseOwed",
            CASE WHEN c.merged_into_id IS NULL THEN
              (SELECT min(i.sent_at) FROM messages i
                WHERE i.workspace_id = $1 AND i.conversation_id = c.id AND i.kind = 'message' AND i.direction = 'in'
                  AND i.sent_at > COALESCE(c.last_outbound_at, '-infinity'))
            END AS "waitingSince"
       FROM candidates c
      WHERE c.merged_into_id IS NOT NULL OR c.id IN (SELECT id FROM customer_wrote)`,
    [workspaceId, ids, added.map((a) => a.conversationId), added.map((a) => a.messageId), firstResponseTargets],
  );
  return rows;
}

/** Starts the first-response clocks of conversations the business started, now that the customer answered. */
export async function startFirstResponseClocks(
  tx: Queryable,
  workspaceId: string,
  clocks: readonly { conversationId: string; due: Date }[],
): Promise<void> {
  if (clocks.length === 0) return;
  await tx.query(
    `UPDATE conversations c SET first_response_due_at = d.due
       FROM unnest($2::uuid[], $3::timestamptz[]) AS d(id, due)
      WHERE c.workspace_id = $1 AND c.id = d.id AND c.in_inbox AND c.first_responded_at IS NULL AND c.first_response_due_at IS NULL`,
    [workspaceId, clocks.map((c) => c.conversationId), clocks.map((c) => c.due)],
  );
}

/**
 * An answer the pipeline brought in (an agent writing from their own mail client, the business
 * answering in a network's own app) counts as a response, like a reply sent from Rapport: the first
 * response when there was none, and it meets a running next-response clock when it came after the
 * customer's message that started it. An outbound message older than every customer message (a
 * backfill of what the business wrote first) answers nothing. Replies sent from Rapport carry a
 * delivery status and were counted when submitted; a failed one never counts. One statement for a
 * relay pass's messages, which the primary key finds; only conversations with such an answer are
 * written.
 */
export async function countIngestedAnswers(db: Queryable, workspaceId: string, messageIds: readonly string[]): Promise<void> {
  if (messageIds.length === 0) return;
  await db.query(
    `WITH answers AS (
       SELECT o.conversation_id AS id, min(o.sent_at) AS first_at, max(o.sent_at) AS last_at
         FROM messages o
        WHERE o.workspace_id = $1 AND o.id = ANY($2::uuid[]) AND o.kind = 'message' AND o.direction = 'out' AND o.delivery_status IS NULL
          AND EXISTS (SELECT 1 FROM messages i
                       WHERE i.workspace_id = $1 AND i.conversation_id = o.conversation_id AND i.sent_at < o.sent_at
                         AND i.kind = 'message' AND i.direction = 'in')
        GROUP BY o.conversation_id
     )
     UPDATE conversations c
        SET first_responded_at = COALESCE(c.first_responded_at, a.first_at),
            next_response_due_at = CASE
              WHEN c.next_response_due_at IS NOT NULL AND EXISTS (
                SELECT 1 FROM messages i
                 WHERE i.workspace_id = $1 AND i.conversation_id = c.id AND i.sent_at < a.last_at AND i.kind = 'message' AND i.direction = 'in'
                   AND i.sent_at > COALESCE((SELECT max(x.sent_at) FROM messages x
                                              WHERE x.workspace_id = $1 AND x.conversation_id = c.id AND x.kind = 'message'
                                                AND x.direction = 'out' AND x.delivery_status IS DISTINCT FROM 'failed'
                                                AND x.id <> ALL($2::uuid[])), '-infinity'))
              THEN NULL ELSE c.next_response_due_at END
       FROM answers a
      WHERE c.workspace_id = $1 AND c.id = a.id AND (c.first_responded_at IS NULL OR c.next_response_due_at IS NOT NULL)`,
    [workspaceId, messageIds],
  );
}

/**
 * Starts the next-response clocks of answered conversations whose customer wrote again after our last
 * answer, each due from when they began waiting; a clock already running keeps its time, and an
 * answer given meanwhile leaves the clock stopped.
 */
export async function startNextResponseClocks(
  tx: Queryable,
  workspaceId: string,
  clocks: readonly { conversationId: string; waitingSince: Date; due: Date }[],
): Promise<void> {
  if (clocks.length === 0) return;
  await tx.query(
    `UPDATE conversations c SET next_response_due_at = d.due
       FROM unnest($2::uuid[], $3::timestamptz[], $4::timestamptz[]) AS d(id, waiting_since, due)
      WHERE c.workspace_id = $1 AND c.id = d.id AND c.in_inbox AND c.first_responded_at IS NOT NULL AND c.next_response_due_at IS NULL
        AND c.last_outbound_at < d.waiting_since`,
    [workspaceId, clocks.map((c) => c.conversationId), clocks.map((c) => c.waitingSince), clocks.map((c) => c.due)],
  );
}

export interface DueClock {
  workspaceId: string;
  conversationId: string;
  kind: SlaClock;
  dueAt: Date;
  assigneeId: string | null;
  subject: string;
}

const OPEN = `c.status <> 'resolved' AND NOT c.is_spam AND c.merged_into_id IS NULL`;

/** Clocks that ran out by `now` and were not reported yet, across workspaces. */
export async function overdueClocks(db: Queryable, now: Date, limit: number): Promise<DueClock[]> {
  const { rows } = await db.query<DueClock>(
    `SELECT * FROM (
       SELECT c.workspace_id AS "workspaceId", c.id AS "conversationId", 'first_response' AS kind, c.first_response_due_at AS "dueAt",
              c.assignee_id AS "assigneeId", c.subject
         FROM conversations c WHERE c.first_responded_at IS NULL AND c.first_response_due_at <= $1 AND ${OPEN}
       UNION ALL
       SELECT c.workspace_id, c.id, 'next_response', c.next_response_due_at, c.assignee_id, c.subject
         FROM conversations c WHERE c.next_response_due_at IS NOT NULL AND c.next_response_due_at <= $1 AND ${OPEN}
       UNION ALL
       SELECT c.workspace_id, c.id, 'resolution', c.resolution_due_at, c.assignee_id, c.subject
         FROM conversations c WHERE c.resolved_at IS NULL AND c.resolution_due_at <= $1 AND ${OPEN}
     ) due
     WHERE NOT EXISTS (SELECT 1 FROM sla_breaches b
                        WHERE b.workspace_id = due."workspaceId" AND b.conversation_id = due."conversationId" AND b.kind = due.kind AND b.due_at = due."dueAt")
     ORDER BY "dueAt" LIMIT $2`,
    [now, limit],
  );
  return rows;
}

/** True when this breach is new (a second sweep finds it recorded). */
export async function recordBreach(tx: Queryable, clock: DueClock, now: Date): Promise<boolean> {
  const { rowCount } = await tx.query(
    `INSERT INTO sla_breaches (workspace_id, conversation_id, kind, due_at, detected_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
    [clock.workspaceId, clock.conversationId, clock.kind, clock.dueAt, now],
  );
  return rowCount > 0;
}

/** Snoozes that ran out, woken up (back to open) in one statement; returns what woke. */
export async function wakeSnoozed(
  db: Queryable,
  now: Date,
  limit: number,
): Promise<{ workspaceId: string; id: string; snoozedUntil: Date; assigneeId: string | null; subject: string }[]> {
  const { rows } = await db.query<{ workspaceId: string; id: string; snoozedUntil: Date; assigneeId: string | null; subject: string }>(
    `WITH due AS (
       SELECT workspace_id, id, snoozed_until FROM conversations WHERE status = 'snoozed' AND snoozed_until <= $1
        ORDER BY snoozed_until LIMIT $2 FOR UPDATE SKIP LOCKED)
     UPDATE conversations c SET status = 'open', snoozed_until = NULL, updated_at = $1
       FROM due WHERE c.workspace_id = due.workspace_id AND c.id = due.id
     RETURNING c.workspace_id AS "workspaceId", c.id, due.snoozed_until AS "snoozedUntil", c.assignee_id AS "assigneeId", c.subject`,
    [now, limit],
  );
  return rows;
}

/**
 * Conversations waiting on the customer (pending) are open again once they answer after our last
 * reply; returns those reopened. Snoozed and resolved ones are reopened by the pipeline as it stores
 * the message.
 */
export async function reopenPending(
  tx: Queryable,
  workspaceId: string,
  waiting: readonly { conversationId: string; waitingSince: Date }[],
  now: Date,
): Promise<Set<string>> {
  if (waiting.length === 0) return new Set();
  const { rows } = await tx.query<{ id: string }>(
    `UPDATE conversations c SET status = 'open', updated_at = $4
       FROM unnest($2::uuid[], $3::timestamptz[]) AS w(id, waiting_since)
      WHERE c.workspace_id = $1 AND c.id = w.id AND c.status = 'pending' AND c.merged_into_id IS NULL
        AND (c.last_outbound_at IS NULL OR c.last_outbound_at < w.waiting_since)
     RETURNING c.id`,
    [workspaceId, waiting.map((w) => w.conversationId), waiting.map((w) => w.waitingSince), now],
  );
  return new Set(rows.map((row) => row.id));
}

/**
 * The customer's first message and the replies that count as responses, as `recountResponses` and a
 * merge need them: a reply counts from when
 * it was submitted unless its delivery failed, and an answer the pipeline stored (no delivery
 * status) counts when it came after the customer's first message, as `countIngestedAnswers` has it.
 */
export async function responseTimes(
  tx: Queryable,
  workspaceId: string,
  id: string,
): Promise<{
  inInbox: boolean;
  firstInboundAt: Date | null;
  firstReplyAt: Date | null;
  lastReplyAt: Date | null;
  waitingSince: Date | null;
} | null> {
  const { rows } = await tx.query<{
    inInbox: boolean;
    firstInboundAt: Date | null;
    firstReplyAt: Date | null;
    lastReplyAt: Date | null;
    waitingSince: Date | null;
  }>(
    `WITH customer AS (
       SELECT min(sent_at) AS first FROM messages WHERE workspace_id = $1 AND conversation_id = $2 AND kind = 'message' AND direction = 'in'
     ), replies AS (
       SELECT min(m.sent_at) AS first, max(m.sent_at) AS last FROM messages m CROSS JOIN customer
        WHERE m.workspace_id = $1 AND m.conversation_id = $2 AND m.kind = 'message' AND m.direction = 'out'
          AND (m.delivery_status IN ('queued', 'sent', 'delivered') OR (m.delivery_status IS NULL AND m.sent_at > customer.first)))
     SELECT c.in_inbox AS "inInbox", (SELECT first FROM customer) AS "firstInboundAt", r.first AS "firstReplyAt", r.last AS "lastReplyAt",
            (SELECT min(m.sent_at) FROM messages m
              WHERE m.workspace_id = $1 AND m.conversation_id = $2 AND m.kind = 'message' AND m.direction = 'in' AND m.sent_at > r.last)
              AS "waitingSince"
       FROM conversations c CROSS JOIN replies r WHERE c.workspace_id = $1 AND c.id = $2`,
    [workspaceId, id],
  );
  return rows[0] ?? null;
}

/** Sets the response clocks `recountResponses` worked out; `nextResponseDue` undefined leaves that clock as it is. */
export async function setResponseClocks(
  tx: Queryable,
  workspaceId: string,
  id: string,
  firstRespondedAt: Date | null,
  nextResponseDue: Date | null | undefined,
): Promise<void> {
  await tx.query(
    `UPDATE conversations SET first_responded_at = $3, next_response_due_at = CASE WHEN $4 THEN $5::timestamptz ELSE next_response_due_at END
      WHERE workspace_id = $1 AND id = $2`,
    [workspaceId, id, firstRespondedAt, nextResponseDue !== undefined, nextResponseDue ?? null],
  );
}
