/** Use cases for dead letters: list and read them, replay one once its cause is fixed, or discard it. */
import { FORMAT_NAMES, isFormatName, messageProblem, parseFile, type NormalisedMessage, type ParseResult } from '../../channels/index.js';
import type { Ctx } from '../../platform/context.js';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor.js';
import { invalid, notFound } from '../../platform/http/errors.js';
import type { IngestPipeline, IngestReport } from '../ingest.contract.js';
import * as repo from './dead-letter.repo.js';
import type { DeadLetterDetail, DeadLetterListQuery } from './dead-letter.schema.js';

export async function listDeadLetters(ctx: Ctx, query: DeadLetterListQuery) {
  const limit = query.limit ?? 50;
  const cursor = decodeCursor(query.cursor);
  if (cursor && (typeof cursor.v !== 'string' || Number.isNaN(Date.parse(cursor.v)))) {
    throw invalid([{ field: 'cursor', reason: 'is not a cursor this API gave out' }]);
  }
  const after = cursor ? { at: cursor.v as string, id: cursor.id } : null;
  const result = await repo.listDeadLetters(ctx.db, ctx.workspaceId, query, after, limit);
  const last = result.rows[result.rows.length - 1];
  return {
    data: result.rows,
    nextCursor: result.hasMore && last ? encodeCursor({ v: new Date(last.occurredAt).toISOString(), id: last.id }) : null,
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
export async function replayDeadLetter(ctx: Ctx, pipeline: IngestPipeline, id: string): Promise<ReplayOutcome> {
  const deadLetter = await getDeadLetter(ctx, id);
  const parsed = await reparse(deadLetter);
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
  await repo.markReplayed(ctx.db, ctx.workspaceId, id, new Date(), problems.length === 0);
  return {
    deadLetter: await getDeadLetter(ctx, id),
    report: { ...report, deleted: report.deleted ?? 0, received: report.received + problems.length, rejected: problems.length },
    problems,
  };
}

type Reparsed = Omit<ParseResult, 'format'> & { format: ParseResult['format'] | null };

/** A dead letter without a format holds a normalised message the pipeline refused, as JSON. */
async function reparse(deadLetter: DeadLetterDetail): Promise<Reparsed> {
  if (deadLetter.format !== null) {
    if (!isFormatName(deadLetter.format)) {
      throw invalid([{ field: 'format', reason: `is not one of ${FORMAT_NAMES.join(', ')}` }], 'This dead letter cannot be replayed');
    }
    return parseFile(deadLetter.format, deadLetter.payload, { receivedAt: new Date(deadLetter.occurredAt) });
  }
  const empty: Reparsed = { format: null, messages: [], profiles: [], deletions: [], rejected: [] };
  try {
    return { ...empty, messages: [reviveMessage(JSON.parse(deadLetter.payload))] };
  } catch (error) {
    return { ...empty, rejected: [{ index: null, code: 'malformed', reason: `the payload is not JSON: ${(error as Error).message}` }] };
  }
}

function reviveMessage(value: unknown): NormalisedMessage {
  const message = value as Record<string, unknown>;
  for (const field of ['sentAt', 'receivedAt']) {
    if (typeof message[field] === 'string') message[field] = new Date(message[field]);
  }
  return message as unknown as NormalisedMessage;
}

export async function discardDeadLetter(ctx: Ctx, id: string): Promise<void> {
  if (!(await repo.deleteDeadLetter(ctx.db, ctx.workspaceId, id))) throw notFound('Dead letter');
}
