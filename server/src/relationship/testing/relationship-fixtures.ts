/**
 * Test fixtures for the relationship domain: contacts with conversations, understood messages and
 * mentions, written the way the pipeline and listening store them.
 */
import type { Queryable } from '../../platform/db/db.js';
import { newId } from '../../platform/db/ids.js';
import { insertConversation, insertIdentity, type ConversationFixture } from '../../inbox/testing/conversations.js';

export interface Understanding {
  intent?: string;
  sentiment?: 'positive' | 'negative' | 'neutral';
  score?: number;
}

/** Stores what the NLP enricher would have said about a message. */
export async function understand(db: Queryable, workspaceId: string, messageId: string, u: Understanding): Promise<void> {
  const nlp = {
    sentiment: { label: u.sentiment ?? 'neutral', score: u.score ?? 0 },
    language: { code: 'en', confidence: 1 },
    intent: { label: u.intent ?? 'other', confidence: 0.9 },
    hashtags: [],
    mentions: [],
    urls: [],
    keywords: [],
    entities: [],
  };
  await db.query(`UPDATE messages SET enrichment = jsonb_build_object('nlp', $3::jsonb) WHERE workspace_id = $1 AND id = $2`, [
    workspaceId,
    messageId,
    JSON.stringify(nlp),
  ]);
}

/** A conversation of the contact, its customer identity linked to the contact. */
export async function conversationOf(db: Queryable, workspaceId: string, contactId: string, fixture: ConversationFixture = {}) {
  return insertConversation(db, workspaceId, { ...fixture, contactId, identity: { ...fixture.identity, contactId } });
}

/**
 * A public post by the contact on a listening network, matched by a listening query: a message
 * in a conversation of its own (not the contact's) and one mention per query.
 */
export async function mentionBy(
  db: Queryable,
  workspaceId: string,
  contactId: string,
  options: {
    text: string;
    sentAt: Date;
    network?: string;
    queries?: number;
    sentiment?: 'positive' | 'negative' | 'neutral';
    followers?: number;
  },
): Promise<{ messageId: string; conversationId: string; identityId: string }> {
  const network = options.network ?? 'mastodon';
  const identityId = await insertIdentity(db, workspaceId, { network, contactId, displayName: 'Posting Person' });
  if (options.followers !== undefined)
    await db.query('UPDATE social_identities SET followers = $3 WHERE workspace_id = $1 AND id = $2', [
      workspaceId,
      identityId,
      options.followers,
    ]);
  const conversation = await insertConversation(db, workspaceId, {
    network,
    identity: null,
    messages: [{ text: options.text, sentAt: options.sentAt }],
  });
  const messageId = conversation.messageIds[0]!;
  await db.query('UPDATE messages SET author_identity_id = $3 WHERE workspace_id = $1 AND id = $2', [workspaceId, messageId, identityId]);
  for (let q = 0; q < (options.queries ?? 1); q++) {
    const queryId = newId();
    await db.query(
      `INSERT INTO listening_queries (workspace_id, id, name, query, kind, created_at, updated_at)
       VALUES ($1, $2, $3, 'brand', 'brand', now(), now())`,
      [workspaceId, queryId, `Query ${queryId}`],
    );
    await db.query(
      `INSERT INTO mentions (workspace_id, id, query_id, message_id, conversation_id, author_identity_id, network, sentiment,
         sentiment_score, sent_at, matched_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, now())`,
      [
        workspaceId,
        newId(),
        queryId,
        messageId,
        conversation.id,
        identityId,
        network,
        options.sentiment ?? 'neutral',
        options.sentiment === 'negative' ? -0.6 : options.sentiment === 'positive' ? 0.6 : 0,
        options.sentAt,
      ],
    );
  }
  return { messageId, conversationId: conversation.id, identityId };
}
