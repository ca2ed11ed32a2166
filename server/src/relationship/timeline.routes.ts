/** HTTP routes for the customer 360 timelines of contacts and companies. */
import type { App } from '../platform/http/app-types.js';
import type { AppDeps } from '../platform/module.js';
import { ctxOf } from '../platform/http/ctx.js';
import { ERROR_RESPONSES, IdParams } from '../platform/http/schemas.js';
import { Timeline, TimelineQuery } from './timeline.schema.js';
import { companyTimeline, contactTimeline } from './timeline.service.js';

const tags = ['relationship'];

export function timelineRoutes(app: App, { db }: AppDeps) {
  app.get(
    '/api/v1/contacts/:id/timeline',
    {
      schema: {
        tags,
        summary: 'Everything with a contact, newest first: activities, messages of their conversations and their mentions',
        params: IdParams,
        querystring: TimelineQuery,
        response: { 200: Timeline, ...ERROR_RESPONSES },
      },
      config: { guard: 'viewer' },
    },
    async (request) => contactTimeline(ctxOf(request, db), request.params.id, request.query),
  );

  app.get(
    '/api/v1/companies/:id/timeline',
    {
      schema: {
        tags,
        summary: 'Everything with a company, newest first: its own activities and the timelines of its contacts',
        params: IdParams,
        querystring: TimelineQuery,
        response: { 200: Timeline, ...ERROR_RESPONSES },
      },
      config: { guard: 'viewer' },
    },
    async (request) => companyTimeline(ctxOf(request, db), request.params.id, request.query),
  );
}
