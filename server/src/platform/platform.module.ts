/** The platform's own contribution: its tables and its routes (auth, settings, audit, events). */
import type { DomainModule } from './module.js';
import { platformMigrations } from './platform.migrations.js';
import { authRoutes } from './auth/auth.routes.js';
import { workspaceRoutes } from './workspaces/workspace.routes.js';
import { auditRoutes } from './audit/audit.routes.js';
import { notificationRoutes } from './notifications/notification.routes.js';
import { sseRoutes } from './events/sse.routes.js';

export const platformModule: DomainModule = {
  name: 'platform',
  migrations: platformMigrations,
  routes(app, deps) {
    authRoutes(app, deps);
    workspaceRoutes(app, deps);
    auditRoutes(app, deps);
    notificationRoutes(app, deps);
    sseRoutes(app, deps);
  },
};
