/** The channels domain: configured connectors, their credentials, sync state and health. */
import type { DomainModule } from '../platform/module.js';
import { ingestPipeline } from '../ingest/index.js';
import { channelMigrations } from './channel.migrations.js';
import { channelRoutes } from './channel.routes.js';
import { pollJob } from './sync/poll.job.js';
import { deliverReplyJob } from './delivery/deliver-reply.job.js';
import { webhookDeps, webhookRoutes } from './webhooks/webhook.routes.js';
import { closeRefusalTally } from './webhooks/refusal-tally.js';
import { createStreamSupervisor, type StreamSupervisor } from './sync/streams.js';
import type { AppDeps } from '../platform/module.js';

const supervisors = new WeakMap<AppDeps, StreamSupervisor>();

export const channelsModule: DomainModule = {
  name: 'channels',
  migrations: channelMigrations,
  routes: (app, deps) => {
    channelRoutes(app, deps);
    webhookRoutes(
      app,
      webhookDeps(deps, () => ingestPipeline(deps)),
    );
  },
  jobs: (deps) => [
    pollJob({ secret: deps.config.secret, pipeline: () => ingestPipeline(deps) }),
    deliverReplyJob({ secret: deps.config.secret }),
  ],
  async start(deps) {
    const supervisor = createStreamSupervisor({ ...deps, secret: deps.config.secret, pipeline: () => ingestPipeline(deps) });
    supervisors.set(deps, supervisor);
    await supervisor.reconcile();
  },
  async close(deps) {
    await supervisors.get(deps)?.close();
    supervisors.delete(deps);
    await closeRefusalTally(deps);
  },
};
