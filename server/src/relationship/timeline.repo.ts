/**
 * The timeline's SQL: a read model over activities (crm), messages of the contacts' conversations
 * (inbox) and mentions by their identities (listening). Like listening's message facts it reads
 * those tables directly: one keyset-paginated statement that merges the three, where going through
 * each domain's use cases would page three lists and merge them in memory. It only reads.
 *
 * Every part walks an index in (time desc, id desc) order from the contact — per contact
 * activities_contact_timeline, per conversation messages_conversation, per identity mentions_author
 * — and stops after one page, so a contact with ten thousand items costs one page per source.
 *
 * A post listening heard that is also in one of the contacts' conversations (every post of an author
 * added as a contact from listening is) is shown once, as the message, flagged `isMention`: it
 * belongs under the mention filter as much as under the message filter.
 */
import type { Actor } from '../platform/context.js';
import type { Queryable } from '../platform/db/db.js';
import { conversationScope } from '../inbox/index.js';
import { shownHandle, shownName } from '../platform/text/identity-handle.js';
import type { TimelineItem } from './timeline.schema.js';

/** A customer's entry names them by what the network calls them; never by its numeric id for them. */
const AUTHOR_NAME = `coalesce(nullif(${shownName('i')}, ''), ${shownHandle('i')})`;

/**
 * A message `m` listening heard, as a filter. A scalar sub-select is probed per message through
 * `mentions_message`; written as EXISTS, PostgreSQL may turn it into a semi-join that reads and
 * hashes every mention of the workspace, and did where the workspace held few of them.
 */
const HEARD_BY_LISTENING = 'AND (SELECT true FROM mentions mn WHERE mn.workspace_id = $1 AND mn.message_id = m.id LIMIT 1)';

export interface TimelineRead {
  contactIds: readonly string[];
  /** For a company's timeline: its own entries, those about no contact. */
  companyId: string | null;
  activityKinds: readonly string[];
  /** Every message of the contacts' conversations. */
  messages: boolean;
  /** Mentions by the contacts' identities, and the messages of their conversations that listening heard. */
  mentions: boolean;
  network: string | null;
  before: { at: Date; id: string } | null;
  limit: number;
}

/** Longest text read per message or mention; the preview is cut from it. Activities come whole: people wrote them. */
const READ_CHARS = 2_000;

