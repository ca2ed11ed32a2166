/**
 * What the channels domain needs to deliver a reply: the reply with everything its channel asks
 * for (the customer, the message it answers and that message's e-mail threading), and a way to
 * report how delivery went.
 */
import type { Db, Queryable } from '../platform/db/db.js';
import { recordEvents } from '../platform/events/event.js';
import type { DeliveryStatus } from './message.schema.js';
import { replyFailedChanged } from './reply-failure.js';

/** RFC 5322 allows long References; mail clients thread fine on the root plus the latest few. */
const MAX_REFERENCES = 20;

export interface OutboundMessage {
  message: {
    id: string;
    conversationId: string;
    text: string;
    authorUserId: string | null;
    authorName: string | null;
    deliveryStatus: DeliveryStatus | null;
    externalId: string | null;
    sentAt: Date;
  };
  conversation: { id: string; network: string; channelId: string | null; threadKey: string; subject: string; isPrivate: boolean };
  /** The customer: who the reply goes to. */
  identity: {
    id: string;
    network: string;
    externalId: string;
    handle: string;
    displayName: string;
    email: string | null;
    profileUrl: string | null;
  } | null;
  /** The customer's latest message, which the reply answers; null when the customer never wrote. */
  inReplyTo: {
    id: string;
    externalId: string | null;
    url: string | null;
    /** E-mail threading for the reply: In-Reply-To is `messageId`, References is `references`. */
    email: { messageId: string; references: string[] } | null;
  } | null;
}

interface Row {
  id: string;
  conversationId: string;
  text: string;
  authorUserId: string | null;
  authorName: string | null;
  deliveryStatus: DeliveryStatus | null;
  externalId: string | null;
  sentAt: Date;
  network: string;
  channelId: string | null;
  threadKey: string;
  subject: string;
  isPrivate: boolean;
  identityId: string | null;
  identityNetwork: string;
  identityExternalId: string;
  handle: string;
  displayName: string;
  email: string | null;
  profileUrl: string | null;
}

/** A reply (outbound, not a note) ready to send, or null when there is no such message. */
export async function getOutboundMessage(db: Queryable, workspaceId: string, messageId: string): Promise<OutboundMessage | null> {
  const { rows } = await db.query<Row>(
    `SELECT m.id, m.conversation_id AS "conversationId", m.text, m.author_user_id AS "authorUserId", u.name AS "authorName",
            m.delivery_status AS "deliveryStatus", m.external_id AS "externalId", m.sent_at AS "sentAt",
            c.network, c.channel_id AS "channelId", c.thread_key AS "threadKey", c.subject, c.is_private AS "isPrivate",
            i.id AS "identityId", i.network AS "identityNetwork", i.external_id AS "identityExternalId", i.handle,
            i.display_name AS "displayName", i.email, i.profile_url AS "profileUrl"
       FROM messages m
       JOIN conversations c ON c.workspace_id = m.workspace_id AND c.id = m.conversation_id
       LEFT JOIN social_identities i ON i.workspace_id = c.workspace_id AND i.id = c.identity_id
       LEFT JOIN users u ON u.id = m.author_user_id
      WHERE m.workspace_id = $1 AND m.id = $2 AND m.kind = 'message' AND m.direction = 'out'`,
    [workspaceId, messageId],
  );
  const row = rows[0];
  if (!row) return null;
  const { rows: answered } = await db.query<{ id: string; externalId: string | null; url: string | null }>(
    `SELECT id, external_id AS "externalId", url FROM messages
      WHERE workspace_id = $1 AND conversation_id = $2 AND direction = 'in' AND kind = 'message' AND (sent_at, id) < ($3, $4)
      ORDER BY sent_at DESC, id DESC LIMIT 1`,
    [workspaceId, row.conversationId, row.sentAt, row.id],
  );
  const last = answered[0] ?? null;
  let email: { messageId: string; references: string[] } | null = null;
  if (row.network === 'email' && last?.externalId) {
    const { rows: thread } = await db.query<{ externalId: string }>(
      `SELECT external_id AS "externalId" FROM messages
        WHERE workspace_id = $1 AND conversation_id = $2 AND kind = 'message' AND external_id IS NOT NULL AND (sent_at, id) <= ($3, $4)
        ORDER BY sent_at, id`,
      [workspaceId, row.conversationId, row.sentAt, row.id],
    );
    const chain = [...new Set([row.threadKey, ...thread.map((t) => t.externalId)])];
    const references = chain.length > MAX_REFERENCES ? [chain[0]!, ...chain.slice(-(MAX_REFERENCES - 1))] : chain;
    email = { messageId: last.externalId, references };
  }
  return {
    message: {
      id: row.id,
      conversationId: row.conversationId,
      text: row.text,
      authorUserId: row.authorUserId,
      authorName: row.authorName,
      deliveryStatus: row.deliveryStatus,
      externalId: row.externalId,
      sentAt: row.sentAt,
    },
    conversation: {
      id: row.conversationId,
      network: row.network,
      channelId: row.channelId,
      threadKey: row.threadKey,
      subject: row.subject,
      isPrivate: row.isPrivate,
    },
    identity: row.identityId
      ? {
          id: row.identityId,
          network: row.identityNetwork,
          externalId: row.identityExternalId,
          handle: row.handle,
          displayName: row.displayName,
          email: row.email,
          profileUrl: row.profileUrl,
        }
      : null,
    inReplyTo: last ? { id: last.id, externalId: last.externalId, url: last.url, email } : null,
  };
}

