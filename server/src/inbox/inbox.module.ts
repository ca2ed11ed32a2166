/** The inbox domain: conversations, messages, notes, canned responses, presence, routing, assignment and SLAs. */
import type { DomainModule } from '../platform/module.js';
import { cannedResponseRoutes } from './canned-response.routes.js';
import { conversationRoutes } from './conversation.routes.js';
import { inboxJobs } from './inbox.jobs.js';
import { inboxMigrations } from './inbox.migrations.js';
import { messageRoutes } from './message.routes.js';
import { createPresence } from './presence.js';
import { routeNewConversations } from './route-new-conversations.js';
import { routingRoutes } from './routing.routes.js';
import { manyMessagesAdded } from './sla.service.js';
import { slaRoutes } from './sla.routes.js';

export const inboxModule: DomainModule = {
  name: 'inbox',
  migrations: inboxMigrations,
  routes(app, deps) {
    conversationRoutes(app, deps, createPresence(deps.bus));
    messageRoutes(app, deps);
    cannedResponseRoutes(app, deps);
    routingRoutes(app, deps);
    slaRoutes(app, deps);
  },
  jobs: inboxJobs,
  subscribe({ bus, db }) {
    bus.subscribeMany('conversation.created', (events, onError) => routeNewConversations(db, events, onError));
    bus.subscribeMany('conversation.messages_added', (events, onError) => manyMessagesAdded(db, events, onError));
  },
};
