/** The composition root: the domains this server runs, in migration order. */
import type { DomainModule } from './platform/module.js';
import { platformModule } from './platform/platform.module.js';
import { crmModule } from './crm/crm.module.js';

export const modules: readonly DomainModule[] = [platformModule, crmModule];

export const allMigrations = () => modules.flatMap((m) => m.migrations);