export interface DeliveryUpdate {
  status: Exclude<DeliveryStatus, 'queued'>;
  /** The id the channel gave the sent message, so the pipeline recognises it when it comes back. */
  externalId?: string;
  error?: string;
}

/**
 * Records how delivery went. A late "sent" after "delivered" is ignored (reports can arrive out of
 * order); the external id is kept unless another stored message already carries it. A reply
 * that fails for good stops counting as a response (`reply-failure.ts`).
 * Returns false when nothing changed (an unknown message, or a repeated report).
 */
export async function markDelivery(db: Db, workspaceId: string, messageId: string, update: DeliveryUpdate): Promise<boolean> {
  return db.transaction(async (tx) => {
    // The conversation is locked before the message, in the order a merge locks them, as a failed
    // reply changes the conversation's clocks.
    const { rows: owner } = await tx.query<{ conversationId: string }>(
      `SELECT conversation_id AS "conversationId" FROM messages WHERE workspace_id = $1 AND id = $2 AND kind = 'message' AND direction = 'out'`,
      [workspaceId, messageId],
    );
    if (!owner[0]) return false;
    await tx.query('SELECT 1 FROM conversations WHERE workspace_id = $1 AND id = $2 FOR NO KEY UPDATE', [
      workspaceId,
      owner[0].conversationId,
    ]);
    const { rows } = await tx.query<{
      conversationId: string;
      subject: string;
      sentAt: Date;
      authorUserId: string | null;
      status: DeliveryStatus | null;
      externalId: string | null;
      error: string | null;
    }>(
      `SELECT m.conversation_id AS "conversationId", c.subject, m.sent_at AS "sentAt", m.author_user_id AS "authorUserId",
              m.delivery_status AS status, m.external_id AS "externalId", m.delivery_error AS error
         FROM messages m JOIN conversations c ON c.workspace_id = m.workspace_id AND c.id = m.conversation_id
        WHERE m.workspace_id = $1 AND m.id = $2 AND m.kind = 'message' AND m.direction = 'out' FOR UPDATE OF m`,
      [workspaceId, messageId],
    );
    const before = rows[0];
    if (!before) return false;
    if (before.status === 'delivered' && update.status === 'sent') return false;
    const error = update.status === 'failed' ? (update.error ?? 'Delivery failed').slice(0, 2000) : null;
    const { rows: after } = await tx.query<{ externalId: string | null }>(
      `UPDATE messages m SET delivery_status = $3, delivery_error = $4,
              external_id = CASE WHEN $5::text IS NULL OR EXISTS (
                SELECT 1 FROM messages o WHERE o.workspace_id = m.workspace_id AND o.network = m.network AND o.external_id = $5 AND o.id <> m.id)
                THEN m.external_id ELSE $5 END
        WHERE m.workspace_id = $1 AND m.id = $2
        RETURNING external_id AS "externalId"`,
      [workspaceId, messageId, update.status, error, update.externalId ?? null],
    );
    const externalId = after[0]!.externalId;
    if (before.status === update.status && before.externalId === externalId && before.error === error) return false;
    await recordEvents(tx, [
      {
        workspaceId,
        type: 'message.delivery_updated',
        subjectType: 'message',
        subjectId: messageId,
        actorId: null,
        data: {
          conversationId: before.conversationId,
          before: { deliveryStatus: before.status, externalId: before.externalId, deliveryError: before.error },
          after: { deliveryStatus: update.status, externalId, deliveryError: error },
        },
      },
    ]);
    if ((before.status === 'failed') !== (update.status === 'failed')) {
      await replyFailedChanged(tx, workspaceId, { id: messageId, ...before }, error === null ? null : { error }, new Date());
    }
    return true;
  });
}
