/** HTTP routes for the duplicate review queue and the full identity-resolution pass. */
import { Type } from 'typebox';
import type { App } from '../../platform/http/app-types.js';
import { ctxOf } from '../../platform/http/ctx.js';
import { ERROR_RESPONSES, IdParams } from '../../platform/http/schemas.js';
import type { AppDeps } from '../../platform/module.js';
import { DuplicateCandidate, DuplicateCountQuery, DuplicateListQuery, DuplicatePage, ResolveSummary } from './duplicate.schema.js';
import { countDuplicates, dismissDuplicate, getDuplicate, linkDuplicate, listDuplicates } from './duplicate.service.js';
import { resolveWorkspace } from './full-pass.js';

const tags = ['identity'];

export function duplicateRoutes(app: App, { db }: AppDeps) {
  app.get(
    '/api/v1/duplicates',
    {
      schema: {
        tags,
        summary: 'Pairs that may be one person (two contacts, or an identity and a contact), strongest first',
        querystring: DuplicateListQuery,
        response: { 200: DuplicatePage, ...ERROR_RESPONSES },
      },
      config: { guard: 'viewer' },
    },
    async (request) => listDuplicates(ctxOf(request, db), request.query),
  );

  app.get(
    '/api/v1/duplicates/count',
    {
      schema: {
        tags,
        summary: 'How many pairs have this status (open by default)',
        querystring: DuplicateCountQuery,
        response: { 200: Type.Object({ count: Type.Integer() }), ...ERROR_RESPONSES },
      },
      config: { guard: 'viewer' },
    },
    async (request) => countDuplicates(ctxOf(request, db), request.query),
  );

  app.get(
    '/api/v1/duplicates/:id',
    {
      schema: {
        tags,
        summary: 'Get a pair with its evidence',
        params: IdParams,
        response: { 200: DuplicateCandidate, ...ERROR_RESPONSES },
      },
      config: { guard: 'viewer' },
    },
    async (request) => getDuplicate(ctxOf(request, db), request.params.id),
  );

  app.post(
    '/api/v1/duplicates/:id/dismiss',
    {
      schema: {
        tags,
        summary: 'Not a duplicate: close the pair; the model learns from it at the next full pass',
        params: IdParams,
        response: { 200: DuplicateCandidate, ...ERROR_RESPONSES },
      },
      config: { guard: 'agent' },
    },
    async (request) => dismissDuplicate(ctxOf(request, db), db, request.params.id),
  );

  app.post(
    '/api/v1/duplicates/:id/link',
    {
      schema: {
        tags,
        summary: 'Link the identity of an identity pair to its contact, with the pair’s evidence',
        params: IdParams,
        response: { 200: DuplicateCandidate, ...ERROR_RESPONSES },
      },
      config: { guard: 'agent' },
    },
    async (request) => linkDuplicate(ctxOf(request, db), db, request.params.id),
  );

  app.post(
    '/api/v1/identity/resolve',
    {
      schema: {
        tags,
        summary: 'Full pass: fit the model on all contacts, queue every likely duplicate pair, match every unmatched identity',
        response: { 200: ResolveSummary, ...ERROR_RESPONSES },
      },
      config: { guard: 'admin', idempotent: true },
    },
    async (request) => resolveWorkspace(ctxOf(request, db), db),
  );
}
