/** SQL for the messages and notes of a conversation. */
import { sqlLimit } from '../platform/db/limit.js';
import type { Queryable } from '../platform/db/db.js';
import type { InstantCursor } from './inbox.cursor.js';
import { memberSeesConversation } from './conversation.policy.js';
import { shownHandle, shownName } from '../platform/text/identity-handle.js';
import type { ReplyChannel } from './reply-availability.js';
import type { DeliveryStatus, Message } from './message.schema.js';
import { safeUrl, sanitiseHtml } from './sanitize.js';

const SELECT = `m.id, m.conversation_id AS "conversationId", m.kind, m.direction, m.author_identity_id AS "identityId",
  m.author_user_id AS "userId", COALESCE(u.name, ${shownName('i')}) AS "authorName", ${shownHandle('i')} AS "authorHandle", m.title, m.text, m.html,
  m.url, m.attachments, m.sent_at AS "sentAt", m.received_at AS "receivedAt", m.delivery_status AS "deliveryStatus",
  m.delivery_error AS "deliveryError", m.mentions, m.enrichment`;

const FROM = `messages m
  LEFT JOIN social_identities i ON i.workspace_id = m.workspace_id AND i.id = m.author_identity_id
  LEFT JOIN users u ON u.id = m.author_user_id`;

interface MessageRow extends Omit<Message, 'author'> {
  identityId: string | null;
  userId: string | null;
  authorName: string | null;
  authorHandle: string | null;
}

/** Everything that came from a source is made safe here, so no route can forget to. */
function toMessage(row: MessageRow): Message {
  const { identityId, userId, authorName, authorHandle, ...rest } = row;
  return {
    ...rest,
    author: { identityId, userId, name: authorName, handle: authorHandle },
    html: sanitiseHtml(rest.html),
    url: safeUrl(rest.url),
    attachments: rest.attachments.map(({ url, ...attachment }) => {
      const safe = safeUrl(url);
      return safe ? { ...attachment, url: safe } : attachment;
    }),
  };
}

export async function findMessage(db: Queryable, workspaceId: string, id: string): Promise<Message | null> {
  const { rows } = await db.query<MessageRow>(`SELECT ${SELECT} FROM ${FROM} WHERE m.workspace_id = $1 AND m.id = $2`, [workspaceId, id]);
  return rows[0] ? toMessage(rows[0]) : null;
}

export async function listMessages(
  db: Queryable,
  workspaceId: string,
  conversationId: string,
  after: InstantCursor | null,
  limit: number,
): Promise<{ rows: Message[]; hasMore: boolean }> {
  const params: unknown[] = [workspaceId, conversationId];
  let keyset = '';
  if (after) {
    params.push(after.at, after.id);
    keyset = `AND (m.sent_at, m.id) > ($3::timestamptz, $4::uuid)`;
  }
  const { rows } = await db.query<MessageRow>(
    `SELECT ${SELECT} FROM ${FROM} WHERE m.workspace_id = $1 AND m.conversation_id = $2 ${keyset}
      ORDER BY m.sent_at, m.id ${sqlLimit(limit + 1)}`,
    params,
  );
  return { rows: rows.slice(0, limit).map(toMessage), hasMore: rows.length > limit };
}

export interface NewMessage {
  id: string;
  conversationId: string;
  network: string;
  channelId: string | null;
  kind: 'message' | 'note';
  authorUserId: string | null;
  inReplyToExternalId: string | null;
  text: string;
  deliveryStatus: DeliveryStatus | null;
  mentions: string[];
  at: Date;
}

