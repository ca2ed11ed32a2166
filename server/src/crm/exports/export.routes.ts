/** HTTP routes for exports: the filtered contact or company list as a CSV or JSON download. */
import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import type { App } from '../../platform/http/app-types.js';
import type { AppDeps } from '../../platform/module.js';
import { ctxOf } from '../../platform/http/ctx.js';
import { ERROR_RESPONSES } from '../../platform/http/schemas.js';
import { CompanyExportQuery, ContactExportQuery, ExportDownload, type ExportFormat } from './export.schema.js';
import { exportCompanies, exportContacts } from './export.service.js';

function download(reply: FastifyReply, name: string, format: ExportFormat, chunks: AsyncGenerator<string>) {
  const stamp = new Date().toISOString().slice(0, 10);
  return reply
    .header('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8')
    .header('content-disposition', `attachment; filename="${name}-${stamp}.${format}"`)
    .header('cache-control', 'no-store')
    .send(Readable.from(chunks));
}

export function exportRoutes(app: App, { db }: AppDeps) {
  app.get(
    '/api/v1/exports/contacts',
    {
      schema: {
        tags: ['exports'],
        summary: 'Download the contacts matching the list filters, as CSV or JSON',
        querystring: ContactExportQuery,
        response: { 200: ExportDownload, ...ERROR_RESPONSES },
      },
      config: { guard: 'viewer' },
    },
    async (request, reply) => {
      const { format = 'csv', ...filters } = request.query;
      return download(reply, 'contacts', format, await exportContacts(ctxOf(request, db), format, filters));
    },
  );

  app.get(
    '/api/v1/exports/companies',
    {
      schema: {
        tags: ['exports'],
        summary: 'Download the companies matching the list filters, as CSV or JSON',
        querystring: CompanyExportQuery,
        response: { 200: ExportDownload, ...ERROR_RESPONSES },
      },
      config: { guard: 'viewer' },
    },
    async (request, reply) => {
      const { format = 'csv', ...filters } = request.query;
      return download(reply, 'companies', format, await exportCompanies(ctxOf(request, db), format, filters));
    },
  );
}
