/** HTTP routes for canned responses. */
import { Type } from 'typebox';
import type { App } from '../platform/http/app-types.js';
import type { AppDeps } from '../platform/module.js';
import { ctxOf } from '../platform/http/ctx.js';
import { ERROR_RESPONSES, IdParams, Page, Problem } from '../platform/http/schemas.js';
import {
  CannedResponse,
  CannedResponseInput,
  CannedResponseListQuery,
  CannedResponsePatch,
  RenderInput,
  Rendered,
} from './canned-response.schema.js';
import {
  createCannedResponse,
  deleteCannedResponse,
  getCannedResponse,
  listCannedResponses,
  renderCannedResponse,
  updateCannedResponse,
} from './canned-response.service.js';

const tags = ['inbox'];
/** A body with an unknown {{variable}}. */
const SAVE_ERRORS = { ...ERROR_RESPONSES, 422: Problem };

export function cannedResponseRoutes(app: App, { db }: AppDeps) {
  app.get(
    '/api/v1/canned-responses',
    {
      schema: {
        tags,
        summary: 'Canned responses by shortcut, with cursor pagination',
        querystring: CannedResponseListQuery,
        response: { 200: Page(CannedResponse), ...ERROR_RESPONSES },
      },
      config: { guard: 'viewer' },
    },
    async (request) => listCannedResponses(ctxOf(request, db), request.query),
  );

  app.post(
    '/api/v1/canned-responses',
    {
      schema: {
        tags,
        summary: 'Create a canned response (honours Idempotency-Key); unknown variables are refused',
        body: CannedResponseInput,
        response: { 201: CannedResponse, ...SAVE_ERRORS },
      },
      config: { guard: 'agent', idempotent: true },
    },
    async (request, reply) => reply.status(201).send(await createCannedResponse(ctxOf(request, db), db, request.body)),
  );

  app.get(
    '/api/v1/canned-responses/:id',
    {
      schema: { tags, summary: 'Get a canned response', params: IdParams, response: { 200: CannedResponse, ...ERROR_RESPONSES } },
      config: { guard: 'viewer' },
    },
    async (request) => getCannedResponse(ctxOf(request, db), request.params.id),
  );

  app.patch(
    '/api/v1/canned-responses/:id',
    {
      schema: {
        tags,
        summary: 'Change a canned response; fields left out stay as they are',
        params: IdParams,
        body: CannedResponsePatch,
        response: { 200: CannedResponse, ...SAVE_ERRORS },
      },
      config: { guard: 'agent' },
    },
    async (request) => updateCannedResponse(ctxOf(request, db), db, request.params.id, request.body),
  );

  app.delete(
    '/api/v1/canned-responses/:id',
    {
      schema: { tags, summary: 'Delete a canned response', params: IdParams, response: { 204: Type.Null(), ...ERROR_RESPONSES } },
      config: { guard: 'agent' },
    },
    async (request, reply) => {
      await deleteCannedResponse(ctxOf(request, db), db, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/canned-responses/:id/render',
    {
      schema: {
        tags,
        summary: 'Fill a canned response in for a conversation; missing values render empty',
        params: IdParams,
        body: RenderInput,
        response: { 200: Rendered, ...ERROR_RESPONSES },
      },
      config: { guard: 'viewer', scopes: ['read'] },
    },
    async (request) => renderCannedResponse(ctxOf(request, db), request.params.id, request.body.conversationId),
  );
}
