/** HTTP routes for listening alerts and their history. */
import { Type } from 'typebox';
import type { App } from '../../platform/http/app-types.js';
import { ctxOf } from '../../platform/http/ctx.js';
import { ERROR_RESPONSES, IdParams, NoQuery, Page } from '../../platform/http/schemas.js';
import type { AppDeps } from '../../platform/module.js';
import { Alert, AlertFiring, AlertHistoryQuery, AlertInput, AlertPatch } from './alert.schema.js';
import {
  alertWebhookSecret,
  checkAlertNow,
  createAlert,
  deleteAlert,
  getAlert,
  listAlerts,
  listFirings,
  updateAlert,
} from './alert.service.js';

const tags = ['listening'];

export function alertRoutes(app: App, { db, config }: AppDeps) {
  app.get(
    '/api/v1/listening/alerts',
    {
      schema: {
        tags,
        summary: 'Alerts by name, all of them (not paged)',
        querystring: NoQuery,
        response: { 200: Type.Object({ data: Type.Array(Alert) }), ...ERROR_RESPONSES },
      },
      config: { guard: 'viewer' },
    },
    async (request) => ({ data: await listAlerts(ctxOf(request, db)) }),
  );
  app.post(
    '/api/v1/listening/alerts',
    {
      schema: {
        tags,
        summary: 'Create an alert (honours Idempotency-Key)',
        body: AlertInput,
        response: { 201: Alert, ...ERROR_RESPONSES },
      },
      config: { guard: 'agent', idempotent: true },
    },
    async (request, reply) => reply.status(201).send(await createAlert(ctxOf(request, db), db, request.body)),
  );
  app.get(
    '/api/v1/listening/alerts/history',
    {
      schema: {
        tags,
        summary: 'Fired alerts, newest first, with expected vs observed and the deliveries',
        querystring: AlertHistoryQuery,
        response: { 200: Page(AlertFiring), ...ERROR_RESPONSES },
      },
      config: { guard: 'viewer' },
    },
    async (request) => listFirings(ctxOf(request, db), request.query),
  );
  app.get(
    '/api/v1/listening/alerts/:id',
    {
      schema: { tags, summary: 'Get an alert', params: IdParams, response: { 200: Alert, ...ERROR_RESPONSES } },
      config: { guard: 'viewer' },
    },
    async (request) => getAlert(ctxOf(request, db), request.params.id),
  );
  app.patch(
    '/api/v1/listening/alerts/:id',
    {
      schema: { tags, summary: 'Change an alert', params: IdParams, body: AlertPatch, response: { 200: Alert, ...ERROR_RESPONSES } },
      config: { guard: 'agent' },
    },
    async (request) => updateAlert(ctxOf(request, db), db, request.params.id, request.body),
  );
  app.delete(
    '/api/v1/listening/alerts/:id',
    {
      schema: { tags, summary: 'Delete an alert and its history', params: IdParams, response: { 204: Type.Null(), ...ERROR_RESPONSES } },
      config: { guard: 'agent' },
    },
    async (request, reply) => {
      await deleteAlert(ctxOf(request, db), db, request.params.id);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/api/v1/listening/alerts/:id/check',
    {
      schema: {
        tags,
        summary: 'Check the alert now (the cool-down still applies)',
        params: IdParams,
        response: {
          200: Type.Object({
            fired: Type.Boolean(),
            firing: Type.Union([AlertFiring, Type.Null()]),
            awaitingHistoryOf: Type.Array(Type.String(), {
              description: 'Did not fire because these queries’ history is still being matched',
            }),
          }),
          ...ERROR_RESPONSES,
        },
      },
      config: { guard: 'agent', scopes: ['read', 'write'] },
    },
    async (request) => checkAlertNow(ctxOf(request, db), db, config, request.params.id),
  );
  app.get(
    '/api/v1/listening/alerts/:id/webhook-secret',
    {
      schema: {
        tags,
        summary: "The secret the alert's webhook calls are signed with (admins)",
        params: IdParams,
        response: { 200: Type.Object({ secret: Type.String(), header: Type.String() }), ...ERROR_RESPONSES },
      },
      config: { guard: 'admin' },
    },
    async (request) => alertWebhookSecret(ctxOf(request, db), config, request.params.id),
  );
}
