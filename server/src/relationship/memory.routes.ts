/** HTTP route for a contact's relationship memory and scores. */
import type { App } from '../platform/http/app-types.js';
import type { AppDeps } from '../platform/module.js';
import { ctxOf } from '../platform/http/ctx.js';
import { ERROR_RESPONSES, IdParams } from '../platform/http/schemas.js';
import { Relationship } from './memory.schema.js';
import { contactRelationship } from './memory.service.js';

export function memoryRoutes(app: App, { db }: AppDeps) {
  app.get(
    '/api/v1/contacts/:id/relationship',
    {
      schema: {
        tags: ['relationship'],
        summary: 'What the contact wants and had trouble with, their conversations, sentiment trend, channels and dates, with their scores',
        params: IdParams,
        response: { 200: Relationship, ...ERROR_RESPONSES },
      },
      config: { guard: 'viewer' },
    },
    async (request) => contactRelationship(ctxOf(request, db), request.params.id),
  );
}