/** The page's statement, apart so a test can pin its plan. */
export function timelineStatement(workspaceId: string, actor: Actor, read: TimelineRead): { sql: string; params: unknown[] } | null {
  const params: unknown[] = [workspaceId, read.contactIds, read.limit + 1];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const before = read.before ? { at: param(read.before.at), id: param(read.before.id) } : null;
  const olderThan = (at: string, id: string) => (before ? `AND (${at}, ${id}) < (${before.at}::timestamptz, ${before.id}::uuid)` : '');
  const network = read.network === null ? null : param(read.network);
  const parts: string[] = [];

  if (read.activityKinds.length && network === null) {
    const kinds = param(read.activityKinds);
    const columns = `a.id, a.type AS kind, a.occurred_at AS "occurredAt", a.subject AS title, a.body,
      NULL::text AS network, a.direction, NULL::uuid AS "conversationId", NULL::text AS sentiment, u.name AS author,
      CASE WHEN a.type = 'task' THEN jsonb_build_object('dueAt', a.due_at, 'doneAt', a.done_at, 'assigneeId', a.assignee_id,
        'assigneeName', (SELECT name FROM users WHERE id = a.assignee_id)) END AS task,
      a.duration_minutes AS "durationMinutes", a.author_id AS "authorId"`;
    parts.push(`(SELECT ${columns}
       FROM unnest($2::uuid[]) who(id)
       CROSS JOIN LATERAL (
         SELECT * FROM activities a
          WHERE a.workspace_id = $1 AND a.contact_id = who.id AND a.type = ANY(${kinds}::text[]) ${olderThan('a.occurred_at', 'a.id')}
          ORDER BY a.occurred_at DESC, a.id DESC LIMIT $3) a
       LEFT JOIN users u ON u.id = a.author_id
       ORDER BY 3 DESC, 1 DESC LIMIT $3)`);
    if (read.companyId) {
      const company = param(read.companyId);
      parts.push(`(SELECT ${columns}
         FROM activities a LEFT JOIN users u ON u.id = a.author_id
        WHERE a.workspace_id = $1 AND a.company_id = ${company} AND a.contact_id IS NULL AND a.type = ANY(${kinds}::text[])
          ${olderThan('a.occurred_at', 'a.id')}
        ORDER BY a.occurred_at DESC, a.id DESC LIMIT $3)`);
    }
  }

  if (read.messages || read.mentions) {
    // Internal notes stay in their conversation: the timeline is what passed between customer and business.
    const scope = conversationScope(actor, 'cv', params);
    parts.push(`(SELECT m.id, 'message' AS kind, m.sent_at AS "occurredAt", coalesce(nullif(m.title, ''), cv.subject) AS title,
            left(m.text, ${READ_CHARS}) AS body, m.network, m.direction, m.conversation_id AS "conversationId",
            m.enrichment #>> '{nlp,sentiment,label}' AS sentiment,
            CASE WHEN m.direction = 'in' THEN ${AUTHOR_NAME} ELSE u.name END AS author, NULL::jsonb AS task,
            NULL::int AS "durationMinutes", m.author_user_id AS "authorId"
       FROM unnest($2::uuid[]) who(id)
       JOIN conversations cv ON cv.workspace_id = $1 AND cv.contact_id = who.id AND NOT cv.is_spam
        ${network ? `AND cv.network = ${network}` : ''} AND ${scope}
       CROSS JOIN LATERAL (
         SELECT * FROM messages m
          WHERE m.workspace_id = $1 AND m.conversation_id = cv.id AND m.kind = 'message' ${olderThan('m.sent_at', 'm.id')}
            ${read.messages ? '' : HEARD_BY_LISTENING}
          ORDER BY m.sent_at DESC, m.id DESC LIMIT $3) m
       LEFT JOIN social_identities i ON i.workspace_id = m.workspace_id AND i.id = m.author_identity_id
       LEFT JOIN users u ON u.id = m.author_user_id
       ORDER BY 3 DESC, 1 DESC LIMIT $3)`);
  }

  if (read.mentions) {
    // A message matched by several queries is one mention; one in the contacts' own conversations is the message above.
    // Their text is read after the page is cut (below), by primary key, for the few that made it.
    parts.push(`(SELECT mn.message_id AS id, 'mention' AS kind, mn.sent_at AS "occurredAt", NULL::text AS title, NULL::text AS body,
            mn.network, 'in' AS direction, mn.conversation_id AS "conversationId", mn.sentiment,
            ${AUTHOR_NAME} AS author, NULL::jsonb AS task, NULL::int AS "durationMinutes", NULL::uuid AS "authorId"
       FROM unnest($2::uuid[]) who(id)
       JOIN social_identities i ON i.workspace_id = $1 AND i.contact_id = who.id
       CROSS JOIN LATERAL (
         SELECT DISTINCT ON (mn.sent_at, mn.message_id) mn.message_id, mn.sent_at, mn.network, mn.conversation_id, mn.sentiment
           FROM mentions mn
          WHERE mn.workspace_id = $1 AND mn.author_identity_id = i.id ${network ? `AND mn.network = ${network}` : ''}
            ${olderThan('mn.sent_at', 'mn.message_id')}
            AND NOT EXISTS (SELECT 1 FROM conversations cv
                             WHERE cv.workspace_id = $1 AND cv.id = mn.conversation_id AND cv.contact_id = ANY($2::uuid[]))
          ORDER BY mn.sent_at DESC, mn.message_id DESC LIMIT $3) mn
       ORDER BY 3 DESC, 1 DESC LIMIT $3)`);
  }

  if (parts.length === 0) return null;
  const sql = `SELECT p.id, p.kind, p."occurredAt", coalesce(p.title, nullif(mm.title, ''), 'Mention on ' || p.network) AS title,
         coalesce(p.body, left(mm.text, ${READ_CHARS})) AS body, p.network, p.direction, p."conversationId", p.sentiment, p.author,
         p.task, p."durationMinutes", p."authorId", p.kind = 'mention' OR heard.id IS NOT NULL AS "isMention"
    FROM (SELECT * FROM (${parts.join('\nUNION ALL\n')}) timeline ORDER BY "occurredAt" DESC, id DESC LIMIT $3) p
    -- LIMIT keeps these lookups per item on the page; as plain joins the planner may scan messages or mentions to hash them.
    LEFT JOIN LATERAL (SELECT mm.title, mm.text FROM messages mm
                        WHERE p.kind = 'mention' AND mm.workspace_id = $1 AND mm.id = p.id LIMIT 1) mm ON true
    LEFT JOIN LATERAL (SELECT mn.id FROM mentions mn
                        WHERE p.kind = 'message' AND mn.workspace_id = $1 AND mn.message_id = p.id LIMIT 1) heard ON true
   ORDER BY p."occurredAt" DESC, p.id DESC`;
  return { sql, params };
}

export async function timelinePage(db: Queryable, workspaceId: string, actor: Actor, read: TimelineRead): Promise<TimelineItem[]> {
  const statement = timelineStatement(workspaceId, actor, read);
  if (!statement) return [];
  const { rows } = await db.query<TimelineItem>(statement.sql, statement.params);
  return rows;
}

/** The contacts of a company the actor may see, whose items make up the company's timeline. */
export async function visibleCompanyContacts(
  db: Queryable,
  workspaceId: string,
  companyId: string,
  scope: (alias: string, params: unknown[]) => string,
): Promise<string[]> {
  const params: unknown[] = [workspaceId, companyId];
  const { rows } = await db.query<{ id: string }>(
    `SELECT c.id FROM contacts c WHERE c.workspace_id = $1 AND c.company_id = $2 AND ${scope('c', params)}`,
    params,
  );
  return rows.map((r) => r.id);
}
