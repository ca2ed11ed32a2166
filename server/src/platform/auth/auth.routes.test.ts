import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorkspace, json, signedIn, testApp, buildTestApp, type TestApp } from '../testing/test-app.js';
import type { Built } from '../../app.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

function sessionCookie(setCookie: string | string[] | undefined): string {
  const header = [setCookie ?? []].flat().find((c) => c.startsWith('rapport_session='));
  if (!header) throw new Error('no session cookie');
  return header.split(';')[0]!;
}

describe('sign-in and sessions', () => {
  it('signs in with e-mail and password and sets a secure session cookie', async () => {
    const ws = await buildWorkspace(t.db);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: ws.owner.email.toUpperCase(), password: ws.owner.password },
    });
    expect(response.statusCode).toBe(200);
    const cookie = [response.headers['set-cookie']].flat().find((c) => c?.startsWith('rapport_session='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const body = json<{ workspace: { id: string }; role: string; csrfToken: string }>(response);
    expect(body.workspace.id).toBe(ws.workspaceId);
    expect(body.role).toBe('owner');
    expect(body.csrfToken.length).toBeGreaterThan(20);
    const { rows } = await t.db.query<{ id_hash: string }>('SELECT id_hash FROM sessions WHERE user_id = $1', [ws.owner.userId]);
    expect(rows.some((r) => cookie.includes(r.id_hash))).toBe(false);
  });

  it('lets a user of several workspaces switch between them, and signs them in where they last were', async () => {
    const home = await buildWorkspace(t.db);
    const other = await buildWorkspace(t.db);
    const stranger = await buildWorkspace(t.db);
    await t.db.query(`INSERT INTO memberships (workspace_id, user_id, role) VALUES ($1, $2, 'agent')`, [
      other.workspaceId,
      home.owner.userId,
    ]);
    const signInOnce = () =>
      t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email: home.owner.email, password: home.owner.password } });
    type View = { workspace: { id: string }; role: string; csrfToken: string; workspaces: { id: string; role: string }[] };

    const first = await signInOnce();
    const firstView = json<View>(first);
    expect(firstView.workspace.id).toBe(home.workspaceId);
    expect(firstView.workspaces.map((w) => [w.id, w.role]).sort()).toEqual(
      [
        [home.workspaceId, 'owner'],
        [other.workspaceId, 'agent'],
      ].sort(),
    );
    const cookie = sessionCookie(first.headers['set-cookie']);
    const headers = { cookie, 'x-csrf-token': firstView.csrfToken };
    const switchTo = (workspaceId: string, as: Record<string, string> = headers) =>
      t.app.inject({ method: 'POST', url: '/api/v1/auth/switch-workspace', headers: as, payload: { workspaceId } });

    expect((await switchTo(stranger.workspaceId)).statusCode).toBe(404);
    expect((await switchTo(other.workspaceId, { cookie })).statusCode).toBe(403);
    expect((await switchTo(other.workspaceId, home.owner.headers)).statusCode).toBe(403);
    const moved = await switchTo(other.workspaceId);
    expect(moved.statusCode, moved.body).toBe(200);
    expect(json<View>(moved)).toMatchObject({ workspace: { id: other.workspaceId }, role: 'agent' });
    const newCookie = sessionCookie(moved.headers['set-cookie']);
    expect(newCookie).not.toBe(cookie);
    // The old session is over; the new one reads the other workspace.
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie } })).statusCode).toBe(401);
    const now = await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: newCookie } });
    expect(json<View>(now).workspace.id).toBe(other.workspaceId);

    // Signed out and in again, they are where they last worked.
    const signOut = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-out',
      headers: { cookie: newCookie, 'x-csrf-token': json<View>(now).csrfToken },
    });
    expect(signOut.statusCode).toBe(204);
    expect(json<View>(await signInOnce()).workspace.id).toBe(other.workspaceId);
  });

  it('rejects a wrong password or unknown user with the same answer', async () => {
    const ws = await buildWorkspace(t.db);
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: ws.owner.email, password: 'nope-nope-nope' },
    });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: 'ghost@example.test', password: 'nope-nope-nope' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(json(wrong).detail).toBe(json(unknown).detail);
  });

  it('requires the CSRF token for writes made with the session cookie', async () => {
    const ws = await buildWorkspace(t.db);
    const signIn = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: ws.owner.email, password: ws.owner.password },
    });
    const cookie = sessionCookie(signIn.headers['set-cookie']);
    const { csrfToken } = json<{ csrfToken: string }>(signIn);
    const read = await t.app.inject({ method: 'GET', url: '/api/v1/contacts', headers: { cookie } });
    expect(read.statusCode).toBe(200);
    const noToken = await t.app.inject({ method: 'POST', url: '/api/v1/contacts', headers: { cookie }, payload: { firstName: 'A' } });
    expect(noToken.statusCode).toBe(403);
    expect(json(noToken).code).toBe('csrf_failed');
    const wrongToken = await t.app.inject({
      method: 'POST',
      url: '/api/v1/contacts',
      headers: { cookie, 'x-csrf-token': 'forged' },
      payload: { firstName: 'A' },
    });
    expect(wrongToken.statusCode).toBe(403);
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/v1/contacts',
      headers: { cookie, 'x-csrf-token': csrfToken },
      payload: { firstName: 'A' },
    });
    expect(ok.statusCode).toBe(201);

    const signOut = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-out', headers: { cookie, 'x-csrf-token': csrfToken } });
    expect(signOut.statusCode).toBe(204);
    t.deps.authenticator.forget();
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/contacts', headers: { cookie } });
    expect(after.statusCode).toBe(401);
  });

  it('rate-limits sign-in attempts per address and e-mail', async () => {
    const built = await buildTestApp({ RAPPORT_LOGIN_RATE_LIMIT: '3' });
    const attempt = () =>
      built.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { email: 'limit@example.test', password: 'wrong-password' },
      });
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await attempt());
    expect(answers.map((a) => a.statusCode)).toEqual([401, 401, 401, 429, 429]);
    const limited = answers[4]!;
    expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(JSON.parse(limited.body)).toMatchObject({
      type: 'https://rapport.dev/problems/rate_limited',
      code: 'rate_limited',
      title: 'Too Many Requests',
    });
    const other = await built.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: 'other@example.test', password: 'wrong-password' },
    });
    expect(other.statusCode).toBe(401);
    expect((await attempt()).headers['content-type']).toContain('application/problem+json');
    await built.close();
  });

  it('counts attempts by the address that connected, whatever X-Forwarded-For claims, unless the proxy is trusted', async () => {
    const attempt = (app: Built['app'], forwardedFor?: string) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
        payload: { email: 'spoof@example.test', password: 'wrong-password' },
      });
    const direct = await buildTestApp({ RAPPORT_LOGIN_RATE_LIMIT: '2' });
    const answers = [];
    for (const forwardedFor of [undefined, undefined, '10.0.0.1', '10.0.0.2'])
      answers.push((await attempt(direct.app, forwardedFor)).statusCode);
    expect(answers).toEqual([401, 401, 429, 429]);
    await direct.close();

    // Behind a trusted proxy (light-my-request connects from 127.0.0.1), each client it forwards for has its own count.
    const proxied = await buildTestApp({ RAPPORT_LOGIN_RATE_LIMIT: '2', RAPPORT_TRUST_PROXY: '127.0.0.1' });
    const byClient = [];
    for (const forwardedFor of ['10.0.0.1', '10.0.0.1', '10.0.0.1', '10.0.0.2'])
      byClient.push((await attempt(proxied.app, forwardedFor)).statusCode);
    expect(byClient).toEqual([401, 401, 429, 401]);
    await proxied.close();
  });
});

