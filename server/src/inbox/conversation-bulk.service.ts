/** Use cases that change many conversations at once: merging two threads and bulk actions on a selection. */
import type { Ctx } from '../platform/context.js';
import type { Db } from '../platform/db/db.js';
import { recordEvents } from '../platform/events/event.js';
import { conflict, invalid, notFound } from '../platform/http/errors.js';
import { notify } from '../platform/notifications/notification.service.js';
import * as repo from './conversation.repo.js';
import type { BulkInput, Conversation } from './conversation.schema.js';
import { applyChange, checkReferences, conversationEvent, notifyAssignee, saveChange } from './conversation.service.js';
import { clocksBeforeMerge, recountAfterMerge } from './sla.service.js';

/**
 * Folds `sourceId` into `targetId`: its messages move over, the target takes its labels, and the
 * source stays behind resolved and pointing at the target, so links to it still lead somewhere. The
 * target's SLA clocks are worked out again from the messages it now holds.
 */
export async function mergeConversation(ctx: Ctx, db: Db, sourceId: string, targetId: string): Promise<Conversation> {
  if (sourceId === targetId) throw invalid([{ field: 'targetId', reason: 'must be another conversation' }]);
  await db.transaction(async (tx) => {
    const locked = await repo.lockConversations(tx, ctx.workspaceId, ctx.actor, [sourceId, targetId]);
    const source = locked.find((c) => c.id === sourceId);
    const target = locked.find((c) => c.id === targetId);
    if (!source) throw notFound('Conversation');
    if (!target) throw invalid([{ field: 'targetId', reason: 'is not a conversation you can see' }]);
    if (source.mergedIntoId) throw conflict('already_merged', 'This conversation was already merged');
    if (target.mergedIntoId) throw invalid([{ field: 'targetId', reason: 'was itself merged into another conversation' }]);
    const now = new Date();
    const clocks = await clocksBeforeMerge(tx, ctx.workspaceId, [sourceId, targetId]);
    const moved = await repo.moveMessages(tx, ctx.workspaceId, sourceId, targetId);
    await repo.refreshTotals(tx, ctx.workspaceId, targetId, now);
    await recountAfterMerge(tx, ctx.workspaceId, {
      target: clocks.find((c) => c.id === targetId)!,
      source: clocks.find((c) => c.id === sourceId)!,
    });
    const targetAfter = applyChange(target, { addLabels: source.labels }, now);
    if (!Array.isArray(targetAfter)) await saveChange(ctx, tx, target, targetAfter, now);
    const sourceAfter = applyChange(source, { status: 'resolved' }, now);
    if (Array.isArray(sourceAfter)) throw invalid(sourceAfter);
    await saveChange(ctx, tx, source, { ...sourceAfter, mergedIntoId: targetId }, now);
    await repo.refreshTotals(tx, ctx.workspaceId, sourceId, now);
    await recordEvents(tx, [
      conversationEvent(ctx, 'conversation.merged', sourceId, { before: { mergedIntoId: null }, after: { mergedIntoId: targetId }, moved }),
    ]);
  });
  return (await repo.findConversation(ctx, targetId))!;
}

/** Applies one action to every listed conversation the caller may change; ids they cannot see are passed over. */
export async function bulkUpdate(ctx: Ctx, db: Db, input: BulkInput): Promise<{ updated: number }> {
  const { action } = input;
  return db.transaction(async (tx) => {
    const problems = await checkReferences(ctx, tx, action);
    if (problems.length) throw invalid(problems.map((p) => ({ ...p, field: `action.${p.field}` })));
    const now = new Date();
    const assigned: repo.ConversationState[] = [];
    let updated = 0;
    for (const before of await repo.lockConversations(tx, ctx.workspaceId, ctx.actor, [...new Set(input.ids)])) {
      if (before.mergedIntoId) continue;
      const after = applyChange(before, action, now);
      if (Array.isArray(after)) throw invalid(after);
      if (!(await saveChange(ctx, tx, before, after, now, { notify: false }))) continue;
      updated++;
      if (after.assigneeId && after.assigneeId !== before.assigneeId) assigned.push(after);
    }
    // One notification for a whole batch, not one per conversation.
    if (assigned.length === 1) await notifyAssignee(ctx, tx, assigned[0]!);
    if (assigned.length > 1 && action.assigneeId && action.assigneeId !== ctx.actor.userId) {
      await notify(tx, {
        workspaceId: ctx.workspaceId,
        userId: action.assigneeId,
        kind: 'conversation.assigned',
        title: `${assigned.length} conversations assigned to you`,
      });
    }
    return { updated };
  });
}
