/** The identity domain: social identities of every author on every channel. */
import { storedMessagesSteps } from '../ingest/index.js';
import type { DomainModule } from '../platform/module.js';
import { matchAuthorsStep } from './arrival/arrival.step.js';
import { contactSyncJob, subscribeContactSync } from './keys/contact-sync.js';
import { subscribeConversationContacts } from './links/conversation-contacts.js';
import { linkRoutes } from './links/link.routes.js';
import { mergeRoutes } from './merges/merge.routes.js';
import { identityMigrations } from './identity.migrations.js';
import { identitySettingsMigrations } from './settings/identity-settings.schema.js';
import { identitySettingsRoutes } from './settings/identity-settings.routes.js';
import { duplicateRoutes } from './review/index.js';
import { fullPassJob } from './review/full-pass.job.js';

storedMessagesSteps.register(matchAuthorsStep);

export const identityModule: DomainModule = {
  name: 'identity',
  migrations: [...identityMigrations, ...identitySettingsMigrations],
  routes(app, deps) {
    identitySettingsRoutes(app, deps);
    duplicateRoutes(app, deps);
    linkRoutes(app, deps);
    mergeRoutes(app, deps);
  },
  jobs: [contactSyncJob, fullPassJob],
  subscribe(deps) {
    subscribeContactSync(deps);
    subscribeConversationContacts(deps);
  },
};
