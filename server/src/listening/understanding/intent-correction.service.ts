/**
 * Agents correct a message's intent; the correction is stored, becomes the message's intent, and
 * teaches the workspace's model, so similar messages arriving later are classified the new way.
 * A mention read from what the message says about its own subject (a post naming two brands, see
 * `subject-readings.ts`) is corrected alone: the whole message is not what the agent judged, so
 * neither the message nor the model changes.
 */
import { INTENT_LABELS, type IntentLabel } from '../../nlp/intent/intent-labels.js';
import type { Ctx } from '../../platform/context.js';
import type { Db, Queryable } from '../../platform/db/db.js';
import { newId } from '../../platform/db/ids.js';
import { recordEvents } from '../../platform/events/event.js';
import { cursorNotGivenOut, decodeCursor, encodeCursor, isCursorId, isCursorInstant } from '../../platform/http/cursor.js';
import { notFound } from '../../platform/http/errors.js';
import { understandingOf } from '../mentions/mention-facts.js';
import * as repo from './intent-model.repo.js';
import { loadIntent } from './text-understanding.js';
import { understandingText } from './understanding.enricher.js';

export { INTENT_LABELS };

export async function correctIntent(ctx: Ctx, db: Db, messageId: string, intent: IntentLabel, mentionId?: string) {
  return db.transaction(async (tx) => {
    const message = await repo.messageToCorrect(tx, ctx.workspaceId, ctx.actor, messageId);
    if (!message) throw notFound('Message');
    const previous = understandingOf(message.enrichment)?.intent.label ?? null;
    const mention = mentionId === undefined ? null : await repo.mentionIntent(tx, ctx.workspaceId, mentionId, messageId);
    if (mentionId !== undefined && !mention) throw notFound('Mention');
    const now = new Date();
    if (mention?.readAboutSubject) {
      await repo.setMentionIntent(tx, ctx.workspaceId, mentionId!, intent);
      await recordIntentCorrected(tx, ctx, messageId, mention.intent, intent, mentionId!);
      return { messageId, intent, previousIntent: mention.intent, mentionIds: [mentionId!], learned: false };
    }
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
    const mentionIds = await repo.applyCorrectedIntent(tx, ctx.workspaceId, messageId, intent);
    await recordIntentCorrected(tx, ctx, messageId, previous, intent, null);
    return { messageId, intent, previousIntent: previous, mentionIds, learned: true };
  });
}

async function recordIntentCorrected(
  tx: Queryable,
  ctx: Ctx,
  messageId: string,
  before: string | null,
  after: IntentLabel,
  mentionId: string | null,
) {
  await recordEvents(tx, [
    {
      workspaceId: ctx.workspaceId,
      type: 'message.intent_corrected',
      subjectType: 'message',
      subjectId: messageId,
      actorId: ctx.actor.userId,
      data: { before: { intent: before }, after: { intent: after }, ...(mentionId ? { mentionId } : {}) },
    },
  ]);
}

export async function listIntentCorrections(ctx: Ctx, query: { limit?: number; cursor?: string }) {
  const limit = query.limit ?? 50;
  const cursor = decodeCursor(query.cursor);
  if (cursor && (!isCursorInstant(cursor.v) || !isCursorId(cursor.id))) throw cursorNotGivenOut();
  const after = cursor ? { at: cursor.v as string, messageId: cursor.id } : null;
  const rows = await repo.listCorrections(ctx.db, ctx.workspaceId, ctx.actor, after, limit);
  const data = rows.slice(0, limit);
  const last = data[data.length - 1];
  return {
    data,
    nextCursor: rows.length > limit && last ? encodeCursor({ v: new Date(last.createdAt).toISOString(), id: last.messageId }) : null,
  };
}
