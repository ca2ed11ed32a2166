/** HTTP routes for the workspace's SLA policy. */
import type { App } from '../platform/http/app-types.js';
import type { AppDeps } from '../platform/module.js';
import { ctxOf } from '../platform/http/ctx.js';
import { ERROR_RESPONSES } from '../platform/http/schemas.js';
import { SlaPolicy, SlaPolicyInput } from './sla.schema.js';
import { getSlaPolicy, putSlaPolicy } from './sla.service.js';

const tags = ['inbox'];

export function slaRoutes(app: App, { db }: AppDeps) {
  app.get(
    '/api/v1/inbox/sla-policy',
    {
      schema: { tags, summary: 'The SLA policy (all targets null when none is set)', response: { 200: SlaPolicy, ...ERROR_RESPONSES } },
      config: { guard: 'viewer' },
    },
    async (request) => getSlaPolicy(ctxOf(request, db)),
  );

  app.put(
    '/api/v1/inbox/sla-policy',
    {
      schema: {
        tags,
        summary: 'Set response and resolution targets in minutes, optionally counted in business hours; applies to new clocks',
        body: SlaPolicyInput,
        response: { 200: SlaPolicy, ...ERROR_RESPONSES },
      },
      config: { guard: 'admin' },
    },
    async (request) => putSlaPolicy(ctxOf(request, db), db, request.body),
  );
}
