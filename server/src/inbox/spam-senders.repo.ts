/** Senders marked as spam: whose next conversations the pipeline files as spam (migration inbox/007). */
import type { Queryable } from '../platform/db/db.js';

/** Marks the sender as spam, or takes the mark off; marking again keeps the first time. */
export async function markSpamSender(tx: Queryable, workspaceId: string, identityId: string, spam: boolean, at: Date): Promise<void> {
  if (spam) {
    await tx.query(
      'INSERT INTO spam_senders (workspace_id, identity_id, marked_at) VALUES ($1, $2, $3) ON CONFLICT (workspace_id, identity_id) DO NOTHING',
      [workspaceId, identityId, at],
    );
  } else {
    await tx.query('DELETE FROM spam_senders WHERE workspace_id = $1 AND identity_id = $2', [workspaceId, identityId]);
  }
}
