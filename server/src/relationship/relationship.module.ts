/**
 * The relationship domain: the customer 360 of a contact or company — one timeline across every
 * channel and department, the relationship memory, and value scores, tiers and health.
 */
import type { DomainModule } from '../platform/module.js';
import { memoryRoutes } from './memory.routes.js';
import { relationshipMigrations } from './relationship.migrations.js';
import { subscribeScoring } from './score.events.js';
import { scoreJobs } from './score.jobs.js';
import { scoreRoutes } from './score.routes.js';
import { timelineRoutes } from './timeline.routes.js';

export const relationshipModule: DomainModule = {
  name: 'relationship',
  migrations: relationshipMigrations,
  routes(app, deps) {
    timelineRoutes(app, deps);
    memoryRoutes(app, deps);
    scoreRoutes(app, deps);
  },
  jobs: scoreJobs,
  subscribe: subscribeScoring,
};
