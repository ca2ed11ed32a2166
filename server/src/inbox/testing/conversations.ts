/**
 * Test fixtures for the inbox: identities, conversations and messages written with plain SQL, the
 * way the ingest pipeline stores them, so inbox tests do not depend on the pipeline.
 */
import type { Queryable } from '../../platform/db/db.js';
import { newId } from '../../platform/db/ids.js';
import { recordEvents } from '../../platform/events/event.js';
import { DELIVER_REPLY_JOB } from '../deliver-reply.job.js';

export interface IdentityFixture {
  network?: string;
  externalId?: string;
  handle?: string;
  displayName?: string;
  email?: string | null;
  contactId?: string | null;
}

export interface MessageFixture {
  direction?: 'in' | 'out';
  kind?: 'message' | 'note';
  text?: string;
  html?: string | null;
  externalId?: string | null;
  inReplyToExternalId?: string | null;
  authorUserId?: string | null;
  sentAt?: Date;
}

export interface ConversationFixture {
  network?: string;
  channelId?: string | null;
  threadKey?: string;
  subject?: string;
  status?: 'open' | 'pending' | 'snoozed' | 'resolved';
  snoozedUntil?: Date | null;
  priority?: 'low' | 'normal' | 'high' | 'urgent';
  assigneeId?: string | null;
  teamId?: string | null;
  labels?: string[];
  isSpam?: boolean;
  contactId?: string | null;
  /** The customer; a new identity on the conversation's network unless null. */
  identity?: IdentityFixture | null;
  /** One inbound message by the customer unless given. */
  messages?: MessageFixture[];
  createdAt?: Date;
}

export interface InsertedConversation {
  id: string;
  identityId: string | null;
  messageIds: string[];
}

/** A channel to reply through (conversations without one refuse replies). */
export async function insertChannel(db: Queryable, workspaceId: string, kind = 'email', config: object = {}): Promise<string> {
  const id = newId();
  await db.query(
    `INSERT INTO channels (workspace_id, id, kind, name, config, status, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5::jsonb, 'paused', now(), now())`,
    [workspaceId, id, kind, `Test ${kind}`, JSON.stringify(config)],
  );
  return id;
}

export async function insertIdentity(db: Queryable, workspaceId: string, fixture: IdentityFixture = {}): Promise<string> {
  const id = newId();
  const externalId = fixture.externalId ?? `ext-${id}`;
  await db.query(
    `INSERT INTO social_identities (workspace_id, id, network, external_id, handle, display_name, email, contact_id, first_seen_at, last_seen_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now(), now())`,
    [
      workspaceId,
      id,
      fixture.network ?? 'email',
      externalId,
      fixture.handle ?? externalId,
      fixture.displayName ?? 'Casey Customer',
      fixture.email === undefined ? 'casey@customer.example' : fixture.email,
      fixture.contactId ?? null,
    ],
  );
  return id;
}

export async function insertConversation(
  db: Queryable,
  workspaceId: string,
  fixture: ConversationFixture = {},
): Promise<InsertedConversation> {
  const id = newId();
  const network = fixture.network ?? 'email';
  const identityId = fixture.identity === null ? null : await insertIdentity(db, workspaceId, { network, ...fixture.identity });
  const messages = fixture.messages ?? [{ direction: 'in', text: 'Hello, my order has not arrived.' }];
  const createdAt = fixture.createdAt ?? messages[0]?.sentAt ?? new Date();
  const sentTimes = messages.map((m, i) => m.sentAt ?? new Date(createdAt.getTime() + i * 1000));
  const inbound = messages.map((m, i) => ((m.direction ?? 'in') === 'in' && (m.kind ?? 'message') === 'message' ? sentTimes[i]! : null));
  const lastInbound = inbound.filter((d): d is Date => d !== null).at(-1) ?? null;
  const lastMessageAt = sentTimes.at(-1) ?? createdAt;
  await db.query(
    `INSERT INTO conversations (workspace_id, id, network, channel_id, thread_key, subject, identity_id, contact_id, status, snoozed_until,
       priority, assignee_id, team_id, labels, is_spam, preview, message_count, last_message_at, last_inbound_at, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $20)`,
    [
      workspaceId,
      id,
      network,
      fixture.channelId ?? null,
      fixture.threadKey ?? `thread-${id}`,
      fixture.subject ?? 'Where is my order?',
      identityId,
      fixture.contactId ?? null,
      fixture.status ?? 'open',
      fixture.snoozedUntil ?? null,
      fixture.priority ?? 'normal',
      fixture.assigneeId ?? null,
      fixture.teamId ?? null,
      fixture.labels ?? [],
      fixture.isSpam ?? false,
      (messages.at(-1)?.text ?? '').slice(0, 200),
      messages.length,
      lastMessageAt,
      lastInbound,
      createdAt,
    ],
  );
  const messageIds: string[] = [];
  for (const [i, message] of messages.entries()) {
    const messageId = newId();
    messageIds.push(messageId);
    const direction = message.direction ?? 'in';
    await db.query(
      `INSERT INTO messages (workspace_id, id, conversation_id, network, channel_id, external_id, kind, direction, author_identity_id,
         author_user_id, in_reply_to_external_id, text, html, sent_at, received_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14)`,
      [
        workspaceId,
        messageId,
        id,
        network,
        fixture.channelId ?? null,
        message.externalId === undefined ? `<${messageId}@customer.example>` : message.externalId,
        message.kind ?? 'message',
        direction,
        direction === 'in' ? identityId : null,
        message.authorUserId ?? null,
        message.inReplyToExternalId ?? null,
        message.text ?? 'Hello',
        message.html ?? null,
        sentTimes[i],
      ],
    );
  }
  return { id, identityId, messageIds };
}

