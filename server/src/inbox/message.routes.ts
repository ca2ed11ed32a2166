/** HTTP routes for a conversation's messages: reading them, replying and adding internal notes. */
import type { App } from '../platform/http/app-types.js';
import type { AppDeps } from '../platform/module.js';
import { ctxOf } from '../platform/http/ctx.js';
import { ERROR_RESPONSES, IdParams, Page } from '../platform/http/schemas.js';
import { Message, MessageListQuery, NoteInput, NoteResult, ReplyInput } from './message.schema.js';
import { addNote, listMessages, replyToConversation } from './message.service.js';

const tags = ['inbox'];

export function messageRoutes(app: App, { db }: AppDeps) {
  app.get(
    '/api/v1/conversations/:id/messages',
    {
      schema: {
        tags,
        summary: 'Messages and notes of a conversation, oldest first, with sanitised HTML',
        params: IdParams,
        querystring: MessageListQuery,
        response: { 200: Page(Message), ...ERROR_RESPONSES },
      },
      config: { guard: 'viewer' },
    },
    async (request) => listMessages(ctxOf(request, db), request.params.id, request.query),
  );

  app.post(
    '/api/v1/conversations/:id/replies',
    {
      schema: {
        tags,
        summary: 'Reply to the customer on the conversation’s channel; queued for delivery (honours Idempotency-Key)',
        params: IdParams,
        body: ReplyInput,
        response: { 201: Message, ...ERROR_RESPONSES },
      },
      config: { guard: 'agent', idempotent: true },
    },
    async (request, reply) => reply.status(201).send(await replyToConversation(ctxOf(request, db), db, request.params.id, request.body)),
  );

  app.post(
    '/api/v1/conversations/:id/notes',
    {
      schema: {
        tags,
        summary:
          'Add an internal note; mentioned colleagues (ids or @Name) who can see the conversation are notified, the others are listed in undeliveredMentions (honours Idempotency-Key)',
        params: IdParams,
        body: NoteInput,
        response: { 201: NoteResult, ...ERROR_RESPONSES },
      },
      config: { guard: 'agent', idempotent: true },
    },
    async (request, reply) => reply.status(201).send(await addNote(ctxOf(request, db), db, request.params.id, request.body)),
  );
}
