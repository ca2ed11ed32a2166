/** Workspaces a person creates, and settings: members (roles, record scope) and teams. */
import { Type } from 'typebox';
import type { App } from '../http/app-types.js';
import type { AppDeps } from '../module.js';
import { ctxOf } from '../http/ctx.js';
import { DateTime, ERROR_RESPONSES, IdParams, NoQuery, Uuid } from '../http/schemas.js';
import * as service from './workspace.service.js';
import { addOrInviteMember } from './invitation.service.js';
import { invitationRoutes } from './invitation.routes.js';
import { requirePrincipal } from '../auth/auth.service.js';
import { NewMemberBody, NewWorkspaceBody, RoleSchema, ScopeSchema } from './workspace.schema.js';

const MemberView = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  role: Type.String(),
  recordScope: Type.String(),
  teamIds: Type.Array(Type.String()),
  createdAt: DateTime,
});

/**
 * One shape whether the address was new (an account and a member at once) or had an account (an
 * invitation, identified by its own id): an invitation shows no name, the account's being its owner's.
 */
const AddedMemberView = Type.Object({
  status: Type.Union([Type.Literal('active'), Type.Literal('invited')]),
  id: Type.String({ description: "The member's user id, or the invitation's id" }),
  email: Type.String(),
  name: Type.Union([Type.String(), Type.Null()]),
  role: Type.String(),
  recordScope: Type.String(),
  teamIds: Type.Array(Type.String()),
  createdAt: DateTime,
  notice: Type.Union([Type.String(), Type.Null()], { description: 'Why the given name and password were not used' }),
});

const WorkspaceView = Type.Object({ id: Type.String(), name: Type.String(), slug: Type.String(), createdAt: DateTime });

const TeamView = Type.Object({ id: Type.String(), name: Type.String(), memberIds: Type.Array(Type.String()), createdAt: DateTime });

export function workspaceRoutes(app: App, deps: AppDeps) {
  const { db, authenticator } = deps;

  app.post(
    '/api/v1/workspaces',
    {
      schema: {
        tags: ['auth'],
        summary: 'Create a workspace owned by the signed-in person; the session can then switch to it',
        description: `Needs a signed-in session: an API token belongs to its workspace and cannot create workspaces (403). Whatever their role where they are, a person may create workspaces until they own ${service.MAX_OWNED_WORKSPACES} (409 \`workspace_limit\`). The new workspace has its creator as its only member, and every setting at its default.`,
        body: NewWorkspaceBody,
        response: { 201: WorkspaceView, ...ERROR_RESPONSES },
      },
      config: { guard: 'authenticated', idempotent: true },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createOwnWorkspace(requirePrincipal(request.principal), db, request.body)),
  );

  app.get(
    '/api/v1/members',
    {
      schema: {
        tags: ['settings'],
        summary: 'List workspace members, all of them (not paged)',
        querystring: NoQuery,
        response: { 200: Type.Object({ data: Type.Array(MemberView) }), ...ERROR_RESPONSES },
      },
      config: { guard: 'viewer' },
    },
    async (request) => ({ data: await service.listMembers(ctxOf(request, db)) }),
  );

  app.post(
    '/api/v1/members',
    {
      schema: {
        tags: ['settings'],
        summary: 'Add a member: a new e-mail becomes an account and a member; an existing account is invited',
        description:
          'Needs a signed-in session: an API token cannot add or invite members (403), so a leaked one cannot make itself an account.',
        body: NewMemberBody,
        response: { 201: AddedMemberView, ...ERROR_RESPONSES },
      },
      config: { guard: 'admin', idempotent: true },
    },
    async (request, reply) => reply.status(201).send(await addOrInviteMember(ctxOf(request, db), db, request.body)),
  );

  app.patch(
    '/api/v1/members/:id',
    {
      schema: {
        tags: ['settings'],
        summary: "Change a member's role or record scope",
        description:
          'Raising a role or widening a record scope (`own` → `team` → `all`) needs a signed-in session: an API token cannot (403). A token may lower a role or narrow a scope.',
        params: IdParams,
        body: Type.Object(
          { role: Type.Optional(RoleSchema), recordScope: Type.Optional(ScopeSchema) },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: MemberView, ...ERROR_RESPONSES },
      },
      config: { guard: 'admin' },
    },
    async (request) => {
      const member = await service.changeMember(ctxOf(request, db), db, request.params.id, request.body);
      authenticator.forget();
      return member;
    },
  );

  app.delete(
    '/api/v1/members/:id',
    {
      schema: {
        tags: ['settings'],
        summary: 'Remove a member from the workspace',
        params: IdParams,
        response: { 204: Type.Null(), ...ERROR_RESPONSES },
      },
      config: { guard: 'admin' },
    },
    async (request, reply) => {
      await service.removeMember(ctxOf(request, db), db, request.params.id);
      authenticator.forget();
      return reply.status(204).send(null);
    },
  );

  invitationRoutes(app, deps);

  app.get(
    '/api/v1/teams',
    {
      schema: {
        tags: ['settings'],
        summary: 'List teams, all of them (not paged)',
        querystring: NoQuery,
        response: { 200: Type.Object({ data: Type.Array(TeamView) }), ...ERROR_RESPONSES },
      },
      config: { guard: 'viewer' },
    },
    async (request) => ({ data: await service.listTeams(ctxOf(request, db)) }),
  );

  const TeamBody = {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    memberIds: Type.Array(Uuid, { maxItems: 1000 }),
  };

  app.post(
    '/api/v1/teams',
    {
      schema: {
        tags: ['settings'],
        summary: 'Create a team',
        body: Type.Object({ name: TeamBody.name, memberIds: Type.Optional(TeamBody.memberIds) }, { additionalProperties: false }),
        response: { 201: TeamView, ...ERROR_RESPONSES },
      },
      config: { guard: 'admin', idempotent: true },
    },
    async (request, reply) => {
      const team = await service.createTeam(ctxOf(request, db), db, request.body);
      authenticator.forget();
      return reply.status(201).send(team);
    },
  );

  app.patch(
    '/api/v1/teams/:id',
    {
      schema: {
        tags: ['settings'],
        summary: 'Rename a team or set its members',
        params: IdParams,
        body: Type.Object(
          { name: Type.Optional(TeamBody.name), memberIds: Type.Optional(TeamBody.memberIds) },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: TeamView, ...ERROR_RESPONSES },
      },
      config: { guard: 'admin' },
    },
    async (request) => {
      const team = await service.changeTeam(ctxOf(request, db), db, request.params.id, request.body);
      authenticator.forget();
      return team;
    },
  );

  app.delete(
    '/api/v1/teams/:id',
    {
      schema: { tags: ['settings'], summary: 'Delete a team', params: IdParams, response: { 204: Type.Null(), ...ERROR_RESPONSES } },
      config: { guard: 'admin' },
    },
    async (request, reply) => {
      await service.deleteTeam(ctxOf(request, db), db, request.params.id);
      authenticator.forget();
      return reply.status(204).send(null);
    },
  );
}
