import { beforeAll, describe, expect, it } from 'vitest';
import type { Built } from '../../app.js';
import { buildTestApp, buildWorkspace, json, testApp, type TestApp, type TestWorkspace } from '../testing/test-app.js';
import { addMember } from '../workspaces/workspace.service.js';
import { systemActor } from '../context.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

interface Session {
  cookie: string;
  csrf: string;
}

async function signIn(app: Built['app'], email: string, password: string): Promise<Session | number> {
  const response = await app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email, password } });
  if (response.statusCode !== 200) return response.statusCode;
  const cookie = [response.headers['set-cookie']].flat().find((c) => c?.startsWith('rapport_session='))!;
  return { cookie: cookie.split(';')[0]!, csrf: json<{ csrfToken: string }>(response).csrfToken };
}

async function session(ws: TestWorkspace, app: Built['app'] = t.app): Promise<Session> {
  const signedIn = await signIn(app, ws.owner.email, ws.owner.password);
  if (typeof signedIn === 'number') throw new Error(`sign-in answered ${signedIn}`);
  return signedIn;
}

const headers = (s: Session) => ({ cookie: s.cookie, 'x-csrf-token': s.csrf });

function changePassword(s: Session, payload: object, app: Built['app'] = t.app) {
  return app.inject({ method: 'PUT', url: '/api/v1/account/password', headers: headers(s), payload });
}

async function accountEvents(workspaceId: string, userId: string) {
  const { rows } = await t.db.query<{ type: string; actor_id: string | null; data: Record<string, unknown> }>(
    `SELECT type, actor_id, data FROM events WHERE workspace_id = $1 AND subject_type = 'user' AND subject_id = $2 AND type LIKE 'user.%' ORDER BY id`,
    [workspaceId, userId],
  );
  return rows;
}

describe('your own account', () => {
  it('shows and renames the signed-in person, trimmed, in every workspace they belong to', async () => {
    const ws = await buildWorkspace(t.db);
    const other = await buildWorkspace(t.db);
    await addMember({ workspaceId: other.workspaceId, db: t.db, requestId: 'test', actor: systemActor() }, t.db, {
      email: ws.owner.email,
      name: 'ignored, the person exists',
      password: 'unused-password',
      role: 'agent',
    });
    const s = await session(ws);
    const shown = await t.app.inject({ method: 'GET', url: '/api/v1/account', headers: { cookie: s.cookie } });
    expect(json(shown)).toEqual({ id: ws.owner.userId, email: ws.owner.email, name: 'Olive Owner', otherSessions: 0 });

    const renamed = await t.app.inject({ method: 'PATCH', url: '/api/v1/account', headers: headers(s), payload: { name: '  Olive Oyl ' } });
    expect(renamed.statusCode).toBe(200);
    expect(json(renamed)).toMatchObject({ name: 'Olive Oyl' });
    const members = await t.app.inject({ method: 'GET', url: '/api/v1/members', headers: other.owner.headers });
    expect(json<{ data: { email: string; name: string }[] }>(members).data.find((m) => m.email === ws.owner.email)?.name).toBe('Olive Oyl');
    for (const workspaceId of [ws.workspaceId, other.workspaceId]) {
      expect(await accountEvents(workspaceId, ws.owner.userId)).toEqual([
        { type: 'user.updated', actor_id: ws.owner.userId, data: { before: { name: 'Olive Owner' }, after: { name: 'Olive Oyl' } } },
      ]);
    }
  });

  it('refuses a blank name or unknown fields, and changes nothing', async () => {
    const ws = await buildWorkspace(t.db);
    const s = await session(ws);
    for (const payload of [{ name: '   ' }, { name: 'Ok', email: 'new@example.test' }, {}]) {
      const refused = await t.app.inject({ method: 'PATCH', url: '/api/v1/account', headers: headers(s), payload });
      expect(refused.statusCode, JSON.stringify(payload)).toBe(400);
    }
    const blankName = await t.app.inject({ method: 'PATCH', url: '/api/v1/account', headers: headers(s), payload: { name: ' ' } });
    expect(json(blankName).errors).toEqual([{ field: 'name', reason: 'must not be blank' }]);
    const shown = await t.app.inject({ method: 'GET', url: '/api/v1/account', headers: ws.owner.headers });
    expect(json(shown)).toMatchObject({ name: 'Olive Owner', email: ws.owner.email });
  });
});

