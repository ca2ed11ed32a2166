/** HTTP routes for imports of contacts and companies: upload, start with a mapping, follow progress. */
import type { App } from '../../platform/http/app-types.js';
import type { AppDeps } from '../../platform/module.js';
import { ctxOf } from '../../platform/http/ctx.js';
import { ERROR_RESPONSES, IdParams, Page } from '../../platform/http/schemas.js';
import { ImportDraft, ImportListQuery, ImportStart, ImportUpload, ImportView, MAX_IMPORT_BYTES } from './import.schema.js';
import { createImport, getImport, listImports, startImport } from './import.service.js';

export function importRoutes(app: App, { db }: AppDeps) {
  app.post(
    '/api/v1/imports',
    {
      bodyLimit: MAX_IMPORT_BYTES,
      schema: {
        tags: ['imports'],
        summary:
          'Upload a CSV, vCard or Rapport JSON export file of contacts, or a CSV file of companies; returns its columns, sample rows and a suggested mapping',
        body: ImportUpload,
        response: { 201: ImportDraft, ...ERROR_RESPONSES },
      },
      config: { guard: 'agent', idempotent: true, fileText: 'content' },
    },
    async (request, reply) => reply.status(201).send(await createImport(ctxOf(request, db), request.body)),
  );

  app.post(
    '/api/v1/imports/:id/start',
    {
      schema: {
        tags: ['imports'],
        summary: 'Start an uploaded import with a column mapping; it runs in the background',
        params: IdParams,
        body: ImportStart,
        response: { 202: ImportView, ...ERROR_RESPONSES },
      },
      config: { guard: 'agent' },
    },
    async (request, reply) => reply.status(202).send(await startImport(ctxOf(request, db), db, request.params.id, request.body)),
  );

  app.get(
    '/api/v1/imports/:id',
    {
      schema: {
        tags: ['imports'],
        summary: 'Progress and report of an import',
        params: IdParams,
        response: { 200: ImportView, ...ERROR_RESPONSES },
      },
      config: { guard: 'agent' },
    },
    async (request) => getImport(ctxOf(request, db), request.params.id),
  );

  app.get(
    '/api/v1/imports',
    {
      schema: {
        tags: ['imports'],
        summary: 'Imports, newest first; at most 100 a page, each with its whole report',
        querystring: ImportListQuery,
        response: { 200: Page(ImportView), ...ERROR_RESPONSES },
      },
      config: { guard: 'agent' },
    },
    async (request) => listImports(ctxOf(request, db), request.query),
  );
}
