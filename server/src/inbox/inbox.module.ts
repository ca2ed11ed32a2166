/** The inbox domain: conversations, messages, notes, assignment and replies. */
import type { DomainModule } from '../platform/module.js';
import { inboxMigrations } from './inbox.migrations.js';

export const inboxModule: DomainModule = {
  name: 'inbox',
  migrations: inboxMigrations,
};
