/**
 * Stored messages read back as listening facts, newest first: the pages retroactive matching walks
 * and the sample a query preview runs on. Only public inbound messages can be mentions.
 */
import type { Queryable } from '../../platform/db/db.js';
import { understandingOf, type MessageFacts } from './mention-facts.js';

interface FactsRow {
  id: string;
  conversationId: string;
  authorIdentityId: string | null;
  network: string;
  text: string;
  title: string | null;
  url: string | null;
  language: string | null;
  sentAt: Date;
  handle: string | null;
  displayName: string | null;
  followers: number | null;
  following: number | null;
  postsCount: number | null;
  metrics: { likes: number; shares: number; replies: number } | null;
  enrichment: Record<string, unknown> | null;
}

export async function messageFactsPage(
  db: Queryable,
  workspaceId: string,
  before: { sentAt: Date; id: string } | null,
  limit: number,
): Promise<MessageFacts[]> {
  const { rows } = await db.query<FactsRow>(
    `SELECT m.id, m.conversation_id AS "conversationId", m.author_identity_id AS "authorIdentityId", m.network, m.text, m.title, m.url,
            m.language, m.sent_at AS "sentAt", i.handle, i.display_name AS "displayName", i.followers, i.following,
            i.posts_count AS "postsCount", m.metrics, m.enrichment
       FROM messages m
       LEFT JOIN social_identities i ON i.workspace_id = m.workspace_id AND i.id = m.author_identity_id
      WHERE m.workspace_id = $1 AND m.kind = 'message' AND m.direction = 'in' AND NOT m.is_private
        AND ($2::timestamptz IS NULL OR (m.sent_at, m.id) < ($2, $3::uuid))
      ORDER BY m.sent_at DESC, m.id DESC
      LIMIT $4`,
    [workspaceId, before?.sentAt ?? null, before?.id ?? null, limit],
  );
  return rows.map((r) => ({
    id: r.id,
    conversationId: r.conversationId,
    authorIdentityId: r.authorIdentityId,
    network: r.network,
    text: r.text,
    title: r.title,
    url: r.url,
    language: r.language,
    sentAt: r.sentAt,
    author: { handle: r.handle, displayName: r.displayName, followers: r.followers, following: r.following, postsCount: r.postsCount },
    metrics: r.metrics,
    understanding: understandingOf(r.enrichment),
  }));
}