/** Replies and notes: written by a member, so always outbound. */
export async function insertMessage(tx: Queryable, workspaceId: string, m: NewMessage): Promise<void> {
  await tx.query(
    `INSERT INTO messages (workspace_id, id, conversation_id, network, channel_id, kind, direction, author_user_id, in_reply_to_external_id,
       text, delivery_status, mentions, sent_at, received_at)
     VALUES ($1, $2, $3, $4, $5, $6, 'out', $7, $8, $9, $10, $11, $12, $12)`,
    [
      workspaceId,
      m.id,
      m.conversationId,
      m.network,
      m.channelId,
      m.kind,
      m.authorUserId,
      m.inReplyToExternalId,
      m.text,
      m.deliveryStatus,
      m.mentions,
      m.at,
    ],
  );
}

/** The conversation's channel as far as replying goes (see reply-availability.ts); null when it has none or it was removed. */
export async function findReplyChannel(db: Queryable, workspaceId: string, channelId: string | null): Promise<ReplyChannel | null> {
  if (!channelId) return null;
  const { rows } = await db.query<ReplyChannel>(
    'SELECT kind, config, reply_length AS "replyLength" FROM channels WHERE workspace_id = $1 AND id = $2',
    [workspaceId, channelId],
  );
  return rows[0] ?? null;
}

/** The customer's latest message: what a reply answers. */
export async function lastInboundMessage(
  db: Queryable,
  workspaceId: string,
  conversationId: string,
): Promise<{ id: string; externalId: string | null; inReplyToExternalId: string | null } | null> {
  const { rows } = await db.query<{ id: string; externalId: string | null; inReplyToExternalId: string | null }>(
    `SELECT id, external_id AS "externalId", in_reply_to_external_id AS "inReplyToExternalId" FROM messages
      WHERE workspace_id = $1 AND conversation_id = $2 AND direction = 'in' AND kind = 'message'
      ORDER BY sent_at DESC, id DESC LIMIT 1`,
    [workspaceId, conversationId],
  );
  return rows[0] ?? null;
}

/** After a reply: the conversation's last activity, counters and the response clocks. */
export async function recordReply(tx: Queryable, workspaceId: string, conversationId: string, preview: string, at: Date): Promise<void> {
  await tx.query(
    `UPDATE conversations SET last_outbound_at = $3, last_message_at = GREATEST(last_message_at, $3), message_count = message_count + 1,
            preview = $4, first_responded_at = COALESCE(first_responded_at, $3), next_response_due_at = NULL, updated_at = $3
      WHERE workspace_id = $1 AND id = $2`,
    [workspaceId, conversationId, at, preview],
  );
}

/** A conversation waiting on the customer is open again: the reply they were to answer never reached them. */
export async function reopenAfterFailedReply(tx: Queryable, workspaceId: string, conversationId: string, now: Date): Promise<boolean> {
  const { rowCount } = await tx.query(
    `UPDATE conversations SET status = 'open', updated_at = $3 WHERE workspace_id = $1 AND id = $2 AND status = 'pending' AND merged_into_id IS NULL`,
    [workspaceId, conversationId, now],
  );
  return rowCount > 0;
}

export async function touchConversation(tx: Queryable, workspaceId: string, conversationId: string, at: Date): Promise<void> {
  await tx.query('UPDATE conversations SET updated_at = $3 WHERE workspace_id = $1 AND id = $2', [workspaceId, conversationId, at]);
}

export interface MemberName {
  userId: string;
  name: string;
}

/** The workspace's members, each with whether their record scope lets them see the conversation. */
export async function workspaceMembers(
  db: Queryable,
  workspaceId: string,
  conversationId: string,
): Promise<(MemberName & { seesConversation: boolean })[]> {
  const { rows } = await db.query<MemberName & { seesConversation: boolean }>(
    `SELECT m.user_id AS "userId", u.name, ${memberSeesConversation('m', 'c')} AS "seesConversation"
       FROM memberships m JOIN users u ON u.id = m.user_id
       JOIN conversations c ON c.workspace_id = m.workspace_id AND c.id = $2
      WHERE m.workspace_id = $1 ORDER BY u.name`,
    [workspaceId, conversationId],
  );
  return rows;
}
