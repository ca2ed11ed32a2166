/**
 * The poller: a recurring job that claims due channels whose connector pulls (feeds today) and
 * syncs each. The cursor only advances once the pipeline has committed the batch, so a crash
 * between fetch and commit refetches rather than loses; failures back off exponentially and are
 * recorded in the channel's health with a shared error code.
 */
import { Type } from 'typebox';
import type { Db } from '../../platform/db/db.js';
import { defineJob, type JobDefinition } from '../../platform/jobs/job.js';
import type { Logger } from '../../platform/observability/logger.js';
import type { IngestPipeline } from '../../ingest/ingest.contract.js';
import { asConnectorError, ConnectorError, type Connector } from '../connector.js';
import { connectorFor, PULLING_KINDS } from '../registry.js';
import { connectorChannel } from '../channel.service.js';
import { newestSentAt, toIngestBatch } from './ingest-batch.js';
import { backoffSeconds } from '../health.js';
import { askServerReplyLength, serverReplyLengthDue } from '../server-reply-length.js';
import * as repo from '../channel.repo.js';
import type { ChannelRow } from '../channel.repo.js';

export const POLL_JOB = 'channels.poll';
const DEFAULT_INTERVAL_SECONDS = 900;
/** Longer than any fetch may take (timeouts are 15 s), so a claimed channel is not claimed again mid-poll. */
const LEASE_SECONDS = 120;
const BATCH = 20;

export interface SyncDeps {
  db: Db;
  secret: string;
  log: Logger;
  pipeline: () => IngestPipeline;
}

function intervalOf(row: ChannelRow, connector: Connector | null): number {
  const seconds = row.config.pollSeconds;
  if (typeof seconds === 'number' && seconds > 0) return seconds;
  return connector?.defaultPollSeconds ?? DEFAULT_INTERVAL_SECONDS;
}

const after = (now: Date, seconds: number) => new Date(now.getTime() + seconds * 1000);

export async function pollChannel(deps: SyncDeps, row: ChannelRow, now: Date): Promise<void> {
  const connector = connectorFor(row.kind);
  const interval = intervalOf(row, connector);
  try {
    if (!connector?.pull) throw new ConnectorError('unsupported', `${row.kind} channels are not polled`);
    const channel = connectorChannel(row, deps.secret);
    const result = await connector.pull(channel, row.cursor, now);
    let ingested = 0;
    let lastItemAt: Date | null = null;
    if (result.batch && (result.batch.messages.length || result.batch.rejected.length)) {
      const { batch } = result;
      const report = await deps.pipeline().submit(toIngestBatch(row, 'poll', batch));
      ingested = report.ingested;
      if (ingested > 0) lastItemAt = newestSentAt(batch);
    }
    await repo.recordSyncSuccess(deps.db, row.workspace_id, row.id, {
      at: now,
      itemsIn: ingested,
      lastItemAt,
      cursor: result.nextCursor,
      // A source with more waiting (a mailbox backlog) is read again at the next tick, not the next interval.
      nextPollAt: result.more ? now : after(now, interval),
    });
    if (serverReplyLengthDue(connector, row, now)) {
      // The channel works without it (its network's usual limit holds), so its health does not change.
      await askServerReplyLength(deps.db, connector, row, channel, now).catch((error: unknown) => {
        const failure = asConnectorError(error);
        deps.log.warn(
          { channelId: row.id, workspaceId: row.workspace_id, code: failure.code, err: failure.message },
          'channel reply limit not read',
        );
      });
    }
  } catch (error) {
    const failure = asConnectorError(error);
    deps.log.warn({ channelId: row.id, workspaceId: row.workspace_id, code: failure.code, err: failure.message }, 'channel poll failed');
    await repo.recordSyncFailure(deps.db, row.workspace_id, row.id, {
      error: { at: now.toISOString(), code: failure.code, message: failure.message.slice(0, 500) },
      poll: { nextPollAt: after(now, backoffSeconds(interval, row.poll_failures + 1)) },
    });
  }
}

/** Polls every due channel once; returns how many were polled. */
export async function pollDueChannels(deps: SyncDeps, now: Date): Promise<number> {
  let polled = 0;
  for (;;) {
    const due = await repo.claimDueChannels(deps.db, PULLING_KINDS, now, LEASE_SECONDS, BATCH);
    // Channels are polled one after another: a small server should not open dozens of fetches at once.
    for (const row of due) await pollChannel(deps, row, now);
    polled += due.length;
    if (due.length < BATCH) return polled;
  }
}

export function pollJob(deps: Omit<SyncDeps, 'db' | 'log'>): JobDefinition {
  return defineJob({
    name: POLL_JOB,
    payload: Type.Object({}, { additionalProperties: false }),
    everyMs: 5_000,
    handler: async (ctx) => {
      await pollDueChannels({ ...deps, db: ctx.db, log: ctx.log }, ctx.now);
    },
  });
}
