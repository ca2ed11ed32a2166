/** The identity domain: social identities of every author on every channel. */
import type { DomainModule } from '../platform/module.js';
import { identityMigrations } from './identity.migrations.js';

export const identityModule: DomainModule = {
  name: 'identity',
  migrations: identityMigrations,
};
