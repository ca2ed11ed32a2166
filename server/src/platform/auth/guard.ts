/**
 * Default-deny access control: every API route must declare a guard (the server refuses to start
 * otherwise), and every request is checked against it before its handler runs.
 */
import type { FastifyRequest } from 'fastify';
import { ROLE_RANK } from '../context.js';
import type { App } from '../http/app-types.js';
import { RapportError, forbidden, unauthenticated } from '../http/errors.js';
import { SESSION_COOKIE, type Authenticator } from './auth.service.js';
import { isUnsafe, neededScopes } from './token-scopes.js';
import { registerWriteOnlyAnswers } from './write-only-answers.js';

export const API_PREFIX = '/api/v1';

/** Who the request's credentials name, or null; a live stream asks again while it stays open. */
export async function resolvePrincipal(request: FastifyRequest, authenticator: Authenticator) {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) throw unauthenticated('The Authorization header must be "Bearer <token>"');
    const principal = await authenticator.fromApiToken(match[1]);
    if (!principal) throw unauthenticated('The API token is unknown or revoked');
    return principal;
  }
  const session = request.cookies[SESSION_COOKIE];
  return session ? authenticator.fromSession(session) : null;
}

export function registerGuard(app: App, authenticator: Authenticator) {
  app.decorateRequest('principal', null);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith(API_PREFIX)) return;
    if (!route.config?.guard) {
      throw new Error(`Route ${route.method} ${route.url} declares no guard; every API route must`);
    }
  });

  // On arrival, before the body is read: a caller without credentials is told so (401), not that
  // the body it sent is malformed, too large or of the wrong type.
  app.addHook('onRequest', async (request) => {
    const guard = request.routeOptions.config.guard;
    if (!guard || guard === 'public') return;
    const principal = await resolvePrincipal(request, authenticator);
    if (!principal) throw unauthenticated();
    request.principal = principal;
    if (isUnsafe(request.method) && principal.via === 'session') {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || sent !== principal.csrfToken) {
        throw new RapportError('csrf_failed', 403, 'Missing or wrong X-CSRF-Token header');
      }
    }
    const needs = neededScopes(request.method, request.routeOptions.config);
    if (needs.includes('write') && !principal.scopes.includes('write')) {
      throw forbidden('This API token is read-only');
    }
    // A token made only to write (a web form pushing leads) must not read the workspace if it leaks.
    if (needs.includes('read') && !principal.scopes.includes('read')) {
      throw forbidden('This API token can only write: it has no read scope');
    }
    if (guard !== 'authenticated' && ROLE_RANK[principal.role] < ROLE_RANK[guard]) {
      throw forbidden(`This needs the ${guard} role or higher`);
    }
  });

  registerWriteOnlyAnswers(app);
}
