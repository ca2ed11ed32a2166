/** HTTP routes for merging contacts and undoing merges. Static paths win over `/contacts/:id` in Fastify's router. */
import type { App } from '../../platform/http/app-types.js';
import { ctxOf } from '../../platform/http/ctx.js';
import { ERROR_RESPONSES, IdParams, NoQuery } from '../../platform/http/schemas.js';
import type { AppDeps } from '../../platform/module.js';
import { ContactMerge, ContactMergeList, MergePreview, MergePreviewQuery, MergeRequest, UnmergeResult } from './merge.schema.js';
import { listMerges, mergeContacts, previewMerge } from './merge.service.js';
import { unmergeContacts } from './unmerge.service.js';

const tags = ['identity'];

export function mergeRoutes(app: App, { db }: AppDeps) {
  app.get(
    '/api/v1/contacts/merge-preview',
    {
      schema: {
        tags,
        summary: 'What merging two contacts would keep, field by field, and why',
        querystring: MergePreviewQuery,
        response: { 200: MergePreview, ...ERROR_RESPONSES },
      },
      config: { guard: 'agent' },
    },
    async (request) => previewMerge(ctxOf(request, db), request.query.survivorId, request.query.mergedId),
  );

  app.post(
    '/api/v1/contacts/merge',
    {
      schema: {
        tags,
        summary: 'Merge one contact into another, moving its history (honours Idempotency-Key)',
        body: MergeRequest,
        response: { 201: ContactMerge, ...ERROR_RESPONSES },
      },
      config: { guard: 'agent', idempotent: true },
    },
    async (request, reply) => reply.status(201).send(await mergeContacts(ctxOf(request, db), db, request.body)),
  );

  app.get(
    '/api/v1/contacts/:id/merges',
    {
      schema: {
        tags,
        summary: 'Merges into this contact, newest first; all of them (not paged)',
        params: IdParams,
        querystring: NoQuery,
        response: { 200: ContactMergeList, ...ERROR_RESPONSES },
      },
      config: { guard: 'viewer' },
    },
    async (request) => listMerges(ctxOf(request, db), request.params.id),
  );

  app.post(
    '/api/v1/merges/:id/unmerge',
    {
      schema: {
        tags,
        summary: 'Undo a merge: the merged contact and its history come back',
        params: IdParams,
        response: { 200: UnmergeResult, ...ERROR_RESPONSES },
      },
      config: { guard: 'agent' },
    },
    async (request) => unmergeContacts(ctxOf(request, db), db, request.params.id),
  );
}
