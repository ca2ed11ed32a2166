/**
 * Agents correct a message's intent; the correction is stored, becomes the message's intent, and
 * teaches the workspace's model, so similar messages arriving later are classified the new way.
 */
import { INTENT_LABELS, type IntentLabel } from '../../nlp/intent/intent-labels.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/db.js';
import { newId } from '../../platform/db/ids.js';
import { recordEvents } from '../../platform/events/event.js';
import { notFound } from '../../platform/http/errors.js';
import { understandingOf } from '../mentions/mention-facts.js';
import * as repo from './intent-model.repo.js';
import { loadIntent } from './text-understanding.js';
import { understandingText } from './understanding.enricher.js';

export { INTENT_LABELS };

export async function correctIntent(ctx: Ctx, db: Db, messageId: string, intent: IntentLabel) {
  return db.transaction(async (tx) => {
    const message = await repo.messageToCorrect(tx, ctx.workspaceId, messageId);
    if (!message) throw notFound('Message');
    const previous = understandingOf(message.enrichment)?.intent.label ?? null;
    const now = new Date();
    await repo.recordCorrection(tx, ctx.workspaceId, {
      id: newId(),
      messageId,
      intent,
      previousIntent: previous,
      correctedBy: ctx.actor.userId,
      at: now,
    });
    const stored = await repo.loadModel<unknown>(tx, ctx.workspaceId, true);
    const { learnIntent, readIntentLearningState } = await loadIntent();
    const state = learnIntent(
      stored ? readIntentLearningState(stored.state) : undefined,
      understandingText(message.title, message.text),
      intent,
    );
    await repo.saveModel(tx, ctx.workspaceId, (stored?.version ?? 0) + 1, state, now);
    await repo.applyCorrectedIntent(tx, ctx.workspaceId, messageId, intent);
    await recordEvents(tx, [
      {
        workspaceId: ctx.workspaceId,
        type: 'message.intent_corrected',
        subjectType: 'message',
        subjectId: messageId,
        actorId: ctx.actor.userId,
        data: { before: { intent: previous }, after: { intent } },
      },
    ]);
    return { messageId, intent, previousIntent: previous };
  });
}

export const listIntentCorrections = (ctx: Ctx, limit: number) => repo.listCorrections(ctx.db, ctx.workspaceId, limit);
