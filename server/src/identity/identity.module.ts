/** The identity domain: social identities of every author on every channel. */
import type { DomainModule } from '../platform/module.js';
import { identityMigrations } from './identity.migrations.js';
import { identitySettingsMigrations } from './settings/identity-settings.schema.js';
import { identitySettingsRoutes } from './settings/identity-settings.routes.js';

export const identityModule: DomainModule = {
  name: 'identity',
  migrations: [...identityMigrations, ...identitySettingsMigrations],
  routes(app, deps) {
    identitySettingsRoutes(app, deps);
  },
};
