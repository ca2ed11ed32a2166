/** HTTP routes for saved listening queries and for checking a query while it is typed. */
import { Type } from 'typebox';
import type { App } from '../../platform/http/app-types.js';
import { ctxOf } from '../../platform/http/ctx.js';
import { ERROR_RESPONSES, IdParams, Page, Problem } from '../../platform/http/schemas.js';
import type { AppDeps } from '../../platform/module.js';
import {
  QueryCheckInput,
  QueryCheckResult,
  SavedQuery,
  SavedQueryInput,
  SavedQueryListQuery,
  SavedQueryPatch,
} from './saved-query.schema.js';
import {
  checkQuery,
  createSavedQuery,
  deleteSavedQuery,
  getSavedQuery,
  listSavedQueries,
  updateSavedQuery,
} from './saved-query.service.js';

const tags = ['listening'];
/** A query that does not parse. */
const SAVE_ERRORS = { ...ERROR_RESPONSES, 422: Problem };

export function savedQueryRoutes(app: App, { db }: AppDeps) {
  app.get(
    '/api/v1/listening/queries',
    {
      schema: {
        tags,
        summary: 'Saved queries by name',
        querystring: SavedQueryListQuery,
        response: { 200: Page(SavedQuery), ...ERROR_RESPONSES },
      },
      config: { guard: 'viewer' },
    },
    async (request) => listSavedQueries(ctxOf(request, db), request.query),
  );

  app.post(
    '/api/v1/listening/queries',
    {
      schema: {
        tags,
        summary: 'Save a query (honours Idempotency-Key); it is matched over the stored history in the background',
        body: SavedQueryInput,
        response: { 201: SavedQuery, ...SAVE_ERRORS },
      },
      config: { guard: 'agent', idempotent: true },
    },
    async (request, reply) => reply.status(201).send(await createSavedQuery(ctxOf(request, db), db, request.body)),
  );

  app.post(
    '/api/v1/listening/queries/check',
    {
      schema: {
        tags,
        summary: 'Parse a query: the error with its position, the warnings, and tokens for highlighting',
        body: QueryCheckInput,
        response: { 200: QueryCheckResult, ...ERROR_RESPONSES },
      },
      config: { guard: 'viewer', scopes: ['read'], idempotent: true },
    },
    async (request) => checkQuery(request.body.query),
  );

  app.get(
    '/api/v1/listening/queries/:id',
    {
      schema: { tags, summary: 'Get a saved query', params: IdParams, response: { 200: SavedQuery, ...ERROR_RESPONSES } },
      config: { guard: 'viewer' },
    },
    async (request) => getSavedQuery(ctxOf(request, db), request.params.id),
  );

  app.patch(
    '/api/v1/listening/queries/:id',
    {
      schema: {
        tags,
        summary: 'Change, pause or resume a query; a changed text forgets the old mentions and matches the history again',
        params: IdParams,
        body: SavedQueryPatch,
        response: { 200: SavedQuery, ...SAVE_ERRORS },
      },
      config: { guard: 'agent' },
    },
    async (request) => updateSavedQuery(ctxOf(request, db), db, request.params.id, request.body),
  );

  app.delete(
    '/api/v1/listening/queries/:id',
    {
      schema: { tags, summary: 'Delete a query and its mentions', params: IdParams, response: { 204: Type.Null(), ...ERROR_RESPONSES } },
      config: { guard: 'agent' },
    },
    async (request, reply) => {
      await deleteSavedQuery(ctxOf(request, db), db, request.params.id);
      return reply.status(204).send(null);
    },
  );
}
