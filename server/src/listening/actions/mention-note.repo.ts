/**
 * SQL for the notes listening actions put on contacts' timelines: one per mention and action, claimed
 * before it is written so that two runs at once write one (the second waits on the first's claim).
 */
import type { Queryable } from '../../platform/db/db.js';

/** Claims the note of the action on the mention; false when it is written or being written already. */
export async function claimMentionNote(db: Queryable, workspaceId: string, mentionId: string, action: string): Promise<boolean> {
  const { rows } = await db.query(
    `INSERT INTO mention_action_notes (workspace_id, mention_id, action) VALUES ($1, $2, $3)
     ON CONFLICT (workspace_id, mention_id, action) DO NOTHING RETURNING action`,
    [workspaceId, mentionId, action],
  );
  return rows.length === 1;
}

/** Ties the claim to its note, which takes the claim with it when deleted. */
export async function mentionNoteWritten(db: Queryable, workspaceId: string, mentionId: string, action: string, activityId: string) {
  await db.query(`UPDATE mention_action_notes SET activity_id = $4 WHERE workspace_id = $1 AND mention_id = $2 AND action = $3`, [
    workspaceId,
    mentionId,
    action,
    activityId,
  ]);
}

/** Gives up a claim whose note could not be written, so that acting again writes it. */
export async function releaseMentionNote(db: Queryable, workspaceId: string, mentionId: string, action: string) {
  await db.query(`DELETE FROM mention_action_notes WHERE workspace_id = $1 AND mention_id = $2 AND action = $3 AND activity_id IS NULL`, [
    workspaceId,
    mentionId,
    action,
  ]);
}
