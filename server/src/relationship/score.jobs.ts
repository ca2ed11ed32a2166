/**
 * Scoring jobs: one contact shortly after its relationship changed, one workspace on demand, and
 * every workspace each night (recency and the 30/90-day windows move even when nothing happens).
 * All rewrite scores from the facts, so running one twice is harmless.
 *
 * The nightly run of a workspace is a job queued for its next 03:00 local time (see
 * nightly-schedule.ts). Queued jobs are rows in the database, so the plan survives restarts, and a
 * night missed while the server was down runs as soon as it is back. An hourly planner queues the
 * next night of every workspace that has none queued: new workspaces, and the night after each run.
 */
import { Type } from 'typebox';
import { defineJob, enqueueJob, type JobContext, type JobTarget } from '../platform/jobs/job.js';
import type { Queryable } from '../platform/db/db.js';
import { nextNightlyRun } from './nightly-schedule.js';
import { workspaceTimeZones } from './score.repo.js';
import { SCORE_CONTACT, SCORE_WORKSPACE, ScoreContactPayload, ScoreWorkspacePayload } from './score.queue.js';
import { recomputeContactScores, recomputeWorkspaceScores } from './score.service.js';

const HOUR_MS = 3_600_000;

/** An import or an ingest burst queues one job per contact touched; the runner hands them over together. */
async function scoreContacts({ db, workspaceId, now }: JobContext, payloads: readonly { contactId: string }[]) {
  const contactIds = payloads.map((payload) => payload.contactId);
  if (workspaceId) await recomputeContactScores(db, workspaceId, contactIds, now);
}

export const scoreContactJob = defineJob({
  name: SCORE_CONTACT.name,
  payload: ScoreContactPayload,
  maxAttempts: SCORE_CONTACT.maxAttempts,
  handler: (ctx, payload) => scoreContacts(ctx, [payload]),
  batch: { size: 500, handler: scoreContacts },
});

export const scoreWorkspaceJob = defineJob({
  name: SCORE_WORKSPACE.name,
  payload: ScoreWorkspacePayload,
  maxAttempts: SCORE_WORKSPACE.maxAttempts,
  handler: async ({ db, workspaceId, now }) => {
    if (workspaceId) await recomputeWorkspaceScores(db, workspaceId, now);
  },
});

const SCORE_NIGHTLY: JobTarget = { name: 'relationship.score-nightly', payload: ScoreWorkspacePayload, maxAttempts: 3 };

/** One workspace's night. Its key is released when it is done, so the planner can queue the next night. */
export const nightlyScoringJob = defineJob({
  ...SCORE_NIGHTLY,
  payload: ScoreWorkspacePayload,
  handler: async ({ db, workspaceId, now }) => {
    // Before nights were planned per workspace, one job without a workspace ran every 24 h; a queued one runs once, doing nothing.
    if (workspaceId) await recomputeWorkspaceScores(db, workspaceId, now);
  },
});

/** Queues each workspace's next night unless one is queued already. */
export async function planNightlyScoring(db: Queryable, now: Date): Promise<void> {
  for (const { workspaceId, timeZone } of await workspaceTimeZones(db)) {
    await enqueueJob(
      db,
      SCORE_NIGHTLY,
      {},
      { workspaceId, runAt: nextNightlyRun(now, timeZone), uniqueKey: `${SCORE_NIGHTLY.name}:${workspaceId}` },
    );
  }
}

export const nightlyPlanJob = defineJob({
  name: 'relationship.plan-nightly-scoring',
  payload: Type.Object({}, { additionalProperties: false }),
  everyMs: HOUR_MS,
  handler: async ({ db, now }) => {
    await planNightlyScoring(db, now);
  },
});

export const scoreJobs = [scoreContactJob, scoreWorkspaceJob, nightlyScoringJob, nightlyPlanJob];
