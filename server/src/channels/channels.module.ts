/** The channels domain: configured connectors, their credentials, sync state and health. */
import type { DomainModule } from '../platform/module.js';
import { ingestPipeline } from '../ingest/index.js';
import { channelMigrations } from './channel.migrations.js';
import { channelRoutes } from './channel.routes.js';
import { pollJob } from './sync/poll.job.js';
import { deliverReplyJob } from './delivery/deliver-reply.job.js';
import { webhookDeps, webhookRoutes } from './webhooks/webhook.routes.js';

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
};
