/** HTTP routes for a contact's identities (viewers read, agents link and unlink) and the identity picker. */
import { Type } from 'typebox';
import type { App } from '../../platform/http/app-types.js';
import { ctxOf } from '../../platform/http/ctx.js';
import { ERROR_RESPONSES, IdParams, NoQuery } from '../../platform/http/schemas.js';
import type { AppDeps } from '../../platform/module.js';
import {
  ContactIdentityParams,
  IdentityContact,
  IdentityListQuery,
  IdentityPage,
  LinkedIdentities,
  LinkedIdentity,
  LinkIdentityInput,
} from './link.schema.js';
import { contactForIdentity } from './identity-contact.js';
import { contactIdentities, linkIdentityManually, listIdentities, unlinkIdentityManually } from './link.service.js';

const tags = ['identity'];

export function linkRoutes(app: App, { db }: AppDeps) {
  app.get(
    '/api/v1/contacts/:id/identities',
    {
      schema: {
        tags,
        summary: "The contact's linked identities, each with the evidence that linked it; all of them (not paged)",
        params: IdParams,
        querystring: NoQuery,
        response: { 200: LinkedIdentities, ...ERROR_RESPONSES },
      },
      config: { guard: 'viewer' },
    },
    async (request) => contactIdentities(ctxOf(request, db), request.params.id),
  );

  app.post(
    '/api/v1/contacts/:id/identities',
    {
      schema: {
        tags,
        summary: 'Link an identity to the contact (one linked elsewhere moves here)',
        params: IdParams,
        body: LinkIdentityInput,
        response: { 201: LinkedIdentity, ...ERROR_RESPONSES },
      },
      config: { guard: 'agent' },
    },
    async (request, reply) =>
      reply.status(201).send(await linkIdentityManually(ctxOf(request, db), db, request.params.id, request.body.identityId)),
  );

  app.delete(
    '/api/v1/contacts/:id/identities/:identityId',
    {
      schema: {
        tags,
        summary: 'Unlink an identity from the contact; matching will not link it again by itself',
        params: ContactIdentityParams,
        response: { 204: Type.Null(), ...ERROR_RESPONSES },
      },
      config: { guard: 'agent' },
    },
    async (request, reply) => {
      await unlinkIdentityManually(ctxOf(request, db), db, request.params.id, request.params.identityId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/identities',
    {
      schema: {
        tags,
        summary: 'Identities of every channel, to find one to link',
        querystring: IdentityListQuery,
        response: { 200: IdentityPage, ...ERROR_RESPONSES },
      },
      config: { guard: 'viewer' },
    },
    async (request) => listIdentities(ctxOf(request, db), request.query),
  );

  app.post(
    '/api/v1/identities/:id/contact',
    {
      schema: {
        tags,
        summary: 'Add the author as a contact: a new contact made from the identity and linked to it (or the one it is linked to)',
        params: IdParams,
        response: { 200: IdentityContact, 201: IdentityContact, ...ERROR_RESPONSES },
      },
      config: { guard: 'agent' },
    },
    async (request, reply) => {
      const { contact, created } = await contactForIdentity(ctxOf(request, db), db, request.params.id, {});
      return reply.status(created ? 201 : 200).send({ contact: { id: contact.id, displayName: contact.displayName }, created });
    },
  );
}
