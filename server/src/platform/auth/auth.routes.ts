/** Sign-in, sign-out, the current session, and API token management. */
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import type { App } from '../http/app-types.js';
import type { AppDeps } from '../module.js';
import { ctxOf } from '../http/ctx.js';
import { ERROR_RESPONSES, IdParams, DateTime, NoQuery, Problem, Uuid } from '../http/schemas.js';
import { findWorkspace } from '../workspaces/workspace.repo.js';
import { findMember } from '../workspaces/workspace.repo.js';
import { ReceivedInvitationView } from '../workspaces/invitation.routes.js';
import { listMemberships } from './auth.repo.js';
import { SESSION_COOKIE, SESSION_TTL_MS, requirePrincipal, signIn, switchWorkspace } from './auth.service.js';
import { createApiToken, listApiTokens, revokeApiToken } from './token.service.js';

const SessionView = Type.Object({
  user: Type.Object({ id: Type.String(), email: Type.String(), name: Type.String() }),
  workspace: Type.Object({ id: Type.String(), name: Type.String(), slug: Type.String() }),
  role: Type.String(),
  recordScope: Type.String(),
  teamIds: Type.Array(Type.String()),
  csrfToken: Type.Union([Type.String(), Type.Null()]),
  workspaces: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), role: Type.String() }), {
    description: 'Every workspace the user belongs to: a session can switch to any of them',
  }),
});

const TokenView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  prefix: Type.String(),
  scopes: Type.Array(Type.String()),
  createdAt: DateTime,
  lastUsedAt: Type.Union([DateTime, Type.Null()]),
  revokedAt: Type.Union([DateTime, Type.Null()]),
});

/** A refused sign-in: with code `no_workspace`, the invitations the account can sign in by accepting. */
const SignInRefusal = Type.Object(
  {
    ...Problem.properties,
    invitations: Type.Optional(
      Type.Array(ReceivedInvitationView, { description: 'With `no_workspace`: the invitations waiting for the account, none if empty' }),
    ),
  },
  { description: (Problem as { description?: string }).description },
);

export function authRoutes(app: App, deps: AppDeps) {
  const { db, authenticator, config } = deps;

  async function sessionView(principal: ReturnType<typeof requirePrincipal>) {
    const member = await findMember(db, principal.workspaceId, principal.userId);
    const workspace = await findWorkspace(db, principal.workspaceId);
    return {
      user: { id: principal.userId, email: member?.email ?? '', name: member?.name ?? '' },
      workspace: { id: workspace!.id, name: workspace!.name, slug: workspace!.slug },
      role: principal.role,
      recordScope: principal.recordScope,
      teamIds: principal.teamIds,
      csrfToken: principal.csrfToken,
      workspaces: await listMemberships(db, principal.userId),
    };
  }

  function setSessionCookie(reply: FastifyReply, sessionToken: string) {
    reply.setCookie(SESSION_COOKIE, sessionToken, {
      httpOnly: true,
      sameSite: 'lax',
      secure: config.cookieSecure,
      path: '/',
      maxAge: SESSION_TTL_MS / 1000,
    });
  }

  app.post(
    '/api/v1/auth/sign-in',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign in with e-mail and password; sets the session cookie',
        description:
          "`acceptInvitation` (an invitation's id) accepts one of the account's invitations on the way in, and opens the session in its workspace. An account that belongs to no workspace is refused with 403 `no_workspace`, which lists the invitations waiting for it: signing in accepting one is its way in.",
        body: Type.Object(
          {
            email: Type.String({ minLength: 3, maxLength: 320 }),
            password: Type.String({ minLength: 1, maxLength: 1024 }),
            acceptInvitation: Type.Optional(Uuid),
          },
          { additionalProperties: false },
        ),
        response: { 200: SessionView, ...ERROR_RESPONSES, 403: SignInRefusal },
      },
      config: {
        guard: 'public',
        rateLimit: {
          max: config.loginRateLimitPerMinute,
          timeWindow: '1 minute',
          keyGenerator: (request) => {
            const body = request.body as { email?: unknown } | undefined;
            const email = typeof body?.email === 'string' ? body.email.toLowerCase() : '';
            return `${request.ip}|${email}`;
          },
        },
      },
    },
    async (request, reply) => {
      const { sessionToken, principal } = await signIn(db, request.body);
      setSessionCookie(reply, sessionToken);
      return sessionView(principal);
    },
  );

  app.post(
    '/api/v1/auth/switch-workspace',
    {
      schema: {
        tags: ['auth'],
        summary: 'Move the signed-in session to another workspace the user belongs to; sets a new session cookie',
        body: Type.Object({ workspaceId: Type.String({ format: 'uuid' }) }, { additionalProperties: false }),
        response: { 200: SessionView, ...ERROR_RESPONSES },
      },
      config: { guard: 'authenticated' },
    },
    async (request, reply) => {
      const current = requirePrincipal(request.principal);
      const { sessionToken, principal } = await switchWorkspace(db, current, request.body.workspaceId);
      if (current.sessionHash) await authenticator.signOut(current.sessionHash);
      setSessionCookie(reply, sessionToken);
      return sessionView(principal);
    },
  );

  app.post(
    '/api/v1/auth/sign-out',
    {
      schema: { tags: ['auth'], summary: 'End the current session', response: { 204: Type.Null(), ...ERROR_RESPONSES } },
      config: { guard: 'authenticated' },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request.principal);
      if (principal.sessionHash) await authenticator.signOut(principal.sessionHash);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/auth/session',
    {
      schema: {
        tags: ['auth'],
        summary: 'Who is signed in, where, and the CSRF token for writes',
        response: { 200: SessionView, ...ERROR_RESPONSES },
      },
      config: { guard: 'authenticated' },
    },
    async (request) => sessionView(requirePrincipal(request.principal)),
  );

  app.get(
    '/api/v1/api-tokens',
    {
      schema: {
        tags: ['auth'],
        summary: 'List API tokens, all of them (not paged)',
        querystring: NoQuery,
        response: { 200: Type.Object({ data: Type.Array(TokenView) }), ...ERROR_RESPONSES },
      },
      config: { guard: 'admin' },
    },
    async (request) => ({ data: await listApiTokens(ctxOf(request, db)) }),
  );

  app.post(
    '/api/v1/api-tokens',
    {
      schema: {
        tags: ['auth'],
        summary: 'Create an API token; the secret is returned once',
        description:
          'Needs a signed-in session: an API token cannot create API tokens (403), so a leaked one cannot outlive its revocation.',
        body: Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 100 }),
            scopes: Type.Array(Type.Union([Type.Literal('read'), Type.Literal('write')]), { minItems: 1, maxItems: 2 }),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Intersect([TokenView, Type.Object({ token: Type.String() })]), ...ERROR_RESPONSES },
      },
      // Not idempotent on purpose: a stored replay would keep the token's secret in clear text.
      config: { guard: 'admin' },
    },
    async (request, reply) => reply.status(201).send(await createApiToken(ctxOf(request, db), request.body)),
  );

  app.delete(
    '/api/v1/api-tokens/:id',
    {
      schema: {
        tags: ['auth'],
        summary: 'Revoke an API token',
        description: 'An API token may revoke tokens, its own included: taking access away is not something a leaked one can use.',
        params: IdParams,
        response: { 204: Type.Null(), ...ERROR_RESPONSES },
      },
      config: { guard: 'admin' },
    },
    async (request, reply) => {
      await revokeApiToken(ctxOf(request, db), request.params.id);
      authenticator.forget();
      return reply.status(204).send(null);
    },
  );
}
