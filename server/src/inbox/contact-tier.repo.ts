/**
 * The value tier of a conversation's customer, for routing rules and SLA targets. Tiers belong to
 * the relationship domain, which depends on the inbox; the inbox reads its `contact_scores` table
 * directly (one indexed row, never written here) so that dependency stays one way.
 */
import type { Queryable } from '../platform/db/db.js';

/** The tiers of the conversations' customers, by conversation (none for those without a scored contact). */
export async function customerTiers(db: Queryable, workspaceId: string, conversationIds: readonly string[]): Promise<Map<string, string>> {
  const { rows } = await db.query<{ id: string; tier: string }>(
    `SELECT c.id, s.tier FROM conversations c
       JOIN contact_scores s ON s.workspace_id = c.workspace_id AND s.contact_id = c.contact_id
      WHERE c.workspace_id = $1 AND c.id = ANY($2::uuid[])`,
    [workspaceId, conversationIds],
  );
  return new Map(rows.map((row) => [row.id, row.tier]));
}

export async function customerTier(db: Queryable, workspaceId: string, conversationId: string): Promise<string | null> {
  return (await customerTiers(db, workspaceId, [conversationId])).get(conversationId) ?? null;
}
