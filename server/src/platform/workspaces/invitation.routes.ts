/**
 * Invitations of existing accounts: the workspace's admins list and withdraw theirs; the invited
 * person, signed in wherever they are, lists theirs and accepts or declines them.
 */
import { Type } from 'typebox';
import type { App } from '../http/app-types.js';
import type { AppDeps } from '../module.js';
import { ctxOf } from '../http/ctx.js';
import { DateTime, ERROR_RESPONSES, IdParams, NoQuery } from '../http/schemas.js';
import { requirePrincipal } from '../auth/auth.service.js';
import { requireSignedInPerson } from '../auth/signed-in.policy.js';
import type { Principal } from '../auth/principal.js';
import * as service from './invitation.service.js';

export const InvitationView = Type.Object({
  id: Type.String(),
  email: Type.String({ description: 'The address the invitation was sent to' }),
  role: Type.String(),
  recordScope: Type.String(),
  teamIds: Type.Array(Type.String()),
  status: Type.Literal('invited'),
  createdAt: DateTime,
});

/** An invitation as the invited person sees it: where to, and as what. */
export const ReceivedInvitationView = Type.Object({
  id: Type.String(),
  workspace: Type.Object({ id: Type.String(), name: Type.String() }),
  role: Type.String(),
  createdAt: DateTime,
});

/** Invitations are the person's, not a workspace's: an API token, which belongs to one workspace, cannot answer them. */
function invitedPerson(principal: Principal | null): string {
  const person = requirePrincipal(principal);
  requireSignedInPerson(person, 'Only a signed-in person can see and answer their invitations');
  return person.userId;
}

export function invitationRoutes(app: App, deps: AppDeps) {
  const { db } = deps;

  app.get(
    '/api/v1/members/invitations',
    {
      schema: {
        tags: ['settings'],
        summary: 'List pending invitations of existing accounts to this workspace, all of them (not paged)',
        querystring: NoQuery,
        response: { 200: Type.Object({ data: Type.Array(InvitationView) }), ...ERROR_RESPONSES },
      },
      config: { guard: 'admin' },
    },
    async (request) => ({
      data: (await service.listInvitations(ctxOf(request, db))).map((i) => ({ ...i, status: 'invited' as const })),
    }),
  );

  app.delete(
    '/api/v1/members/invitations/:id',
    {
      schema: {
        tags: ['settings'],
        summary: 'Withdraw a pending invitation',
        params: IdParams,
        response: { 204: Type.Null(), ...ERROR_RESPONSES },
      },
      config: { guard: 'admin' },
    },
    async (request, reply) => {
      await service.withdrawInvitation(ctxOf(request, db), db, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/invitations',
    {
      schema: {
        tags: ['auth'],
        summary: 'Invitations to other workspaces waiting for the signed-in person, all of them (not paged)',
        querystring: NoQuery,
        response: { 200: Type.Object({ data: Type.Array(ReceivedInvitationView) }), ...ERROR_RESPONSES },
      },
      config: { guard: 'authenticated' },
    },
    async (request) => ({ data: await service.listReceivedInvitations(db, invitedPerson(request.principal)) }),
  );

  app.post(
    '/api/v1/invitations/:id/accept',
    {
      schema: {
        tags: ['auth'],
        summary: 'Accept an invitation: join its workspace, which the session can then switch to',
        params: IdParams,
        response: { 200: Type.Object({ workspaceId: Type.String() }), ...ERROR_RESPONSES },
      },
      config: { guard: 'authenticated' },
    },
    async (request) => service.acceptInvitation(db, invitedPerson(request.principal), request.params.id),
  );

  app.post(
    '/api/v1/invitations/:id/decline',
    {
      schema: {
        tags: ['auth'],
        summary: 'Decline an invitation; it is removed',
        params: IdParams,
        response: { 204: Type.Null(), ...ERROR_RESPONSES },
      },
      config: { guard: 'authenticated' },
    },
    async (request, reply) => {
      await service.declineInvitation(db, invitedPerson(request.principal), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
