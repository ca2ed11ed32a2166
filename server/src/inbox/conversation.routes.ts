/** HTTP routes for conversations: the inbox list and counts, one conversation, changes, merge, bulk and presence. */
import { Type } from 'typebox';
import type { App } from '../platform/http/app-types.js';
import type { AppDeps } from '../platform/module.js';
import { ctxOf } from '../platform/http/ctx.js';
import { ERROR_RESPONSES, IdParams, NoQuery, OneOf, Page } from '../platform/http/schemas.js';
import { notFound } from '../platform/http/errors.js';
import {
  BulkInput,
  Conversation,
  ConversationCounts,
  ConversationCountsQuery,
  ConversationListQuery,
  ConversationPatch,
  LabelSuggestions,
  MergeInput,
} from './conversation.schema.js';
import { countConversations, getConversation, listConversations, suggestLabels, updateConversation } from './conversation.service.js';
import { bulkUpdate, mergeConversation } from './conversation-bulk.service.js';
import { findConversation, memberName } from './conversation.repo.js';
import type { Presence } from './presence.js';

const tags = ['inbox'];

export function conversationRoutes(app: App, { db }: AppDeps, presence: Presence) {
  app.get(
    '/api/v1/conversations',
    {
      schema: {
        tags,
        summary: 'The inbox: conversations by view, status and filters, most recent activity first, with cursor pagination',
        querystring: ConversationListQuery,
        response: { 200: Page(Conversation), ...ERROR_RESPONSES },
      },
      config: { guard: 'viewer' },
    },
    async (request) => listConversations(ctxOf(request, db), request.query),
  );

  app.get(
    '/api/v1/conversations/counts',
    {
      schema: {
        tags,
        summary:
          'How many conversations each view (at the given status) and each status (in the given view) would list with these filters, spam left out; and how many are spam',
        querystring: ConversationCountsQuery,
        response: { 200: ConversationCounts, ...ERROR_RESPONSES },
      },
      config: { guard: 'viewer' },
    },
    async (request) => countConversations(ctxOf(request, db), request.query),
  );

  app.get(
    '/api/v1/conversations/labels',
    {
      schema: {
        tags,
        summary: 'The labels in use, each once whatever its case, most used first (at most 500, not paged): what label inputs suggest',
        querystring: NoQuery,
        response: { 200: LabelSuggestions, ...ERROR_RESPONSES },
      },
      config: { guard: 'viewer' },
    },
    async (request) => suggestLabels(ctxOf(request, db)),
  );

  app.post(
    '/api/v1/conversations/bulk',
    {
      schema: {
        tags,
        summary: 'Apply one action to up to 500 conversations (honours Idempotency-Key); reports how many changed',
        body: BulkInput,
        response: { 200: Type.Object({ updated: Type.Integer() }), ...ERROR_RESPONSES },
      },
      config: { guard: 'agent', idempotent: true },
    },
    async (request) => bulkUpdate(ctxOf(request, db), db, request.body),
  );

  app.get(
    '/api/v1/conversations/:id',
    {
      schema: {
        tags,
        summary: 'Get a conversation, with who is viewing it right now',
        params: IdParams,
        response: { 200: Conversation, ...ERROR_RESPONSES },
      },
      config: { guard: 'viewer' },
    },
    async (request) => getConversation(ctxOf(request, db), request.params.id, presence),
  );

  app.patch(
    '/api/v1/conversations/:id',
    {
      schema: {
        tags,
        summary: 'Change status, snooze, priority, assignee, team, labels or spam; fields left out stay as they are',
        params: IdParams,
        body: ConversationPatch,
        response: { 200: Conversation, ...ERROR_RESPONSES },
      },
      config: { guard: 'agent' },
    },
    async (request) => updateConversation(ctxOf(request, db), db, request.params.id, request.body),
  );

  app.post(
    '/api/v1/conversations/:id/merge',
    {
      schema: {
        tags,
        summary: 'Merge this conversation into another: its messages move there and it is resolved',
        params: IdParams,
        body: MergeInput,
        response: { 200: Conversation, ...ERROR_RESPONSES },
      },
      config: { guard: 'agent' },
    },
    async (request) => mergeConversation(ctxOf(request, db), db, request.params.id, request.body.targetId),
  );

  app.post(
    '/api/v1/conversations/:id/presence',
    {
      schema: {
        tags,
        summary: 'Say you are viewing or replying to a conversation, or left it; renew every ~10 s (it expires after 30 s)',
        params: IdParams,
        body: Type.Object({ activity: OneOf(['viewing', 'replying', 'left'] as const) }, { additionalProperties: false }),
        response: { 204: Type.Null(), ...ERROR_RESPONSES },
      },
      config: { guard: 'viewer', scopes: ['read', 'write'] },
    },
    async (request, reply) => {
      const ctx = ctxOf(request, db);
      const conversation = await findConversation(ctx, request.params.id);
      if (!conversation || !ctx.actor.userId) throw notFound('Conversation');
      const name = (await memberName(db, ctx.workspaceId, ctx.actor.userId)) ?? 'A colleague';
      await presence.update(ctx.workspaceId, conversation.id, { userId: ctx.actor.userId, name }, request.body.activity, {
        ownerId: conversation.assigneeId,
        teamId: conversation.teamId,
      });
      return reply.status(204).send(null);
    },
  );
}
