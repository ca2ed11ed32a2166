import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorkspace, json, testApp, type TestApp } from '../testing/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

const BIG = JSON.stringify({ firstName: 'x'.repeat(1_100_000) });

/** Bodies a signed-in caller is refused for; before signing in, the refusal is only that. */
const BAD_BODIES = [
  { what: 'malformed JSON', contentType: 'application/json', payload: '{"firstName": ' },
  { what: 'a text body', contentType: 'text/plain', payload: 'Ada' },
  { what: 'a body over the limit', contentType: 'application/json', payload: BIG },
  { what: 'a NUL in the query', contentType: 'application/json', payload: '{}', query: '?tag=a%00' },
];

describe('the route guard', () => {
  it('refuses a caller without credentials before reading what the request holds', async () => {
    for (const { what, contentType, payload, query = '' } of BAD_BODIES) {
      const response = await t.app.inject({
        method: 'POST',
        url: `/api/v1/contacts${query}`,
        headers: { 'content-type': contentType },
        payload,
      });
      expect(response.statusCode, what).toBe(401);
      expect(json(response), what).toMatchObject({ code: 'unauthenticated' });
    }
  });

  it('refuses a session write without its CSRF token before reading the body', async () => {
    const ws = await buildWorkspace(t.db);
    const signIn = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: ws.owner.email, password: ws.owner.password },
    });
    const cookie = [signIn.headers['set-cookie']]
      .flat()
      .find((c) => c?.startsWith('rapport_session='))!
      .split(';')[0]!;
    for (const { what, contentType, payload, query = '' } of BAD_BODIES) {
      const response = await t.app.inject({
        method: 'POST',
        url: `/api/v1/contacts${query}`,
        headers: { cookie, 'content-type': contentType },
        payload,
      });
      expect(response.statusCode, what).toBe(403);
      expect(json(response), what).toMatchObject({ code: 'csrf_failed' });
    }
  });

  it('leaves a signed-in caller to hear what is wrong with the body, and public routes to read theirs', async () => {
    const ws = await buildWorkspace(t.db);
    const statuses = [];
    for (const { contentType, payload, query = '' } of BAD_BODIES) {
      const response = await t.app.inject({
        method: 'POST',
        url: `/api/v1/contacts${query}`,
        headers: { ...ws.owner.headers, 'content-type': contentType },
        payload,
      });
      statuses.push(response.statusCode);
    }
    expect(statuses).toEqual([400, 415, 413, 400]);
    const signIn = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": ',
    });
    expect(signIn.statusCode).toBe(400);
    expect(json(signIn)).toMatchObject({ code: 'malformed_json' });
  });
});
