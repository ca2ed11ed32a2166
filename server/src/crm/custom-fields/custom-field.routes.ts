/** Settings routes for custom field definitions. */
import { Type } from 'typebox';
import type { App } from '../../platform/http/app-types.js';
import type { AppDeps } from '../../platform/module.js';
import { ctxOf } from '../../platform/http/ctx.js';
import { ERROR_RESPONSES, IdParams, OneOf } from '../../platform/http/schemas.js';
import { CustomField, CustomFieldInput, CustomFieldPatch, FIELD_ENTITIES } from './custom-field.schema.js';
import { changeCustomField, createCustomField, deleteCustomField, listCustomFields } from './custom-field.service.js';

export function customFieldRoutes(app: App, { db }: AppDeps) {
  app.get(
    '/api/v1/custom-fields',
    {
      schema: {
        tags: ['custom fields'],
        summary: 'List custom field definitions, all of them (not paged)',
        querystring: Type.Object({ entity: Type.Optional(OneOf(FIELD_ENTITIES)) }, { additionalProperties: false }),
        response: { 200: Type.Object({ data: Type.Array(CustomField) }), ...ERROR_RESPONSES },
      },
      config: { guard: 'viewer' },
    },
    async (request) => {
      const ctx = ctxOf(request, db);
      return { data: await listCustomFields(ctx.db, ctx.workspaceId, request.query.entity) };
    },
  );

  app.post(
    '/api/v1/custom-fields',
    {
      schema: {
        tags: ['custom fields'],
        summary: 'Define a custom field',
        body: CustomFieldInput,
        response: { 201: CustomField, ...ERROR_RESPONSES },
      },
      config: { guard: 'admin', idempotent: true },
    },
    async (request, reply) => reply.status(201).send(await createCustomField(ctxOf(request, db), request.body)),
  );

  app.patch(
    '/api/v1/custom-fields/:id',
    {
      schema: {
        tags: ['custom fields'],
        summary: 'Change a custom field (its key and type are fixed)',
        params: IdParams,
        body: CustomFieldPatch,
        response: { 200: CustomField, ...ERROR_RESPONSES },
      },
      config: { guard: 'admin' },
    },
    async (request) => changeCustomField(ctxOf(request, db), request.params.id, request.body),
  );

  app.delete(
    '/api/v1/custom-fields/:id',
    {
      schema: {
        tags: ['custom fields'],
        summary: 'Delete a custom field definition',
        params: IdParams,
        response: { 204: Type.Null(), ...ERROR_RESPONSES },
      },
      config: { guard: 'admin' },
    },
    async (request, reply) => {
      await deleteCustomField(ctxOf(request, db), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
