/** HTTP routes for contacts. */
import { Type } from 'typebox';
import type { App } from '../../platform/http/app-types.js';
import type { AppDeps } from '../../platform/module.js';
import { ctxOf } from '../../platform/http/ctx.js';
import { ERROR_RESPONSES, IdParams, Page } from '../../platform/http/schemas.js';
import { Contact, ContactInput, ContactListQuery } from './contact.schema.js';
import { createContact, deleteContact, getContact, listContacts, updateContact } from './contact.service.js';

export function contactRoutes(app: App, { db }: AppDeps) {
  app.get(
    '/api/v1/contacts',
    {
      schema: {
        tags: ['contacts'],
        summary: 'List contacts with filters, sorting, search and cursor pagination',
        querystring: ContactListQuery,
        response: { 200: Page(Contact), ...ERROR_RESPONSES },
      },
      config: { guard: 'viewer' },
    },
    async (request) => listContacts(ctxOf(request, db), request.query),
  );

  app.post(
    '/api/v1/contacts',
    {
      schema: {
        tags: ['contacts'],
        summary: 'Create a contact (honours Idempotency-Key)',
        body: ContactInput,
        response: { 201: Contact, ...ERROR_RESPONSES },
      },
      config: { guard: 'agent', idempotent: true },
    },
    async (request, reply) => reply.status(201).send(await createContact(ctxOf(request, db), request.body)),
  );

  app.get(
    '/api/v1/contacts/:id',
    {
      schema: { tags: ['contacts'], summary: 'Get a contact', params: IdParams, response: { 200: Contact, ...ERROR_RESPONSES } },
      config: { guard: 'viewer' },
    },
    async (request) => getContact(ctxOf(request, db), request.params.id),
  );

  app.patch(
    '/api/v1/contacts/:id',
    {
      schema: {
        tags: ['contacts'],
        summary: 'Change a contact; fields left out stay as they are',
        params: IdParams,
        body: ContactInput,
        response: { 200: Contact, ...ERROR_RESPONSES },
      },
      config: { guard: 'agent' },
    },
    async (request) => updateContact(ctxOf(request, db), db, request.params.id, request.body),
  );

  app.delete(
    '/api/v1/contacts/:id',
    {
      schema: { tags: ['contacts'], summary: 'Delete a contact', params: IdParams, response: { 204: Type.Null(), ...ERROR_RESPONSES } },
      config: { guard: 'agent' },
    },
    async (request, reply) => {
      await deleteContact(ctxOf(request, db), db, request.params.id);
      return reply.status(204).send(null);
    },
  );
}
