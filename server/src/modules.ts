/** The composition root: the domains this server runs, in migration order. */
import type { DomainModule } from './platform/module.js';
import { platformModule } from './platform/platform.module.js';
import { crmModule } from './crm/crm.module.js';
import { identityModule } from './identity/identity.module.js';
import { channelsModule } from './channels/channels.module.js';
import { inboxModule } from './inbox/inbox.module.js';
import { ingestModule } from './ingest/ingest.module.js';
import { listeningModule } from './listening/listening.module.js';
import { relationshipModule } from './relationship/relationship.module.js';

export const modules: readonly DomainModule[] = [
  platformModule,
  crmModule,
  identityModule,
  channelsModule,
  inboxModule,
  ingestModule,
  listeningModule,
  relationshipModule,
];

export const allMigrations = () => modules.flatMap((m) => m.migrations);