describe('API tokens', () => {
  it('are shown once, stored hashed, scoped and revocable', async () => {
    const ws = await buildWorkspace(t.db);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/api-tokens',
      headers: await signedIn(t.app, ws.owner),
      payload: { name: 'reporting', scopes: ['read'] },
    });
    expect(created.statusCode).toBe(201);
    const { id, token } = json<{ id: string; token: string }>(created);
    const { rows } = await t.db.query<{ token_hash: string }>('SELECT token_hash FROM api_tokens WHERE workspace_id = $1 AND id = $2', [
      ws.workspaceId,
      id,
    ]);
    expect(rows[0]!.token_hash).not.toContain(token);
    const listed = await t.app.inject({ method: 'GET', url: '/api/v1/api-tokens', headers: ws.owner.headers });
    expect(listed.body).not.toContain(token);

    const auth = { authorization: `Bearer ${token}` };
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/contacts', headers: auth })).statusCode).toBe(200);
    const write = await t.app.inject({ method: 'POST', url: '/api/v1/contacts', headers: auth, payload: { firstName: 'No' } });
    expect(write.statusCode).toBe(403);

    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/api-tokens/${id}`, headers: ws.owner.headers })).statusCode).toBe(204);
    const revoked = await t.app.inject({ method: 'GET', url: '/api/v1/contacts', headers: auth });
    expect(revoked.statusCode).toBe(401);
    expect(revoked.headers['www-authenticate']).toBe('Bearer realm="Rapport", error="invalid_token"');
  });

  it('are made by a signed-in person only: a token cannot make one, but may list them and revoke any, its own included', async () => {
    const ws = await buildWorkspace(t.db);
    const admin = await ws.member('admin');
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/v1/api-tokens',
      headers: ws.owner.headers,
      payload: { name: 'minted', scopes: ['read', 'write'] },
    });
    expect(refused.statusCode).toBe(403);
    expect(json(refused)).toMatchObject({ code: 'forbidden', detail: 'API tokens cannot create API tokens; sign in to create one' });
    const { rows } = await t.db.query('SELECT 1 FROM api_tokens WHERE workspace_id = $1 AND name = $2', [ws.workspaceId, 'minted']);
    expect(rows).toEqual([]);

    const made = await t.app.inject({
      method: 'POST',
      url: '/api/v1/api-tokens',
      headers: await signedIn(t.app, admin),
      payload: { name: 'sync', scopes: ['read', 'write'] },
    });
    expect(made.statusCode, made.body).toBe(201);
    const sync = json<{ id: string; token: string }>(made);
    const listed = json<{ data: { id: string }[] }>(
      await t.app.inject({ method: 'GET', url: '/api/v1/api-tokens', headers: admin.headers }),
    );
    expect(listed.data.map((token) => token.id)).toContain(sync.id);

    const bySync = { authorization: `Bearer ${sync.token}` };
    const owners = await t.db.query<{ id: string }>('SELECT id FROM api_tokens WHERE workspace_id = $1 AND user_id = $2', [
      ws.workspaceId,
      ws.owner.userId,
    ]);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/api-tokens/${owners.rows[0]!.id}`, headers: bySync })).statusCode).toBe(
      204,
    );
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/contacts', headers: ws.owner.headers })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/api-tokens/${sync.id}`, headers: bySync })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/contacts', headers: bySync })).statusCode).toBe(401);
  });

  it('with the write scope alone, writes and reads nothing', async () => {
    const ws = await buildWorkspace(t.db);
    const pusher = await ws.member('agent', { scopes: ['write'] });
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/contacts',
      headers: pusher.headers,
      payload: { firstName: 'Lead' },
    });
    expect(created.statusCode).toBe(201);
    const { id } = json<{ id: string }>(created);
    for (const url of ['/api/v1/contacts', `/api/v1/contacts/${id}`, '/api/v1/members', '/api/v1/events']) {
      const read = await t.app.inject({ method: 'GET', url, headers: pusher.headers });
      expect(read.statusCode, url).toBe(403);
      expect(json<{ detail: string }>(read).detail).toMatch(/no read scope/);
    }
    const changed = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/contacts/${id}`,
      headers: pusher.headers,
      payload: { lastName: 'Pushed' },
    });
    expect(changed.statusCode).toBe(200);
  });

  it('with the write scope alone, hear back only the id of what they wrote, not the record', async () => {
    const ws = await buildWorkspace(t.db);
    const pusher = await ws.member('agent', { scopes: ['write'] });
    const known = json<{ id: string }>(
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/contacts',
        headers: ws.owner.headers,
        payload: { firstName: 'Known', lastName: 'Customer', emails: [{ address: 'known@example.test' }], tags: ['vip'] },
      }),
    );
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/contacts',
      headers: { ...pusher.headers, 'idempotency-key': 'lead-1' },
      payload: { firstName: 'Lead', emails: [{ address: 'lead@example.test' }] },
    });
    expect(created.statusCode).toBe(201);
    const { id } = json<{ id: string }>(created);
    expect(json(created)).toEqual({ id });
    const changed = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/contacts/${known.id}`,
      headers: pusher.headers,
      payload: { title: 'Buyer' },
    });
    expect(changed.statusCode).toBe(200);
    expect(json(changed)).toEqual({ id: known.id });
    const replayed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/contacts',
      headers: { ...pusher.headers, 'idempotency-key': 'lead-1' },
      payload: { firstName: 'Lead', emails: [{ address: 'lead@example.test' }] },
    });
    expect(replayed.headers['idempotent-replayed']).toBe('true');
    expect(json(replayed)).toEqual({ id });
    // Nothing was held back from the record itself, nor from anyone who may read it.
    const read = json<{ title: string; tags: string[] }>(
      await t.app.inject({ method: 'GET', url: `/api/v1/contacts/${known.id}`, headers: ws.owner.headers }),
    );
    expect(read).toMatchObject({ title: 'Buyer', tags: ['vip'] });
    const refused = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/contacts/${known.id}`,
      headers: pusher.headers,
      payload: { rank: 1 },
    });
    expect(json(refused)).toMatchObject({ status: 400, code: 'validation_failed' });
  });

  it('need the read scope for POSTs that only read, and both scopes for those that also answer with what they read', async () => {
    const ws = await buildWorkspace(t.db);
    const pusher = await ws.member('agent', { scopes: ['write'] });
    const reader = await ws.member('agent', { scopes: ['read'] });
    const someId = '01a24f1d-2023-7f89-b458-052d8cd7a584';
    const reads: [string, object][] = [
      ['/api/v1/listening/preview', { query: 'refund OR invoice' }],
      ['/api/v1/listening/queries/check', { query: 'refund' }],
      ['/api/v1/nlp/analyze', { text: 'I love it' }],
      [`/api/v1/canned-responses/${someId}/render`, {}],
    ];
    const both: [string, object][] = [
      [`/api/v1/conversations/${someId}/presence`, { state: 'viewing' }],
      [`/api/v1/listening/alerts/${someId}/check`, {}],
    ];
    for (const [url, payload] of [...reads, ...both]) {
      const refused = await t.app.inject({ method: 'POST', url, headers: pusher.headers, payload });
      expect(refused.statusCode, url).toBe(403);
      expect(json<{ detail: string }>(refused).detail, url).toMatch(/no read scope/);
    }
    for (const [url, payload] of both) {
      const refused = await t.app.inject({ method: 'POST', url, headers: reader.headers, payload });
      expect(refused.statusCode, url).toBe(403);
      expect(json<{ detail: string }>(refused).detail, url).toMatch(/read-only/);
    }
    const previewed = await t.app.inject({ method: 'POST', url: reads[0]![0], headers: reader.headers, payload: reads[0]![1] });
    expect(previewed.statusCode, previewed.body).toBe(200);
    const analysed = await t.app.inject({ method: 'POST', url: reads[2]![0], headers: reader.headers, payload: reads[2]![1] });
    expect(analysed.statusCode, analysed.body).toBe(200);
  });

  it('cannot be managed by agents', async () => {
    const ws = await buildWorkspace(t.db);
    const agent = await ws.member('agent');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/api-tokens',
      headers: await signedIn(t.app, agent),
      payload: { name: 'x', scopes: ['read'] },
    });
    expect(response.statusCode).toBe(403);
    expect(json(response).detail).toBe('This needs the admin role or higher');
  });

  it('rejects a malformed Authorization header', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/contacts', headers: { authorization: 'Basic abc' } });
    expect(response.statusCode).toBe(401);
    expect(response.headers['www-authenticate']).toBe('Bearer realm="Rapport"');
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/contacts' });
    expect(anonymous.headers['www-authenticate']).toBe('Bearer realm="Rapport"');
  });
});
