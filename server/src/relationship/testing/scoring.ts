/** Test helpers for scoring: settings whose tiers follow recency alone, and the rescores queued for a contact. */
import type { Queryable } from '../../platform/db/db.js';

/** Only recency counts; a contact heard from lately is gold, everyone else bronze. */
export const RECENCY_TIERS = {
  weights: { recency: 100, frequency: 0, monetary: 0, engagement: 0, influence: 0 },
  monetaryField: null,
  tiers: [
    { name: 'gold', minScore: 50 },
    { name: 'bronze', minScore: 0 },
  ],
  quietDays: 60,
};

/** How many rescores of the contact wait in the queue. */
export async function queuedRescores(db: Queryable, workspaceId: string, contactId: string): Promise<number> {
  const { rows } = await db.query<{ count: number }>(
    `SELECT count(*)::int AS count FROM jobs
      WHERE workspace_id = $1 AND name = 'relationship.score-contact' AND payload->>'contactId' = $2 AND status = 'queued'`,
    [workspaceId, contactId],
  );
  return rows[0]!.count;
}
