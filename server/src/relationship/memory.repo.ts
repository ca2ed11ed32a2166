/**
 * The memory panel's SQL: a read model over the contact's conversations and their messages'
 * stored understanding (inbox, `enrichment.nlp`), mentions by the contact's identities
 * (listening) and open tasks (crm). Read directly, through the indexes on the contact, for the
 * same reason as the timeline: one statement per question instead of a page walk per domain.
 */
import type { Actor } from '../platform/context.js';
import type { Queryable } from '../platform/db/db.js';
import { conversationScope } from '../inbox/index.js';

/** Intents that say what a customer wants: to buy, an idea, a question or request. */
export const WANT_INTENTS = ['purchase', 'idea', 'question'] as const;
const SIGNALS_PER_CONVERSATION = 20;

export interface InboundSignal {
  text: string;
  intent: string | null;
  sentiment: string | null;
  conversationId: string;
  at: Date;
  conversationStatus: string;
  resolvedAt: Date | null;
}

/** Inbound messages that carry a want or a trouble (a complaint or negative tone), newest first. */
export async function inboundSignals(
  db: Queryable,
  workspaceId: string,
  actor: Actor,
  contactId: string,
  limit: number,
): Promise<InboundSignal[]> {
  const params: unknown[] = [workspaceId, contactId, [...WANT_INTENTS], limit];
  const scope = conversationScope(actor, 'cv', params);
  const { rows } = await db.query<InboundSignal>(
    `SELECT m.text, m.intent, m.sentiment, cv.id AS "conversationId", m.sent_at AS at, cv.status AS "conversationStatus",
            cv.resolved_at AS "resolvedAt"
       FROM conversations cv
       CROSS JOIN LATERAL (
         SELECT coalesce(nullif(m.title, '') || ': ', '') || left(m.text, 1000) AS text, m.sent_at,
                m.enrichment #>> '{nlp,intent,label}' AS intent, m.enrichment #>> '{nlp,sentiment,label}' AS sentiment
           FROM messages m
          WHERE m.workspace_id = $1 AND m.conversation_id = cv.id AND m.kind = 'message' AND m.direction = 'in'
            AND (m.enrichment #>> '{nlp,intent,label}' = ANY($3::text[]) OR m.enrichment #>> '{nlp,intent,label}' = 'complaint'
                 OR m.enrichment #>> '{nlp,sentiment,label}' = 'negative')
          ORDER BY m.sent_at DESC, m.id DESC LIMIT ${SIGNALS_PER_CONVERSATION}) m
      WHERE cv.workspace_id = $1 AND cv.contact_id = $2 AND NOT cv.is_spam AND cv.merged_into_id IS NULL AND ${scope}
      ORDER BY m.sent_at DESC LIMIT $4`,
    params,
  );
  return rows;
}

export interface ConversationSummary {
  id: string;
  subject: string;
  status: string;
  network: string;
  lastMessageAt: Date;
  resolvedAt: Date | null;
}

export async function conversationsOf(
  db: Queryable,
  workspaceId: string,
  actor: Actor,
  contactId: string,
  resolved: boolean,
  limit: number,
): Promise<ConversationSummary[]> {
  const params: unknown[] = [workspaceId, contactId, limit];
  const scope = conversationScope(actor, 'cv', params);
  const { rows } = await db.query<ConversationSummary>(
    `SELECT cv.id, cv.subject, cv.status, cv.network, cv.last_message_at AS "lastMessageAt", cv.resolved_at AS "resolvedAt"
       FROM conversations cv
      WHERE cv.workspace_id = $1 AND cv.contact_id = $2 AND NOT cv.is_spam AND cv.merged_into_id IS NULL
        AND ${resolved ? "cv.status = 'resolved'" : "cv.status <> 'resolved'"} AND ${scope}
      ORDER BY ${resolved ? 'cv.resolved_at DESC NULLS LAST' : 'cv.last_message_at DESC'}, cv.id DESC LIMIT $3`,
    params,
  );
  return rows;
}

/**
 * What the contact said since `since` ($3), one row per message: inbound messages of their
 * conversations the actor may see, and their mentions elsewhere (a message matched by several
 * queries once; mentions are public, every member sees them).
 */
const said = (actor: Actor, params: unknown[]) => `
  SELECT m.sent_at AS at, m.network, (m.enrichment #>> '{nlp,sentiment,score}')::float8 AS score
    FROM conversations cv JOIN messages m ON m.workspace_id = cv.workspace_id AND m.conversation_id = cv.id
   WHERE cv.workspace_id = $1 AND cv.contact_id = $2 AND NOT cv.is_spam AND m.kind = 'message' AND m.direction = 'in' AND m.sent_at >= $3
     AND ${conversationScope(actor, 'cv', params)}
  UNION ALL
  SELECT DISTINCT ON (mn.message_id) mn.sent_at, mn.network, mn.sentiment_score
    FROM social_identities i JOIN mentions mn ON mn.workspace_id = i.workspace_id AND mn.author_identity_id = i.id
   WHERE i.workspace_id = $1 AND i.contact_id = $2 AND mn.sent_at >= $3
     AND NOT EXISTS (SELECT 1 FROM conversations cv WHERE cv.workspace_id = $1 AND cv.id = mn.conversation_id AND cv.contact_id = $2)`;

export async function sentimentByMonth(
  db: Queryable,
  workspaceId: string,
  actor: Actor,
  contactId: string,
  since: Date,
): Promise<{ month: string; average: number; count: number }[]> {
  const params: unknown[] = [workspaceId, contactId, since];
  const { rows } = await db.query<{ month: string; average: number; count: number }>(
    `SELECT to_char(date_trunc('month', said.at AT TIME ZONE 'UTC'), 'YYYY-MM') AS month, avg(said.score)::float8 AS average,
            count(*)::int AS count
       FROM (${said(actor, params)}) said WHERE said.score IS NOT NULL GROUP BY 1 ORDER BY 1`,
    params,
  );
  return rows.map((r) => ({ month: r.month, average: Math.round(Number(r.average) * 1000) / 1000, count: r.count }));
}

export async function messagesByNetwork(
  db: Queryable,
  workspaceId: string,
  actor: Actor,
  contactId: string,
  since: Date,
): Promise<{ network: string; count: number }[]> {
  const params: unknown[] = [workspaceId, contactId, since];
  const { rows } = await db.query<{ network: string; count: number }>(
    `SELECT said.network, count(*)::int AS count FROM (${said(actor, params)}) said GROUP BY 1 ORDER BY 2 DESC, 1`,
    params,
  );
  return rows;
}

/** The contact's open task due soonest (an overdue one first: it is still the next thing to do). */
export async function nextTask(db: Queryable, workspaceId: string, contactId: string): Promise<{ dueAt: Date; subject: string } | null> {
  const { rows } = await db.query<{ dueAt: Date; subject: string }>(
    `SELECT due_at AS "dueAt", subject FROM activities
      WHERE workspace_id = $1 AND contact_id = $2 AND type = 'task' AND done_at IS NULL AND due_at IS NOT NULL
      ORDER BY due_at LIMIT 1`,
    [workspaceId, contactId],
  );
  return rows[0] ?? null;
}
