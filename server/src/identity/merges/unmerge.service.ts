/**
 * Undoing a merge exactly: the merged contact comes back with its id and values, the rows the
 * merge moved go back to it, and the survivor's fields the merge changed get their old values,
 * unless someone has edited them since (those are kept, and named).
 */
import { lockContact, restoreContactRow, updateContactInTransaction, type Contact } from '../../crm/index.js';
import type { Actor, Ctx } from '../../platform/context.js';
import type { Db, Queryable } from '../../platform/db/db.js';
import { recordEvents } from '../../platform/events/event.js';
import { conflict, forbidden, notFound } from '../../platform/http/errors.js';
import { reopenCandidateAfterUnmerge } from '../review/index.js';
import * as repo from './merge.repo.js';
import type { UnmergeResult } from './merge.schema.js';
import { toContactMerge } from './merge.service.js';
import { fieldValue, toPatch, type FieldValues } from './survivor-changes.js';
import { sameValue } from './survivorship.js';

const seesEveryContact = (actor: Actor) => actor.recordScope === 'all' || actor.kind === 'system';

/** The crm's record access, applied to the kept row of a contact that does not exist right now. */
function maySeeKept(actor: Actor, row: Record<string, unknown>): boolean {
  if (seesEveryContact(actor) || row.owner_id === actor.userId) return true;
  return actor.recordScope === 'team' && typeof row.team_id === 'string' && actor.teamIds.includes(row.team_id);
}

/**
 * A merge is seen through its survivor, as its contact's merge history lists it: the survivor as it
 * is now, or, while a later merge holds it, as that merge kept it. Asked before anything about the
 * merge's state, so a merge the member may not see is not found whether or not it was undone.
 */
async function seesSurvivor(ctx: Ctx, tx: Queryable, merge: repo.MergeRecord, survivor: Contact | null): Promise<boolean> {
  if (survivor || seesEveryContact(ctx.actor)) return true;
  const absorbing = await repo.mergeStillAbsorbing(tx, ctx.workspaceId, merge.survivorId);
  return absorbing !== null && maySeeKept(ctx.actor, absorbing.mergedContact);
}

/**
 * Only the latest merge still in place on a survivor can be undone, and not while the survivor
 * is itself merged into another contact: otherwise the fields and rows to restore may have been
 * changed by the later merge.
 */
async function checkOrder(tx: Queryable, workspaceId: string, merge: repo.MergeRecord): Promise<void> {
  const absorbing = await repo.mergeStillAbsorbing(tx, workspaceId, merge.survivorId);
  if (absorbing) {
    throw conflict('unmerge_order', `Undo merge ${absorbing.id} first: it merged this merge's surviving contact into another contact`);
  }
  const latest = await repo.latestMergeInto(tx, workspaceId, merge.survivorId);
  if (latest && latest.id !== merge.id) {
    throw conflict('unmerge_order', `Undo merge ${latest.id} (${latest.mergedName}) first: it was merged into the same contact later`);
  }
}

export async function unmergeContacts(ctx: Ctx, db: Db, mergeId: string): Promise<UnmergeResult> {
  return db.transaction(async (tx) => {
    const txCtx: Ctx = { ...ctx, db: tx };
    const merge = await repo.findMerge(tx, ctx.workspaceId, mergeId, true);
    const survivor = merge && (await lockContact(txCtx, tx, merge.survivorId));
    if (!merge || !(await seesSurvivor(txCtx, tx, merge, survivor))) throw notFound('Merge');
    if (merge.unmergedAt) throw conflict('already_unmerged', 'This merge has already been undone');
    await checkOrder(tx, ctx.workspaceId, merge);
    if (!survivor) throw notFound('Contact');
    if (!maySeeKept(ctx.actor, merge.mergedContact)) throw forbidden('You can only restore contacts you may see');

    if (!(await restoreContactRow(tx, ctx.workspaceId, merge.mergedContact))) {
      throw conflict('contact_exists', `A contact with the merged contact's id ${merge.mergedId} exists again`);
    }
    await repo.moveHistoryBack(tx, ctx.workspaceId, merge.moved, merge.survivorId, merge.mergedId);

    const restore: FieldValues = {};
    const current: FieldValues = {};
    const notRestored: string[] = [];
    for (const [field, before] of Object.entries(merge.survivorBefore)) {
      const now = fieldValue(survivor, field);
      if (sameValue(now, merge.survivorAfter[field])) {
        restore[field] = before;
        current[field] = now;
      } else notRestored.push(field);
    }
    if (Object.keys(restore).length) await updateContactInTransaction(txCtx, tx, merge.survivorId, toPatch(restore));

    const unmergedAt = new Date();
    await repo.markUnmerged(tx, ctx.workspaceId, merge.id, ctx.actor.userId, unmergedAt);
    if (merge.duplicateId) await reopenCandidateAfterUnmerge(tx, ctx.workspaceId, merge.survivorId, merge.mergedId);
    await recordEvents(tx, [
      {
        workspaceId: ctx.workspaceId,
        type: 'contact.unmerged',
        subjectType: 'contact',
        subjectId: merge.survivorId,
        actorId: ctx.actor.userId,
        data: { mergeId: merge.id, survivorId: merge.survivorId, mergedId: merge.mergedId, before: current, after: restore, notRestored },
      },
    ]);
    return { ...toContactMerge({ ...merge, unmergedBy: ctx.actor.userId, unmergedAt }), notRestored };
  });
}
