/**
 * Queues score recomputation. A contact is rescored a little after its messages or activities
 * change: the job's unique key makes a burst of changes (a long thread arriving, an import) one
 * run, which then sees all of them.
 */
import { Type } from 'typebox';
import type { Queryable } from '../platform/db/db.js';
import { enqueueJob, enqueueJobs, type JobTarget } from '../platform/jobs/job.js';
import { scoredWorkspaces } from './score.repo.js';

/** How long a contact's changes gather before it is rescored. */
export const RESCORE_DELAY_MS = 30_000;

export const ScoreContactPayload = Type.Object({ contactId: Type.String() }, { additionalProperties: false });
export const ScoreWorkspacePayload = Type.Object({}, { additionalProperties: false });

export const SCORE_CONTACT: JobTarget = { name: 'relationship.score-contact', payload: ScoreContactPayload, maxAttempts: 3 };
export const SCORE_WORKSPACE: JobTarget = { name: 'relationship.score-workspace', payload: ScoreWorkspacePayload, maxAttempts: 3 };

export async function queueContactScoring(db: Queryable, workspaceId: string, contactIds: readonly string[], now = new Date()) {
  const runAt = new Date(now.getTime() + RESCORE_DELAY_MS);
  await enqueueJobs(
    db,
    SCORE_CONTACT,
    [...new Set(contactIds)].map((contactId) => ({
      payload: { contactId },
      options: { workspaceId, runAt, uniqueKey: `${SCORE_CONTACT.name}:${workspaceId}:${contactId}` },
    })),
  );
}

export async function queueWorkspaceScoring(db: Queryable, workspaceId: string, now = new Date()) {
  await enqueueJob(db, SCORE_WORKSPACE, {}, { workspaceId, runAt: now, uniqueKey: `${SCORE_WORKSPACE.name}:${workspaceId}` });
}

/** Rescores every workspace that has scores, now: for a change of the scoring rules. */
export async function queueRescoreOfScoredWorkspaces(db: Queryable): Promise<void> {
  for (const workspaceId of await scoredWorkspaces(db)) await queueWorkspaceScoring(db, workspaceId);
}
