/**
 * The full pass as a job, queued when an import leaves a workspace with many more contacts than
 * its model was fitted on. Until a workspace's first fit, contact sync and matching on arrival
 * score with the prior, whose name weights describe two people drawn at random and whose name
 * frequencies come from the few candidates at hand: namesakes score high, a common name like a
 * rare one (2,000 different people imported got 40 false pairs queued, 5 at link level). A fit on
 * the workspace's own contacts learns what its names say. A small workspace keeps the prior: a
 * fit on a few dozen contacts says little, and there a name seen twice is worth a look.
 */
import { Type } from 'typebox';
import { systemActor } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/db.js';
import { defineJob, enqueueJob } from '../../platform/jobs/job.js';
import { resolveWorkspace } from './full-pass.js';
import { contactsSinceFit } from './full-pass.repo.js';

/** Contacts from which a workspace's own fit replaces the prior. */
export const FIT_FROM_CONTACTS = 500;

export const fullPassJob = defineJob({
  name: 'identity.resolve',
  payload: Type.Object({}, { additionalProperties: false }),
  maxAttempts: 5,
  async handler({ db, workspaceId }) {
    if (!workspaceId) throw new Error('identity.resolve needs a workspace');
    await resolveWorkspace({ workspaceId, actor: systemActor(), db, requestId: 'identity.resolve' }, db);
  },
});

/**
 * After the import `importId`, queues the full pass when the workspace has at least
 * `FIT_FROM_CONTACTS` contacts and no fitted model, or twice the contacts of its last fit; true when
 * it did. The pass then stores the imported contacts' keys and matches them, as their sync would.
 * Keyed by the import, so an import during a running pass (which may have read the contacts
 * already) queues one more.
 */
export async function queueFullPassAfterImport(db: Queryable, workspaceId: string, importId: string): Promise<boolean> {
  const { contacts, fittedOn } = await contactsSinceFit(db, workspaceId);
  if (contacts < FIT_FROM_CONTACTS || (fittedOn !== null && contacts < 2 * fittedOn)) return false;
  await enqueueJob(db, fullPassJob, {}, { workspaceId, uniqueKey: `${fullPassJob.name}:${workspaceId}:${importId}` });
  return true;
}
