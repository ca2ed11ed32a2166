/**
 * Scoring jobs: one contact shortly after its relationship changed, one workspace on demand, and
 * every workspace each night (recency and the 30/90-day windows move even when nothing happens).
 * All rewrite scores from the facts, so running one twice is harmless.
 */
import { Type } from 'typebox';
import { defineJob } from '../platform/jobs/job.js';
import { workspaceIds } from './score.repo.js';
import { SCORE_CONTACT, SCORE_WORKSPACE, ScoreContactPayload, ScoreWorkspacePayload, queueWorkspaceScoring } from './score.queue.js';
import { recomputeContactScore, recomputeWorkspaceScores } from './score.service.js';

const DAY_MS = 86_400_000;

export const scoreContactJob = defineJob({
  name: SCORE_CONTACT.name,
  payload: ScoreContactPayload,
  maxAttempts: SCORE_CONTACT.maxAttempts,
  handler: async ({ db, workspaceId, now }, { contactId }) => {
    if (workspaceId) await recomputeContactScore(db, workspaceId, contactId, now);
  },
});

export const scoreWorkspaceJob = defineJob({
  name: SCORE_WORKSPACE.name,
  payload: ScoreWorkspacePayload,
  maxAttempts: SCORE_WORKSPACE.maxAttempts,
  handler: async ({ db, workspaceId, now }) => {
    if (workspaceId) await recomputeWorkspaceScores(db, workspaceId, now);
  },
});

/** Fans out one job per workspace, so a failing workspace is retried alone and several servers share the work. */
export const nightlyScoringJob = defineJob({
  name: 'relationship.score-nightly',
  payload: Type.Object({}, { additionalProperties: false }),
  everyMs: DAY_MS,
  handler: async ({ db, now }) => {
    for (const workspaceId of await workspaceIds(db)) await queueWorkspaceScoring(db, workspaceId, now);
  },
});

export const scoreJobs = [scoreContactJob, scoreWorkspaceJob, nightlyScoringJob];
