/**
 * The listening domain: saved queries, mentions matched live inside the ingest pipeline and
 * retroactively over history, actions on mentions, dashboards, alerts, and the text understanding
 * (the NLP enricher with each workspace's learned intent model) every stored message gets.
 */
import { enricherRegistry, storedMessagesSteps } from '../ingest/index.js';
import type { DomainModule } from '../platform/module.js';
import { alertJobs } from './alerts/alert.jobs.js';
import { alertRoutes } from './alerts/alert.routes.js';
import { analyticsRoutes } from './analytics/analytics.routes.js';
import { listeningMigrations } from './listening.migrations.js';
import { backfillQueryJob } from './mentions/backfill.job.js';
import { matchMentionsStep } from './mentions/match.step.js';
import { mentionRoutes } from './mentions/mention.routes.js';
import { savedQueryRoutes } from './saved-queries/saved-query.routes.js';
import { understandingEnricher } from './understanding/understanding.enricher.js';
import { understandingRoutes } from './understanding/understanding.routes.js';

enricherRegistry.register(understandingEnricher);
storedMessagesSteps.register(matchMentionsStep);

export const listeningModule: DomainModule = {
  name: 'listening',
  migrations: listeningMigrations,
  routes(app, deps) {
    savedQueryRoutes(app, deps);
    mentionRoutes(app, deps);
    analyticsRoutes(app, deps);
    understandingRoutes(app, deps);
    alertRoutes(app, deps);
  },
  jobs: ({ config }) => [backfillQueryJob, ...alertJobs(config)],
};
