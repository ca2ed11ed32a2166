/**
 * The signed-in person's own account: `GET`/`PATCH /api/v1/account`, `PUT /api/v1/account/password`,
 * and `POST /api/v1/auth/sign-out-others`.
 */
import { Type } from 'typebox';
import type { App } from '../http/app-types.js';
import type { AppDeps } from '../module.js';
import { ERROR_RESPONSES } from '../http/schemas.js';
import { requirePrincipal } from '../auth/auth.service.js';
import { AccountChanges, AccountView, PasswordChange } from './account.schema.js';
import { accountOf, changeOwnPassword, endOtherSessions, renameSelf } from './account.service.js';

export function accountRoutes(app: App, { db, authenticator, config }: AppDeps) {
  app.get(
    '/api/v1/account',
    {
      schema: { tags: ['auth'], summary: 'The signed-in person', response: { 200: AccountView, ...ERROR_RESPONSES } },
      config: { guard: 'authenticated' },
    },
    async (request) => accountOf(db, requirePrincipal(request.principal)),
  );

  app.patch(
    '/api/v1/account',
    {
      schema: {
        tags: ['auth'],
        summary: 'Change your own name (shown in every workspace you belong to)',
        body: AccountChanges,
        response: { 200: AccountView, ...ERROR_RESPONSES },
      },
      config: { guard: 'authenticated' },
    },
    async (request) => renameSelf(db, requirePrincipal(request.principal), request.body.name),
  );

  app.put(
    '/api/v1/account/password',
    {
      schema: {
        tags: ['auth'],
        summary: 'Change your own password (signed in with a session, not a token); your other sessions end',
        body: PasswordChange,
        response: { 200: Type.Object({ sessionsEnded: Type.Integer() }), ...ERROR_RESPONSES },
      },
      config: {
        guard: 'authenticated',
        // A stolen session must not be a way to guess the password it came from: counted per person,
        // not per address, so guesses sent from many addresses share one limit.
        rateLimit: {
          max: config.loginRateLimitPerMinute,
          timeWindow: '1 minute',
          keyGenerator: (request) => `password|${request.principal?.userId ?? ''}`,
        },
      },
    },
    async (request) => {
      const result = await changeOwnPassword(db, requirePrincipal(request.principal), request.body);
      // Sessions ended must stop working now, not when their cached principal expires.
      authenticator.forget();
      return result;
    },
  );

  app.post(
    '/api/v1/auth/sign-out-others',
    {
      schema: {
        tags: ['auth'],
        summary: 'End all your sessions but this one, in every workspace',
        response: { 200: Type.Object({ sessionsEnded: Type.Integer() }), ...ERROR_RESPONSES },
      },
      config: { guard: 'authenticated' },
    },
    async (request) => {
      const result = await endOtherSessions(db, requirePrincipal(request.principal));
      authenticator.forget();
      return result;
    },
  );
}
