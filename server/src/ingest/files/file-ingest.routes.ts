/** HTTP route for ingesting a recorded file. */
import type { App } from '../../platform/http/app-types.js';
import { ctxOf } from '../../platform/http/ctx.js';
import { ERROR_RESPONSES } from '../../platform/http/schemas.js';
import type { AppDeps } from '../../platform/module.js';
import { ingestPipeline } from '../app-pipeline.js';
import { FileIngestInput, IngestReport } from './file-ingest.schema.js';
import { ingestFile } from './file-ingest.service.js';

export function fileIngestRoutes(app: App, deps: AppDeps) {
  app.post(
    '/api/v1/ingest/files',
    {
      schema: {
        tags: ['ingest'],
        summary: 'Ingest a recorded file (feed, mailbox, API capture); messages already stored are left as they are',
        body: FileIngestInput,
        response: { 200: IngestReport, ...ERROR_RESPONSES },
      },
      config: { guard: 'admin', idempotent: true },
    },
    async (request) => ingestFile(ctxOf(request, deps.db), ingestPipeline(deps), request.body),
  );
}
