/** HTTP routes for the workspace's scoring settings and on-demand recomputation. */
import type { App } from '../platform/http/app-types.js';
import type { AppDeps } from '../platform/module.js';
import { ctxOf } from '../platform/http/ctx.js';
import { ERROR_RESPONSES } from '../platform/http/schemas.js';
import { RecomputeResult, RelationshipSettings, RelationshipSettingsInput } from './score.schema.js';
import { getRelationshipSettings, putRelationshipSettings, recomputeScores } from './score.service.js';

const tags = ['relationship'];

export function scoreRoutes(app: App, { db }: AppDeps) {
  app.get(
    '/api/v1/relationship/settings',
    {
      schema: {
        tags,
        summary: 'How value scores, tiers and health are computed (the defaults until changed)',
        response: { 200: RelationshipSettings, ...ERROR_RESPONSES },
      },
      config: { guard: 'viewer' },
    },
    async (request) => getRelationshipSettings(ctxOf(request, db)),
  );

  app.put(
    '/api/v1/relationship/settings',
    {
      schema: {
        tags,
        summary: 'Set the value weights, the monetary field, the tiers and when a relationship counts as quiet; rescores the workspace',
        body: RelationshipSettingsInput,
        response: { 200: RelationshipSettings, ...ERROR_RESPONSES },
      },
      config: { guard: 'admin' },
    },
    async (request) => putRelationshipSettings(ctxOf(request, db), db, request.body),
  );

  app.post(
    '/api/v1/relationship/recompute',
    {
      schema: {
        tags,
        summary: 'Recompute every contact’s scores now (they are also recomputed nightly and after each change)',
        response: { 200: RecomputeResult, ...ERROR_RESPONSES },
      },
      config: { guard: 'admin', idempotent: true },
    },
    async (request) => recomputeScores(ctxOf(request, db), db),
  );
}
