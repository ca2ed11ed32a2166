/** The channels domain: configured connectors, their credentials, sync state and health. */
import type { DomainModule } from '../platform/module.js';
import { channelMigrations } from './channel.migrations.js';

export const channelsModule: DomainModule = {
  name: 'channels',
  migrations: channelMigrations,
};
