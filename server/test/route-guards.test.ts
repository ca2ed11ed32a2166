/** Default-deny, checked mechanically: every API route declares a guard and enforces it. */
import { beforeAll, describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import cookie from '@fastify/cookie';
import { testApp, type TestApp } from '../src/platform/testing/test-app.js';
import { registerGuard } from '../src/platform/auth/guard.js';
import { createAuthenticator } from '../src/platform/auth/auth.service.js';
import type { App } from '../src/platform/http/app-types.js';
import { apiRoutes, probeBody } from './isolation-support.js';

/** Sign-in, and webhook receivers: those prove themselves by the channel's signature instead. */
const PUBLIC_ROUTES = new Set(['POST /api/v1/auth/sign-in', 'GET /api/v1/webhooks/:channelId', 'POST /api/v1/webhooks/:channelId']);
/** Creates whose response holds a secret shown once: replaying it would mean storing the secret. */
const NOT_REPLAYABLE = new Set(['POST /api/v1/api-tokens']);

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

describe('route guards', () => {
  it('every API route declares a guard, and only sign-in and webhooks are public', () => {
    const routes = apiRoutes(t);
    expect(routes.length).toBeGreaterThan(10);
    for (const route of routes) {
      expect(route.guard, `${route.method} ${route.url}`).toBeDefined();
      if (route.guard === 'public')
        expect(PUBLIC_ROUTES.has(`${route.method} ${route.url}`), `${route.method} ${route.url} is public`).toBe(true);
    }
  });

  it('refuses every non-public route without credentials, and with a bogus token', async () => {
    for (const route of apiRoutes(t).filter((r) => r.guard !== 'public')) {
      const url = route.url.replace(/:[a-zA-Z]+/g, '00000000-0000-4000-8000-000000000000');
      const anonymous = await t.app.inject({ method: route.method as 'GET', url, payload: probeBody(route.method) });
      expect(anonymous.statusCode, `${route.method} ${route.url}`).toBe(401);
      const bogus = await t.app.inject({
        method: route.method as 'GET',
        url,
        headers: { authorization: 'Bearer rpt_nope' },
        payload: probeBody(route.method),
      });
      expect(bogus.statusCode, `${route.method} ${route.url}`).toBe(401);
    }
  });

  it('every create (POST to a collection) honours Idempotency-Key', () => {
    const creates = apiRoutes(t).filter(
      (r) => r.method === 'POST' && !r.url.includes(':') && !/\/(auth|notifications)\//.test(r.url) && !NOT_REPLAYABLE.has(`POST ${r.url}`),
    );
    expect(creates.length).toBeGreaterThan(3);
    for (const route of creates) expect(route.idempotent, `POST ${route.url} is not idempotent`).toBe(true);
  });

  it('the server refuses to start with a route that declares no guard', async () => {
    const app = Fastify() as unknown as App;
    await app.register(cookie);
    registerGuard(app, createAuthenticator(t.db));
    expect(() => app.get('/api/v1/forgotten', async () => ({ ok: true }))).toThrow(/declares no guard/);
  });
});
