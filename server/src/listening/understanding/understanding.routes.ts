/** HTTP routes for intent corrections and for analysing a text on demand. */
import { Type } from 'typebox';
import type { App } from '../../platform/http/app-types.js';
import { ctxOf } from '../../platform/http/ctx.js';
import { DateTime, ERROR_RESPONSES, OneOf, Page, PageQuery, Uuid } from '../../platform/http/schemas.js';
import type { AppDeps } from '../../platform/module.js';
import { INTENT_LABELS, correctIntent, listIntentCorrections } from './intent-correction.service.js';
import { cachedIntentModel, refreshIntentModel } from './workspace-intent-models.js';
import { loadAnalysis } from './text-understanding.js';

const tags = ['listening'];
const Intent = OneOf(INTENT_LABELS);
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

export function understandingRoutes(app: App, { db }: AppDeps) {
  app.post(
    '/api/v1/listening/intent-corrections',
    {
      schema: {
        tags,
        summary: "Correct a message's intent; the workspace's model learns from it",
        description:
          'With `mentionId`, the intent of that mention of the message is corrected. A mention read from what the message says ' +
          'about its own subject (a post naming several of the queries’ subjects in different sentences) is corrected alone, ' +
          'and the model does not learn from it (`learned: false`); otherwise the message and every mention carrying its intent are.',
        body: Type.Object({ messageId: Uuid, intent: Intent, mentionId: Type.Optional(Uuid) }, { additionalProperties: false }),
        response: {
          200: Type.Object({
            messageId: Type.String(),
            intent: Type.String(),
            previousIntent: Nullable(Type.String()),
            mentionIds: Type.Array(Type.String(), { description: 'the mentions whose intent changed' }),
            learned: Type.Boolean({ description: "whether the workspace's model learned from the correction" }),
          }),
          ...ERROR_RESPONSES,
        },
      },
      config: { guard: 'agent', idempotent: true },
    },
    async (request) => correctIntent(ctxOf(request, db), db, request.body.messageId, request.body.intent, request.body.mentionId),
  );

  app.get(
    '/api/v1/listening/intent-corrections',
    {
      schema: {
        tags,
        summary: 'Intent corrections, newest first',
        querystring: Type.Object(PageQuery, { additionalProperties: false }),
        response: {
          200: Page(
            Type.Object({
              messageId: Type.String(),
              intent: Type.String(),
              previousIntent: Nullable(Type.String()),
              correctedBy: Nullable(Type.String()),
              createdAt: DateTime,
            }),
          ),
          ...ERROR_RESPONSES,
        },
      },
      config: { guard: 'viewer' },
    },
    async (request) => listIntentCorrections(ctxOf(request, db), request.query),
  );

  app.post(
    '/api/v1/nlp/analyze',
    {
      schema: {
        tags,
        summary: "Analyse a text as the pipeline would (sentiment, language, intent with this workspace's model, entities)",
        body: Type.Object({ text: Type.String({ maxLength: 100_000 }) }, { additionalProperties: false }),
        response: { 200: Type.Record(Type.String(), Type.Unknown()), ...ERROR_RESPONSES },
      },
      config: { guard: 'viewer', scopes: ['read'], idempotent: true },
    },
    async (request) => {
      const ctx = ctxOf(request, db);
      await refreshIntentModel(db, ctx.workspaceId);
      const { analyzeText } = await loadAnalysis();
      return { ...analyzeText(request.body.text, cachedIntentModel(ctx.workspaceId)) };
    },
  );
}
