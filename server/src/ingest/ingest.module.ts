/** The ingest domain: the pipeline that takes every channel's messages in, and its dead-letter list. */
import type { DomainModule } from '../platform/module.js';
import { closeIngestPipeline } from './app-pipeline.js';
import { deadLetterRoutes } from './dead-letters/dead-letter.routes.js';
import { fileIngestRoutes } from './files/file-ingest.routes.js';
import { ingestMigrations } from './ingest.migrations.js';

export const ingestModule: DomainModule = {
  name: 'ingest',
  migrations: ingestMigrations,
  routes(app, deps) {
    deadLetterRoutes(app, deps);
    fileIngestRoutes(app, deps);
  },
  close: closeIngestPipeline,
};
