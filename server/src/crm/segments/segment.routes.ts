/** HTTP routes for segments (saved views). */
import { Type } from 'typebox';
import type { App } from '../../platform/http/app-types.js';
import type { AppDeps } from '../../platform/module.js';
import { ctxOf } from '../../platform/http/ctx.js';
import { ERROR_RESPONSES, IdParams, Page, PageQuery } from '../../platform/http/schemas.js';
import { Contact } from '../contacts/contact.schema.js';
import { Segment, SegmentInput, SegmentListQuery, SegmentPatch } from './segment.schema.js';
import { countSegment, createSegment, deleteSegment, getSegment, listSegments, segmentContacts, updateSegment } from './segment.service.js';

export function segmentRoutes(app: App, { db }: AppDeps) {
  app.get(
    '/api/v1/segments',
    {
      schema: {
        tags: ['segments'],
        summary: 'List my saved views and the shared ones, all of them (not paged)',
        querystring: SegmentListQuery,
        response: { 200: Type.Object({ data: Type.Array(Segment) }), ...ERROR_RESPONSES },
      },
      config: { guard: 'viewer' },
    },
    async (request) => ({ data: await listSegments(ctxOf(request, db), request.query.entity) }),
  );

  // Saved views are a reading aid, so viewers may keep their own too.
  app.post(
    '/api/v1/segments',
    {
      schema: { tags: ['segments'], summary: 'Save a view', body: SegmentInput, response: { 201: Segment, ...ERROR_RESPONSES } },
      config: { guard: 'viewer', idempotent: true },
    },
    async (request, reply) => reply.status(201).send(await createSegment(ctxOf(request, db), db, request.body)),
  );

  app.get(
    '/api/v1/segments/:id',
    {
      schema: { tags: ['segments'], summary: 'Get a saved view', params: IdParams, response: { 200: Segment, ...ERROR_RESPONSES } },
      config: { guard: 'viewer' },
    },
    async (request) => getSegment(ctxOf(request, db), request.params.id),
  );

  app.patch(
    '/api/v1/segments/:id',
    {
      schema: {
        tags: ['segments'],
        summary: 'Change a saved view (its owner or an admin)',
        params: IdParams,
        body: SegmentPatch,
        response: { 200: Segment, ...ERROR_RESPONSES },
      },
      config: { guard: 'viewer' },
    },
    async (request) => updateSegment(ctxOf(request, db), db, request.params.id, request.body),
  );

  app.delete(
    '/api/v1/segments/:id',
    {
      schema: {
        tags: ['segments'],
        summary: 'Delete a saved view (its owner or an admin)',
        params: IdParams,
        response: { 204: Type.Null(), ...ERROR_RESPONSES },
      },
      config: { guard: 'viewer' },
    },
    async (request, reply) => {
      await deleteSegment(ctxOf(request, db), db, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/segments/:id/count',
    {
      schema: {
        tags: ['segments'],
        summary: 'How many records the view holds for the caller',
        params: IdParams,
        response: { 200: Type.Object({ count: Type.Integer() }), ...ERROR_RESPONSES },
      },
      config: { guard: 'viewer' },
    },
    async (request) => countSegment(ctxOf(request, db), request.params.id),
  );

  app.get(
    '/api/v1/segments/:id/contacts',
    {
      schema: {
        tags: ['segments'],
        summary: 'The contacts of a contact view, a page at a time',
        params: IdParams,
        querystring: Type.Object(PageQuery, { additionalProperties: false }),
        response: { 200: Page(Contact), ...ERROR_RESPONSES },
      },
      config: { guard: 'viewer' },
    },
    async (request) => segmentContacts(ctxOf(request, db), request.params.id, request.query),
  );
}
