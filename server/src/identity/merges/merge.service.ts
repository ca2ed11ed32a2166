/** Use cases of merging two contacts into one: the preview a reviewer decides on, the merge, and a contact's merge history. */
import {
  contactRowSnapshot,
  customFieldsFor,
  deleteContactRow,
  getContact,
  lockContact,
  updateContactInTransaction,
  type Contact,
} from '../../crm/index.js';
import type { Ctx } from '../../platform/context.js';
import type { Db, Queryable } from '../../platform/db/db.js';
import { newId } from '../../platform/db/ids.js';
import { recordEvents } from '../../platform/events/event.js';
import { invalid, notFound } from '../../platform/http/errors.js';
import { markCandidateMerged } from '../review/index.js';
import * as repo from './merge.repo.js';
import type { ContactMerge, MergePreview, MergeRequest } from './merge.schema.js';
import { changedFields, toPatch } from './survivor-changes.js';
import { checkPicks, planMerge } from './survivorship.js';

function refuseSameContact(survivorId: string, mergedId: string) {
  if (survivorId === mergedId) throw invalid([{ field: 'mergedId', reason: 'must be another contact than survivorId' }]);
}

async function customLabels(db: Queryable, workspaceId: string): Promise<Map<string, string>> {
  return new Map((await customFieldsFor(db, workspaceId, 'contact')).map((field) => [field.key, field.label]));
}

/** The record as the API shows it: counts of the moved rows, none of the kept contact data. */
export function toContactMerge(merge: repo.MergeRecord): ContactMerge {
  return {
    id: merge.id,
    survivorId: merge.survivorId,
    mergedId: merge.mergedId,
    mergedName: merge.mergedName,
    picks: merge.picks,
    moved: {
      activities: merge.moved.activities.length,
      conversations: merge.moved.conversations.length,
      identities: merge.moved.identities.length,
    },
    mergedBy: merge.mergedBy,
    mergedAt: merge.mergedAt,
    unmergedBy: merge.unmergedBy,
    unmergedAt: merge.unmergedAt,
  };
}

export async function previewMerge(ctx: Ctx, survivorId: string, mergedId: string): Promise<MergePreview> {
  refuseSameContact(survivorId, mergedId);
  const survivor = await getContact(ctx, survivorId);
  const merged = await getContact(ctx, mergedId);
  const { fields, result } = planMerge(survivor, merged, {}, await customLabels(ctx.db, ctx.workspaceId));
  return { survivor, merged, fields, result };
}

/** Both contacts locked in id order, so two merges sharing a contact wait for each other instead of deadlocking. */
async function lockPair(ctx: Ctx, tx: Queryable, survivorId: string, mergedId: string): Promise<[Contact, Contact]> {
  const locked = new Map<string, Contact>();
  for (const id of [survivorId, mergedId].sort()) {
    const contact = await lockContact(ctx, tx, id);
    if (!contact) throw notFound('Contact');
    locked.set(id, contact);
  }
  return [locked.get(survivorId)!, locked.get(mergedId)!];
}

async function closeDuplicate(tx: Queryable, ctx: Ctx, duplicateId: string, survivorId: string, mergedId: string): Promise<void> {
  if (!(await markCandidateMerged(tx, ctx.workspaceId, duplicateId, [survivorId, mergedId], ctx.actor.userId))) {
    throw invalid([{ field: 'duplicateId', reason: 'is not an open duplicate pair of these two contacts' }]);
  }
}

/**
 * Merges `mergedId` into `survivorId` in one transaction. The survivor changes through the crm's
 * own update (so its display name, search text and audit entry stay right); the merged contact's
 * history moves over before it is deleted, so nothing cascades away; the merge record keeps
 * everything an unmerge needs.
 */
export async function mergeContacts(ctx: Ctx, db: Db, request: MergeRequest): Promise<ContactMerge> {
  const { survivorId, mergedId, picks = {}, duplicateId } = request;
  refuseSameContact(survivorId, mergedId);
  return db.transaction(async (tx) => {
    const txCtx: Ctx = { ...ctx, db: tx };
    const [survivor, merged] = await lockPair(txCtx, tx, survivorId, mergedId);
    const labels = await customLabels(tx, ctx.workspaceId);
    const problems = checkPicks(picks, survivor, merged, new Set(labels.keys()));
    if (problems.length) throw invalid(problems);
    if (duplicateId) await closeDuplicate(tx, ctx, duplicateId, survivorId, mergedId);

    const mergedRow = (await contactRowSnapshot(tx, ctx.workspaceId, mergedId))!;
    const plan = planMerge(survivor, merged, picks, labels);
    const patch = changedFields(survivor, plan.result).after;
    const after = Object.keys(patch).length ? await updateContactInTransaction(txCtx, tx, survivorId, toPatch(patch)) : survivor;
    const changed = changedFields(survivor, after);

    const moved = await repo.moveContactHistory(tx, ctx.workspaceId, mergedId, survivorId);
    await deleteContactRow(tx, ctx.workspaceId, mergedId);
    const merge: repo.MergeRecord = {
      id: newId(),
      survivorId,
      mergedId,
      mergedName: merged.displayName,
      mergedContact: mergedRow,
      survivorBefore: changed.before,
      survivorAfter: changed.after,
      picks,
      moved,
      duplicateId: duplicateId ?? null,
      mergedBy: ctx.actor.userId,
      mergedAt: new Date(),
      unmergedBy: null,
      unmergedAt: null,
    };
    await repo.insertMerge(tx, ctx.workspaceId, merge);
    await recordEvents(tx, [
      {
        workspaceId: ctx.workspaceId,
        type: 'contact.merged',
        subjectType: 'contact',
        subjectId: survivorId,
        actorId: ctx.actor.userId,
        data: { mergeId: merge.id, survivorId, mergedId, mergedName: merge.mergedName, before: changed.before, after: changed.after },
      },
    ]);
    return toContactMerge(merge);
  });
}

/** The merges into a contact the actor may see, newest first. */
export async function listMerges(ctx: Ctx, contactId: string): Promise<{ data: ContactMerge[] }> {
  await getContact(ctx, contactId);
  const merges = await repo.mergesInto(ctx.db, ctx.workspaceId, contactId);
  return { data: merges.map(toContactMerge) };
}
