/** HTTP routes for the timeline. */
import { Type } from 'typebox';
import type { App } from '../../platform/http/app-types.js';
import type { AppDeps } from '../../platform/module.js';
import { ctxOf } from '../../platform/http/ctx.js';
import { ERROR_RESPONSES, IdParams, Page } from '../../platform/http/schemas.js';
import { Activity, ActivityInput, ActivityListQuery, ActivityPatch } from './activity.schema.js';
import { changeActivity, deleteActivity, getActivity, listActivities, logActivity } from './activity.service.js';

export function activityRoutes(app: App, { db }: AppDeps) {
  app.get(
    '/api/v1/activities',
    {
      schema: {
        tags: ['activities'],
        summary: "A timeline, newest first: a contact's, a company's (with its contacts'), or the workspace's",
        querystring: ActivityListQuery,
        response: { 200: Page(Activity), ...ERROR_RESPONSES },
      },
      config: { guard: 'viewer' },
    },
    async (request) => listActivities(ctxOf(request, db), request.query),
  );

  app.post(
    '/api/v1/activities',
    {
      schema: {
        tags: ['activities'],
        summary: 'Log a note, call, meeting or e-mail (honours Idempotency-Key)',
        body: ActivityInput,
        response: { 201: Activity, ...ERROR_RESPONSES },
      },
      config: { guard: 'agent', idempotent: true },
    },
    async (request, reply) => reply.status(201).send(await logActivity(ctxOf(request, db), db, request.body)),
  );

  app.get(
    '/api/v1/activities/:id',
    {
      schema: { tags: ['activities'], summary: 'Get a timeline entry', params: IdParams, response: { 200: Activity, ...ERROR_RESPONSES } },
      config: { guard: 'viewer' },
    },
    async (request) => getActivity(ctxOf(request, db), request.params.id),
  );

  app.patch(
    '/api/v1/activities/:id',
    {
      schema: {
        tags: ['activities'],
        summary: 'Change a logged entry (notes: their author or an admin)',
        params: IdParams,
        body: ActivityPatch,
        response: { 200: Activity, ...ERROR_RESPONSES },
      },
      config: { guard: 'agent' },
    },
    async (request) => changeActivity(ctxOf(request, db), db, request.params.id, request.body),
  );

  app.delete(
    '/api/v1/activities/:id',
    {
      schema: {
        tags: ['activities'],
        summary: 'Delete a logged entry (notes: their author or an admin)',
        params: IdParams,
        response: { 204: Type.Null(), ...ERROR_RESPONSES },
      },
      config: { guard: 'agent' },
    },
    async (request, reply) => {
      await deleteActivity(ctxOf(request, db), db, request.params.id);
      return reply.status(204).send(null);
    },
  );
}
