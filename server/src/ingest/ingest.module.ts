/** The ingest domain: the pipeline that takes every channel's messages in, and its dead-letter list. */
import type { DomainModule } from '../platform/module.js';
import { ingestMigrations } from './ingest.migrations.js';

export const ingestModule: DomainModule = {
  name: 'ingest',
  migrations: ingestMigrations,
};
