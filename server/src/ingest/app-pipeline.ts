/**
 * The app's one ingest pipeline, made on first use from the app's deps and closed with the app:
 * in process, or through NATS JetStream when NATS_URL is set (then `rapport worker` processes
 * consume it). Other domains (connectors, webhooks, replays) reach it through `ingestPipeline(deps)`.
 */
import type { AppDeps } from '../platform/module.js';
import type { IngestPipeline } from './ingest.contract.js';
import { enricherRegistry } from './pipeline/enrichers.js';
import { storedMessagesSteps } from './pipeline/stored-message-steps.js';
import type { StepTimings } from './pipeline/step-timer.js';
import { createInProcessPipeline } from './transport/in-process.js';

const pipelines = new WeakMap<AppDeps, IngestPipeline>();

/** A pipeline usable at once whose connection is made on first use (NATS connects asynchronously). */
function connectingPipeline(connect: () => Promise<IngestPipeline>): IngestPipeline {
  let connected: Promise<IngestPipeline> | null = null;
  let closed = false;
  return {
    async submit(batch) {
      if (closed) throw new Error('the ingest pipeline is closed');
      // A failed connection is tried again by the next submission rather than remembered.
      connected ??= connect().catch((error: unknown) => {
        connected = null;
        throw error;
      });
      return (await connected).submit(batch);
    },
    async close() {
      closed = true;
      if (connected) await (await connected).close();
    },
  };
}

export function ingestPipeline(deps: AppDeps): IngestPipeline {
  let pipeline = pipelines.get(deps);
  if (!pipeline) {
    const options = {
      enrichers: () => enricherRegistry.list(),
      steps: () => storedMessagesSteps.list(),
      onEnricherError: (enricher: string, error: unknown) =>
        deps.log.warn({ err: error, enricher }, 'enricher failed; message stored without it'),
      onTimings: (steps: StepTimings) => deps.log.debug({ steps }, 'ingest batch committed (milliseconds per step)'),
    };
    const { natsUrl, ingestConcurrency } = deps.config;
    pipeline = natsUrl
      ? connectingPipeline(async () => {
          // The NATS clients (~24 MB resident) load only where a NATS transport is configured.
          const { createNatsPipeline } = await import('./transport/nats.js');
          return createNatsPipeline(deps.db, { url: natsUrl, ...options, enrichers: options.enrichers(), steps: options.steps() });
        })
      : createInProcessPipeline(deps.db, { ...options, concurrency: ingestConcurrency ?? undefined });
    pipelines.set(deps, pipeline);
  }
  return pipeline;
}

/** Waits for batches in flight to commit (or be queued); later submissions are refused. */
export async function closeIngestPipeline(deps: AppDeps): Promise<void> {
  const pipeline = pipelines.get(deps);
  pipelines.delete(deps);
  await pipeline?.close();
}
