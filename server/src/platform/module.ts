/**
 * What a domain contributes to the app. Domains register themselves through this shape; the app
 * composes the list and never reaches into a domain's files.
 */
import type { Config } from './config/config.js';
import type { Db } from './db/db.js';
import type { Migration } from './db/migrate.js';
import type { EventBus } from './events/bus.js';
import type { EventRelay } from './events/relay.js';
import type { JobDefinition } from './jobs/job.js';
import type { Logger } from './observability/logger.js';
import type { App } from './http/app-types.js';
import type { Authenticator } from './auth/auth.service.js';

export interface AppDeps {
  config: Config;
  db: Db;
  log: Logger;
  bus: EventBus;
  relay: EventRelay;
  authenticator: Authenticator;
}

export interface DomainModule {
  name: string;
  migrations: readonly Migration[];
  routes?: (app: App, deps: AppDeps) => void;
  /** A function of the deps when handlers need more than the job context (the server secret, the bus). */
  jobs?: readonly JobDefinition[] | ((deps: AppDeps) => readonly JobDefinition[]);
  /** Subscriptions to other domains' events, set up once per app. */
  subscribe?: (deps: AppDeps) => void;
  /** Starts the domain's background work (long-lived connections) with the server's other background work. */
  start?: (deps: AppDeps) => Promise<void>;
  /** Releases what the domain holds for this app (drains its pipelines), when the app closes. */
  close?: (deps: AppDeps) => Promise<void>;
}
