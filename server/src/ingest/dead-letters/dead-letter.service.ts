/** Use cases for dead letters: list and read them, replay one once its cause is fixed, or discard it. */
import {
  FORMAT_NAMES,
  isFormatName,
  messageProblem,
  parseFile,
  readWebhookDelivery,
  type NormalisedMessage,
  type ParseResult,
  type WebhookMappingSettings,
} from '../../channels/index.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/db.js';
import { recordEvents, type NewEvent } from '../../platform/events/event.js';
import { cursorNotGivenOut, decodeCursor, encodeCursor, isCursorId, isCursorInstant } from '../../platform/http/cursor.js';
import { invalid, notFound } from '../../platform/http/errors.js';
import type { IngestPipeline, IngestReport } from '../ingest.contract.js';
import * as repo from './dead-letter.repo.js';
import type { DeadLetterDetail, DeadLetterListQuery } from './dead-letter.schema.js';

export async function listDeadLetters(ctx: Ctx, query: DeadLetterListQuery) {
  const limit = query.limit ?? 50;
  const cursor = decodeCursor(query.cursor);
  if (cursor && (!isCursorInstant(cursor.v) || !isCursorId(cursor.id))) throw cursorNotGivenOut();
  const after = cursor ? { at: cursor.v as string, id: cursor.id } : null;
  const result = await repo.listDeadLetters(ctx.db, ctx.workspaceId, query, after, limit);
  const last = result.rows[result.rows.length - 1];
  return {
    data: result.rows,
    nextCursor: result.hasMore && last ? encodeCursor({ v: new Date(last.lastSeenAt).toISOString(), id: last.id }) : null,
  };
}

export async function getDeadLetter(ctx: Ctx, id: string): Promise<DeadLetterDetail> {
  const deadLetter = await repo.findDeadLetter(ctx.db, ctx.workspaceId, id);
  if (!deadLetter) throw notFound('Dead letter');
  return deadLetter;
}

export interface ReplayOutcome {
  deadLetter: DeadLetterDetail;
  report: Required<IngestReport>;
  /** Why items of the payload still fail; empty when the replay took everything (and the dead letter is resolved). */
  problems: { code: string; reason: string }[];
}

/**
 * Re-parses the payload with today's parsers and submits what they now accept. What still fails is
 * reported back rather than dead-lettered again, so replaying an unfixed item adds no new rows.
 */
export async function replayDeadLetter(ctx: Ctx, db: Db, pipeline: IngestPipeline, id: string): Promise<ReplayOutcome> {
  const deadLetter = await getDeadLetter(ctx, id);
  const parsed = await reparse(ctx, deadLetter);
  const problems = parsed.rejected.filter((r) => r.code !== 'not-a-message').map(({ code, reason }) => ({ code, reason }));
  const messages = parsed.messages.filter((m) => {
    const problem = messageProblem(m);
    if (problem) problems.push({ code: 'invalid', reason: problem });
    return !problem;
  });
  const report = await pipeline.submit({
    source: {
      workspaceId: ctx.workspaceId,
      channelId: deadLetter.channelId,
      kind: 'replay',
      ...(parsed.format ? { format: parsed.format } : {}),
    },
    messages,
    profiles: parsed.profiles,
    deletions: parsed.deletions,
  });
  await db.transaction(async (tx) => {
    await repo.markReplayed(tx, ctx.workspaceId, id, new Date(), problems.length === 0);
    await recordEvents(tx, [event(ctx, 'dead_letter.replayed', id, { resolved: problems.length === 0, problems: problems.length })]);
  });
  return {
    deadLetter: await getDeadLetter(ctx, id),
    report: { ...report, deleted: report.deleted ?? 0, received: report.received + problems.length, rejected: problems.length },
    problems,
  };
}

type Reparsed = Omit<ParseResult, 'format'> & { format: ParseResult['format'] | null };

/**
 * A dead letter with a format holds what that format's parser refused. One without a format holds
 * either a delivery to a generic webhook channel, in the raw, or a normalised message the pipeline
 * refused, as JSON.
 */
async function reparse(ctx: Ctx, deadLetter: DeadLetterDetail): Promise<Reparsed> {
  const receivedAt = new Date(deadLetter.occurredAt);
  if (deadLetter.format !== null) {
    if (!isFormatName(deadLetter.format)) {
      throw invalid([{ field: 'format', reason: `is not one of ${FORMAT_NAMES.join(', ')}` }], 'This dead letter cannot be replayed');
    }
    return parseFile(deadLetter.format, deadLetter.payload, { receivedAt });
  }
  const empty: Reparsed = { format: null, messages: [], profiles: [], deletions: [], rejected: [] };
  if (deadLetter.source === 'webhook' && deadLetter.channelId) {
    // A generic webhook's deliveries have no format: they are read with the channel's field mapping, as it is now.
    const channel = await repo.channelSettings(ctx.db, ctx.workspaceId, deadLetter.channelId);
    if (!channel) return { ...empty, rejected: [{ index: null, code: 'invalid', reason: 'the channel it came through was removed' }] };
    if (channel.kind === 'webhook') {
      return { ...empty, ...readWebhookDelivery(deadLetter.payload, channel.config as unknown as WebhookMappingSettings, receivedAt) };
    }
  }
  let value: unknown;
  try {
    value = JSON.parse(deadLetter.payload);
  } catch (error) {
    return { ...empty, rejected: [{ index: null, code: 'malformed', reason: `the payload is not JSON: ${(error as Error).message}` }] };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ...empty, rejected: [{ index: null, code: 'malformed', reason: 'the payload is not a message' }] };
  }
  return { ...empty, messages: [reviveMessage(value as Record<string, unknown>)] };
}

function reviveMessage(message: Record<string, unknown>): NormalisedMessage {
  for (const field of ['sentAt', 'receivedAt']) {
    if (typeof message[field] === 'string') message[field] = new Date(message[field]);
  }
  return message as unknown as NormalisedMessage;
}

export async function discardDeadLetter(ctx: Ctx, db: Db, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const discarded = await repo.deleteDeadLetter(tx, ctx.workspaceId, id);
    if (!discarded) throw notFound('Dead letter');
    await recordEvents(tx, [event(ctx, 'dead_letter.discarded', id, { channelId: discarded.channelId, code: discarded.code })]);
  });
}

/** Replays and discards are recorded like other changes: for the audit trail, and so open lists follow. */
function event(ctx: Ctx, type: string, id: string, data: Record<string, unknown>): NewEvent {
  return { workspaceId: ctx.workspaceId, type, subjectType: 'dead_letter', subjectId: id, actorId: ctx.actor.userId, data };
}