describe('changing your password', () => {
  it('needs the current password, and a new one that differs and is long enough', async () => {
    const ws = await buildWorkspace(t.db);
    const s = await session(ws);
    const wrong = await changePassword(s, { currentPassword: 'not-the-password', newPassword: 'a-brand-new-secret' });
    expect(wrong.statusCode).toBe(400);
    expect(json(wrong).errors).toEqual([{ field: 'currentPassword', reason: 'is not your current password' }]);
    const same = await changePassword(s, { currentPassword: ws.owner.password, newPassword: ws.owner.password });
    expect(json(same).errors).toEqual([{ field: 'newPassword', reason: 'must differ from the current password' }]);
    const short = await changePassword(s, { currentPassword: ws.owner.password, newPassword: 'short' });
    expect(short.statusCode).toBe(400);
    expect(json<{ errors: { field: string }[] }>(short).errors.map((e) => e.field)).toEqual(['newPassword']);
    expect(typeof (await signIn(t.app, ws.owner.email, ws.owner.password))).toBe('object');
    expect(await accountEvents(ws.workspaceId, ws.owner.userId)).toEqual([]);
  });

  it('takes effect at once: the old password and the other sessions stop working, this session and API tokens go on', async () => {
    const ws = await buildWorkspace(t.db);
    const here = await session(ws);
    const elsewhere = await session(ws);
    // Both sessions are in use (and so cached) before the change.
    for (const s of [here, elsewhere]) {
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: s.cookie } })).statusCode).toBe(200);
    }
    const changed = await changePassword(here, { currentPassword: ws.owner.password, newPassword: 'a-brand-new-secret' });
    expect(changed.statusCode).toBe(200);
    expect(json(changed)).toEqual({ sessionsEnded: 1 });

    expect(await signIn(t.app, ws.owner.email, ws.owner.password)).toBe(401);
    expect(typeof (await signIn(t.app, ws.owner.email, 'a-brand-new-secret'))).toBe('object');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: elsewhere.cookie } })).statusCode).toBe(
      401,
    );
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: here.cookie } })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/contacts', headers: ws.owner.headers })).statusCode).toBe(200);

    const events = await accountEvents(ws.workspaceId, ws.owner.userId);
    expect(events).toEqual([{ type: 'user.password_changed', actor_id: ws.owner.userId, data: { sessionsEnded: 1 } }]);
    expect(JSON.stringify(events)).not.toContain('a-brand-new-secret');
  });

  it('is refused to API tokens, which could otherwise lock their owner out', async () => {
    const ws = await buildWorkspace(t.db);
    const byToken = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/account/password',
      headers: ws.owner.headers,
      payload: { currentPassword: ws.owner.password, newPassword: 'a-brand-new-secret' },
    });
    expect(byToken.statusCode).toBe(403);
    expect(typeof (await signIn(t.app, ws.owner.email, ws.owner.password))).toBe('object');
  });

  it('limits guesses of the current password as sign-in does', async () => {
    const built = await buildTestApp({ RAPPORT_LOGIN_RATE_LIMIT: '2' });
    const ws = await buildWorkspace(built.deps.db);
    const s = await session(ws, built.app);
    const guesses = [];
    for (let i = 0; i < 3; i++)
      guesses.push((await changePassword(s, { currentPassword: `guess-${i}`, newPassword: 'a-brand-new-secret' }, built.app)).statusCode);
    expect(guesses).toEqual([400, 400, 429]);
    await built.close();
  });

  it('counts guesses per person, wherever a trusted proxy says they come from', async () => {
    const built = await buildTestApp({ RAPPORT_LOGIN_RATE_LIMIT: '2', RAPPORT_TRUST_PROXY: '127.0.0.1' });
    const ws = await buildWorkspace(built.deps.db);
    const s = await session(ws, built.app);
    const guesses = [];
    for (let i = 0; i < 3; i++) {
      const guess = await built.app.inject({
        method: 'PUT',
        url: '/api/v1/account/password',
        headers: { ...headers(s), 'x-forwarded-for': `10.0.0.${i + 1}` },
        payload: { currentPassword: `guess-${i}`, newPassword: 'a-brand-new-secret' },
      });
      guesses.push(guess.statusCode);
    }
    expect(guesses).toEqual([400, 400, 429]);
    await built.close();
  });
});

describe('signing out everywhere else', () => {
  it('ends every other session of the person, in every workspace, and keeps this one', async () => {
    const ws = await buildWorkspace(t.db);
    const here = await session(ws);
    const laptop = await session(ws);
    const phone = await session(ws);
    const shown = await t.app.inject({ method: 'GET', url: '/api/v1/account', headers: { cookie: here.cookie } });
    expect(json(shown)).toMatchObject({ otherSessions: 2 });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: laptop.cookie } })).statusCode).toBe(200);

    const ended = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-out-others', headers: headers(here) });
    expect(json(ended)).toEqual({ sessionsEnded: 2 });
    for (const gone of [laptop, phone]) {
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: gone.cookie } })).statusCode).toBe(401);
    }
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/account', headers: { cookie: here.cookie } });
    expect(json(after)).toMatchObject({ otherSessions: 0 });
    expect(await accountEvents(ws.workspaceId, ws.owner.userId)).toEqual([
      { type: 'user.signed_out_elsewhere', actor_id: ws.owner.userId, data: { sessionsEnded: 2 } },
    ]);
  });

  it('is for sessions only: a token cannot sign its owner out', async () => {
    const ws = await buildWorkspace(t.db);
    const here = await session(ws);
    const byToken = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-out-others', headers: ws.owner.headers });
    expect(byToken.statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: here.cookie } })).statusCode).toBe(200);
  });
});
