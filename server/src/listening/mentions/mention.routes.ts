/** HTTP routes for the mention stream, relevance marks, previews and actions on mentions. */
import { Type } from 'typebox';
import type { App } from '../../platform/http/app-types.js';
import { ctxOf } from '../../platform/http/ctx.js';
import { ERROR_RESPONSES, IdParams, NoQuery, Page, Problem } from '../../platform/http/schemas.js';
import type { AppDeps } from '../../platform/module.js';
import { mayUse, mentionActions } from '../actions/index.js';
import { runMentionAction } from '../actions/run-action.service.js';
import { BulkRelevanceInput, Mention, MentionListQuery, PreviewInput, PreviewResult, RelevanceInput } from './mention.schema.js';
import { getMention, listMentions, markRelevance, previewQuery } from './mention.service.js';
import { postStreamRoutes } from './post-stream.routes.js';

const tags = ['listening'];

const ActionResult = Type.Object({
  conversationId: Type.Optional(Type.String()),
  contactId: Type.Optional(Type.String()),
  summary: Type.String(),
});

export function mentionRoutes(app: App, deps: AppDeps) {
  const { db } = deps;
  postStreamRoutes(app, deps);
  app.get(
    '/api/v1/listening/mentions',
    {
      schema: {
        tags,
        summary:
          'The mention stream, newest first, filtered by query or group, sentiment, intent, channel, language, influence, date and text',
        querystring: MentionListQuery,
        response: { 200: Page(Mention), ...ERROR_RESPONSES },
      },
      config: { guard: 'viewer' },
    },
    async (request) => listMentions(ctxOf(request, db), request.query),
  );

  app.get(
    '/api/v1/listening/mentions/:id',
    {
      schema: { tags, summary: 'Get a mention', params: IdParams, response: { 200: Mention, ...ERROR_RESPONSES } },
      config: { guard: 'viewer' },
    },
    async (request) => getMention(ctxOf(request, db), request.params.id),
  );

  app.patch(
    '/api/v1/listening/mentions/:id',
    {
      schema: {
        tags,
        summary: 'Mark a mention relevant or irrelevant',
        params: IdParams,
        body: RelevanceInput,
        response: { 200: Mention, ...ERROR_RESPONSES },
      },
      config: { guard: 'agent' },
    },
    async (request) => (await markRelevance(ctxOf(request, db), db, [request.params.id], request.body.relevance))[0]!,
  );

  app.post(
    '/api/v1/listening/mentions/bulk',
    {
      schema: {
        tags,
        summary: 'Mark up to 500 mentions at once',
        body: BulkRelevanceInput,
        response: { 200: Type.Object({ updated: Type.Integer() }), ...ERROR_RESPONSES },
      },
      config: { guard: 'agent', idempotent: true },
    },
    async (request) => ({ updated: (await markRelevance(ctxOf(request, db), db, request.body.ids, request.body.relevance)).length }),
  );

  app.post(
    '/api/v1/listening/preview',
    {
      schema: {
        tags,
        summary: 'Run a query on the most recent public messages, without saving it',
        body: PreviewInput,
        response: { 200: PreviewResult, ...ERROR_RESPONSES },
      },
      config: { guard: 'viewer', scopes: ['read'], idempotent: true },
    },
    async (request) => previewQuery(ctxOf(request, db), request.body.query),
  );

  app.get(
    '/api/v1/listening/actions',
    {
      schema: {
        tags,
        summary: 'What the member may do with the mentions they see (a fixed set, not paged)',
        querystring: NoQuery,
        description:
          'The actions their role allows; for a member limited to their own or their teams’ records, not those that change the ' +
          'mention’s conversation (reply, hand to a team): listening’s conversations are nobody’s until brought into the inbox.',
        response: {
          200: Type.Object({
            data: Type.Array(Type.Object({ name: Type.String(), label: Type.String(), description: Type.String(), role: Type.String() })),
          }),
          ...ERROR_RESPONSES,
        },
      },
      config: { guard: 'viewer' },
    },
    async (request) => {
      const { actor } = ctxOf(request, db);
      const usable = mentionActions().filter((action) => mayUse(actor, action));
      return { data: usable.map(({ name, label, description, role }) => ({ name, label, description, role })) };
    },
  );

  app.post(
    '/api/v1/listening/mentions/:id/actions/:action',
    {
      schema: {
        tags,
        summary: 'Act on a mention: reply, hand to a team, make a lead, add as contact',
        params: Type.Object({
          id: IdParams.properties.id,
          action: Type.String({ pattern: '^[a-z][a-z-]{0,40}$', patternReason: 'must be the name of an action, such as make-lead' }),
        }),
        body: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
        response: { 200: ActionResult, ...ERROR_RESPONSES, 422: Problem },
      },
      config: { guard: 'agent' },
    },
    async (request) => runMentionAction(ctxOf(request, db), db, request.params.id, request.params.action, request.body ?? {}),
  );
}
