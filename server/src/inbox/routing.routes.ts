/** HTTP routes for routing rules and each team's assignment settings. */
import { Type } from 'typebox';
import type { App } from '../platform/http/app-types.js';
import type { AppDeps } from '../platform/module.js';
import { ctxOf } from '../platform/http/ctx.js';
import { ERROR_RESPONSES, IdParams, Page } from '../platform/http/schemas.js';
import {
  RoutingRule,
  RoutingRuleInput,
  RoutingRuleListQuery,
  RoutingRulePatch,
  TeamInboxSettings,
  TeamInboxSettingsInput,
} from './routing.schema.js';
import { createRule, deleteRule, getRule, getTeamInboxSettings, listRules, putTeamInboxSettings, updateRule } from './routing.service.js';

const tags = ['inbox'];

export function routingRoutes(app: App, { db }: AppDeps) {
  app.get(
    '/api/v1/teams/:id/inbox-settings',
    {
      schema: {
        tags,
        summary: 'How the team hands out new conversations (manual unless set)',
        params: IdParams,
        response: { 200: TeamInboxSettings, ...ERROR_RESPONSES },
      },
      config: { guard: 'viewer' },
    },
    async (request) => getTeamInboxSettings(ctxOf(request, db), request.params.id),
  );

  app.put(
    '/api/v1/teams/:id/inbox-settings',
    {
      schema: {
        tags,
        summary: 'Set how the team hands out new conversations: manual, round-robin or least-loaded',
        params: IdParams,
        body: TeamInboxSettingsInput,
        response: { 200: TeamInboxSettings, ...ERROR_RESPONSES },
      },
      config: { guard: 'admin' },
    },
    async (request) => putTeamInboxSettings(ctxOf(request, db), db, request.params.id, request.body),
  );

  app.get(
    '/api/v1/routing-rules',
    {
      schema: {
        tags,
        summary: 'Routing rules in the order they are tried',
        querystring: RoutingRuleListQuery,
        response: { 200: Page(RoutingRule), ...ERROR_RESPONSES },
      },
      config: { guard: 'viewer' },
    },
    async (request) => listRules(ctxOf(request, db), request.query),
  );

  app.post(
    '/api/v1/routing-rules',
    {
      schema: {
        tags,
        summary: 'Create a routing rule, last unless a position is given (honours Idempotency-Key)',
        body: RoutingRuleInput,
        response: { 201: RoutingRule, ...ERROR_RESPONSES },
      },
      config: { guard: 'admin', idempotent: true },
    },
    async (request, reply) => reply.status(201).send(await createRule(ctxOf(request, db), db, request.body)),
  );

  app.get(
    '/api/v1/routing-rules/:id',
    {
      schema: { tags, summary: 'Get a routing rule', params: IdParams, response: { 200: RoutingRule, ...ERROR_RESPONSES } },
      config: { guard: 'viewer' },
    },
    async (request) => getRule(ctxOf(request, db), request.params.id),
  );

  app.patch(
    '/api/v1/routing-rules/:id',
    {
      schema: {
        tags,
        summary: 'Change a routing rule; fields left out stay as they are',
        params: IdParams,
        body: RoutingRulePatch,
        response: { 200: RoutingRule, ...ERROR_RESPONSES },
      },
      config: { guard: 'admin' },
    },
    async (request) => updateRule(ctxOf(request, db), db, request.params.id, request.body),
  );

  app.delete(
    '/api/v1/routing-rules/:id',
    {
      schema: { tags, summary: 'Delete a routing rule', params: IdParams, response: { 204: Type.Null(), ...ERROR_RESPONSES } },
      config: { guard: 'admin' },
    },
    async (request, reply) => {
      await deleteRule(ctxOf(request, db), db, request.params.id);
      return reply.status(204).send(null);
    },
  );
}
