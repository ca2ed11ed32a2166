/**
 * The stream supervisor: one long-lived connection per active channel whose connector streams
 * (IMAP IDLE, a firehose). It reconciles with the channels table every few seconds and on every
 * channel change, so a new, resumed or re-configured channel connects and a paused or removed one
 * disconnects; a stream that fails is reopened with backoff, from the cursor of its last committed
 * batch. Streams wake the poller or hand batches to the pipeline; nothing is acknowledged upstream
 * before it is committed, and replays after a reconnect are absorbed by deduplication.
 */
import type { Db } from '../../platform/db/db.js';
import type { EventBus } from '../../platform/events/bus.js';
import type { Logger } from '../../platform/observability/logger.js';
import type { IngestPipeline } from '../../ingest/ingest.contract.js';
import { asConnectorError, type ConnectorError, type StreamHandle } from '../connector.js';
import { connectorChannel } from '../channel.service.js';
import { connectorFor, STREAMING_KINDS } from '../registry.js';
import type { ChannelRow } from '../channel.repo.js';
import * as repo from '../channel.repo.js';
import { newestSentAt, toIngestBatch } from './ingest-batch.js';

export interface StreamDeps {
  db: Db;
  bus: EventBus;
  secret: string;
  log: Logger;
  pipeline: () => IngestPipeline;
}

const RECONCILE_MS = 15_000;
const MAX_BACKOFF_MS = 5 * 60_000;

interface Running {
  /** The row's updated_at when the stream opened: a later change means reopen with the new settings. */
  version: number;
  handle: StreamHandle | null;
  failures: number;
  retryAt: number;
  closed: boolean;
}

export interface StreamSupervisor {
  reconcile(): Promise<void>;
  close(): Promise<void>;
}

async function streamingChannels(db: Db): Promise<ChannelRow[]> {
  if (STREAMING_KINDS.length === 0) return [];
  const { rows } = await db.query<ChannelRow>(`SELECT * FROM channels WHERE status = 'active' AND kind = ANY($1::text[])`, [
    STREAMING_KINDS,
  ]);
  return rows;
}

export function createStreamSupervisor(deps: StreamDeps): StreamSupervisor {
  const running = new Map<string, Running>();
  let stopped = false;
  let reconciling: Promise<void> | null = null;

  const recordFailure = (row: ChannelRow, error: ConnectorError) => {
    deps.log.warn({ channelId: row.id, workspaceId: row.workspace_id, code: error.code, err: error.message }, 'channel stream failed');
    return repo
      .recordSyncFailure(deps.db, row.workspace_id, row.id, {
        error: { at: new Date().toISOString(), code: error.code, message: error.message.slice(0, 500) },
      })
      .catch((e: unknown) => deps.log.error({ err: e }, 'could not record a stream failure'));
  };

  const drop = async (id: string, state: Running) => {
    state.closed = true;
    running.delete(id);
    await state.handle?.close().catch(() => undefined);
  };

  const open = async (row: ChannelRow, state: Running) => {
    const connector = connectorFor(row.kind)!;
    const failed = (error: ConnectorError) => {
      if (state.closed) return;
      state.failures++;
      // Secrets that no longer open stay so until an admin enters them again, which changes the
      // channel and reopens its stream; retrying meanwhile would only repeat the failure.
      state.retryAt =
        error.code === 'credentials_unreadable' ? Infinity : Date.now() + Math.min(MAX_BACKOFF_MS, 1000 * 2 ** state.failures);
      const handle = state.handle;
      state.handle = null;
      void handle?.close().catch(() => undefined);
      void recordFailure(row, error);
    };
    try {
      state.handle = await connector.stream!(connectorChannel(row, deps.secret), row.cursor, {
        emit: async (batch, cursor) => {
          const report = await deps.pipeline().submit(toIngestBatch(row, 'stream', batch));
          state.failures = 0;
          await repo.recordSyncSuccess(deps.db, row.workspace_id, row.id, {
            at: new Date(),
            itemsIn: report.ingested,
            lastItemAt: report.ingested > 0 ? newestSentAt(batch) : null,
            cursor,
          });
        },
        wake: () => {
          if (state.closed) return;
          state.failures = 0;
          void deps.db
            .query(`UPDATE channels SET next_poll_at = now() WHERE workspace_id = $1 AND id = $2 AND status = 'active'`, [
              row.workspace_id,
              row.id,
            ])
            .catch((e: unknown) => deps.log.error({ err: e }, 'could not wake a channel'));
        },
        fail: failed,
      });
      if (state.closed) await state.handle.close();
    } catch (error) {
      failed(asConnectorError(error));
    }
  };

  const reconcileOnce = async () => {
    const rows = await streamingChannels(deps.db);
    const wanted = new Map(rows.map((row) => [row.id, row]));
    for (const [id, state] of running) {
      const row = wanted.get(id);
      if (!row || new Date(row.updated_at).getTime() !== state.version) await drop(id, state);
    }
    const now = Date.now();
    for (const row of rows) {
      let state = running.get(row.id);
      if (!state) {
        state = { version: new Date(row.updated_at).getTime(), handle: null, failures: 0, retryAt: 0, closed: false };
        running.set(row.id, state);
      }
      if (!state.handle && state.retryAt <= now) await open(row, state);
    }
  };

  const reconcile = () => {
    if (stopped) return Promise.resolve();
    reconciling ??= reconcileOnce()
      .catch((error: unknown) => deps.log.error({ err: error }, 'channel streams could not be reconciled'))
      .finally(() => (reconciling = null));
    return reconciling;
  };

  const timer = setInterval(() => void reconcile(), RECONCILE_MS);
  timer.unref();
  const unsubscribe = deps.bus.subscribe('channel.*', () => void reconcile());

  return {
    reconcile,
    async close() {
      stopped = true;
      clearInterval(timer);
      unsubscribe();
      await reconciling;
      await Promise.all([...running].map(([id, state]) => drop(id, state)));
    },
  };
}
