/**
 * An app over a database of its own, with what the poller needs, for tests that run it: the poller
 * claims due channels of every workspace, and other test files leave some behind in the shared one.
 */
import { buildApp, type Built } from '../../app.js';
import { modules } from '../../modules.js';
import type { Db } from '../../platform/db/db.js';
import { createLogger } from '../../platform/observability/logger.js';
import { openFreshDb } from '../../platform/testing/test-db.js';
import { testConfig } from '../../platform/testing/test-app.js';
import { ingestPipeline, type IngestBatch, type IngestPipeline } from '../../ingest/index.js';
import type { SyncDeps } from '../sync/poll.job.js';

export interface PollerApp {
  db: Db;
  built: Built;
  deps: SyncDeps;
  close(): Promise<void>;
}

/** `watch` sees every batch that reaches the app's real pipeline, before it is stored. */
export async function startPollerApp(watch: (batch: IngestBatch) => void = () => undefined): Promise<PollerApp> {
  const db = await openFreshDb();
  const config = testConfig();
  const built = await buildApp({ config, db, log: createLogger('silent'), modules, webDir: null });
  await built.app.ready();
  const real = ingestPipeline(built.deps);
  const pipeline: IngestPipeline = { submit: (batch) => (watch(batch), real.submit(batch)), close: () => real.close() };
  return {
    db,
    built,
    deps: { db, secret: config.secret, log: createLogger('silent'), pipeline: () => pipeline },
    close: async () => {
      await built.close();
      await db.close();
    },
  };
}