/** A message added to a conversation the way the pipeline stores it (its counters left as they are). */
export async function insertMessage(
  db: Queryable,
  workspaceId: string,
  conversationId: string,
  message: MessageFixture & { sentAt: Date },
): Promise<string> {
  const id = newId();
  const direction = message.direction ?? 'in';
  await db.query(
    `INSERT INTO messages (workspace_id, id, conversation_id, network, channel_id, external_id, kind, direction, author_identity_id,
       author_user_id, text, sent_at, received_at)
     SELECT c.workspace_id, $3, c.id, c.network, c.channel_id, $4, $5, $6, CASE WHEN $6 = 'in' THEN c.identity_id END, $7, $8, $9, $9
       FROM conversations c WHERE c.workspace_id = $1 AND c.id = $2`,
    [
      workspaceId,
      conversationId,
      id,
      message.externalId === undefined ? `<${id}@customer.example>` : message.externalId,
      message.kind ?? 'message',
      direction,
      message.authorUserId ?? null,
      message.text ?? 'Hello again',
      message.sentAt,
    ],
  );
  return id;
}

/** The event the pipeline records with a new conversation, which routing and SLA clocks react to. */
export async function recordConversationCreated(db: Queryable, workspaceId: string, conversation: InsertedConversation): Promise<void> {
  const { rows } = await db.query<{ network: string; channelId: string | null; subject: string; teamId: string | null; preview: string }>(
    `SELECT network, channel_id AS "channelId", subject, team_id AS "teamId", preview FROM conversations WHERE workspace_id = $1 AND id = $2`,
    [workspaceId, conversation.id],
  );
  await recordEvents(db, [
    {
      workspaceId,
      type: 'conversation.created',
      subjectType: 'conversation',
      subjectId: conversation.id,
      actorId: null,
      data: { ...rows[0]!, identityId: conversation.identityId },
    },
  ]);
}

/** The event the pipeline records when messages join an existing conversation. */
export async function recordMessagesAdded(
  db: Queryable,
  workspaceId: string,
  conversationId: string,
  data: { messageIds: string[]; lastMessageAt: Date; inbound: boolean },
): Promise<void> {
  await recordEvents(db, [
    {
      workspaceId,
      type: 'conversation.messages_added',
      subjectType: 'conversation',
      subjectId: conversationId,
      actorId: null,
      data: {
        messageIds: data.messageIds,
        count: data.messageIds.length,
        lastMessageAt: data.lastMessageAt.toISOString(),
        inbound: data.inbound,
      },
    },
  ]);
}

/**
 * Replies queue delivery jobs for the channels domain. Files share a database per test worker, so a
 * file that replies drops the queued ones when it ends: no other file's job runner inherits them.
 */
export async function dropQueuedDeliveries(db: Queryable): Promise<void> {
  await db.query(`DELETE FROM jobs WHERE name = $1 AND status = 'queued'`, [DELIVER_REPLY_JOB]);
}
