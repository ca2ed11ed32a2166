/** The platform's own contribution: its tables, its routes (auth, settings, audit, events) and database upkeep. */
import type { DomainModule } from './module.js';
import { platformMigrations } from './platform.migrations.js';
import { accountRoutes } from './account/account.routes.js';
import { authRoutes } from './auth/auth.routes.js';
import { workspaceRoutes } from './workspaces/workspace.routes.js';
import { auditRoutes } from './audit/audit.routes.js';
import { notificationRoutes } from './notifications/notification.routes.js';
import { sseRoutes } from './events/sse.routes.js';
import { maintenanceJob } from './maintenance/maintenance.jobs.js';

export const platformModule: DomainModule = {
  name: 'platform',
  migrations: platformMigrations,
  jobs: [maintenanceJob],
  routes(app, deps) {
    authRoutes(app, deps);
    accountRoutes(app, deps);
    workspaceRoutes(app, deps);
    auditRoutes(app, deps);
    notificationRoutes(app, deps);
    sseRoutes(app, deps);
  },
};
