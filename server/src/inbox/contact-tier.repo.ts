/**
 * The value tier of a conversation's customer, for routing rules and SLA targets. Tiers belong to
 * the relationship domain, which depends on the inbox; the inbox reads its `contact_scores` table
 * directly (one indexed row, never written here) so that dependency stays one way.
 */
import type { Queryable } from '../platform/db/db.js';

export async function customerTier(db: Queryable, workspaceId: string, conversationId: string): Promise<string | null> {
  const { rows } = await db.query<{ tier: string }>(
    `SELECT s.tier FROM conversations c
       JOIN contact_scores s ON s.workspace_id = c.workspace_id AND s.contact_id = c.contact_id
      WHERE c.workspace_id = $1 AND c.id = $2`,
    [workspaceId, conversationId],
  );
  return rows[0]?.tier ?? null;
}
