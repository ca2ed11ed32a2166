/** HTTP routes for companies. */
import { Type } from 'typebox';
import type { App } from '../../platform/http/app-types.js';
import type { AppDeps } from '../../platform/module.js';
import { ctxOf } from '../../platform/http/ctx.js';
import { ERROR_RESPONSES, IdParams, Page } from '../../platform/http/schemas.js';
import { Company, CompanyInput, CompanyListQuery, CompanyPatch } from './company.schema.js';
import { createCompany, deleteCompany, getCompany, listCompanies, updateCompany } from './company.service.js';

export function companyRoutes(app: App, { db }: AppDeps) {
  app.get(
    '/api/v1/companies',
    {
      schema: {
        tags: ['companies'],
        summary: 'List companies with filters, sorting, search and cursor pagination',
        querystring: CompanyListQuery,
        response: { 200: Page(Company), ...ERROR_RESPONSES },
      },
      config: { guard: 'viewer' },
    },
    async (request) => listCompanies(ctxOf(request, db), request.query),
  );

  app.post(
    '/api/v1/companies',
    {
      schema: {
        tags: ['companies'],
        summary: 'Create a company (honours Idempotency-Key)',
        body: CompanyInput,
        response: { 201: Company, ...ERROR_RESPONSES },
      },
      config: { guard: 'agent', idempotent: true },
    },
    async (request, reply) => reply.status(201).send(await createCompany(ctxOf(request, db), db, request.body)),
  );

  app.get(
    '/api/v1/companies/:id',
    {
      schema: { tags: ['companies'], summary: 'Get a company', params: IdParams, response: { 200: Company, ...ERROR_RESPONSES } },
      config: { guard: 'viewer' },
    },
    async (request) => getCompany(ctxOf(request, db), request.params.id),
  );

  app.patch(
    '/api/v1/companies/:id',
    {
      schema: {
        tags: ['companies'],
        summary: 'Change a company; fields left out stay as they are',
        params: IdParams,
        body: CompanyPatch,
        response: { 200: Company, ...ERROR_RESPONSES },
      },
      config: { guard: 'agent' },
    },
    async (request) => updateCompany(ctxOf(request, db), db, request.params.id, request.body),
  );

  app.delete(
    '/api/v1/companies/:id',
    {
      schema: {
        tags: ['companies'],
        summary: 'Delete a company; its contacts stay, without a company',
        params: IdParams,
        response: { 204: Type.Null(), ...ERROR_RESPONSES },
      },
      config: { guard: 'agent' },
    },
    async (request, reply) => {
      await deleteCompany(ctxOf(request, db), db, request.params.id);
      return reply.status(204).send(null);
    },
  );
}
