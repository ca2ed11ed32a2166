import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorkspace, json, testApp, type TestApp } from '../testing/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

describe('members and teams', () => {
  it('adds a member who can then sign in with the given role', async () => {
    const ws = await buildWorkspace(t.db);
    const added = await t.app.inject({
      method: 'POST',
      url: '/api/v1/members',
      headers: ws.owner.headers,
      payload: { email: 'new.agent@example.test', name: 'New Agent', password: 'long-enough-pw', role: 'agent', recordScope: 'team' },
    });
    expect(added.statusCode).toBe(201);
    expect(json(added)).toMatchObject({ email: 'new.agent@example.test', role: 'agent', recordScope: 'team' });
    const signIn = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: 'new.agent@example.test', password: 'long-enough-pw' },
    });
    expect(json(signIn)).toMatchObject({ role: 'agent', recordScope: 'team' });
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/members',
      headers: ws.owner.headers,
      payload: { email: 'NEW.AGENT@example.test', name: 'Dup', password: 'long-enough-pw', role: 'agent' },
    });
    expect(again.statusCode).toBe(409);
  });

  it('keeps at least one owner and lets only owners make owners', async () => {
    const ws = await buildWorkspace(t.db);
    const demote = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/members/${ws.owner.userId}`,
      headers: ws.owner.headers,
      payload: { role: 'admin' },
    });
    expect(demote.statusCode).toBe(409);
    expect(
      (await t.app.inject({ method: 'DELETE', url: `/api/v1/members/${ws.owner.userId}`, headers: ws.owner.headers })).statusCode,
    ).toBe(409);
    const admin = await ws.member('admin');
    const agent = await ws.member('agent');
    const promote = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/members/${agent.userId}`,
      headers: admin.headers,
      payload: { role: 'owner' },
    });
    expect(promote.statusCode).toBe(403);
    const secondOwner = await ws.member('owner');
    for (const [method, payload] of [
      ['PATCH', { role: 'viewer' }],
      ['DELETE', undefined],
    ] as const) {
      const touched = await t.app.inject({ method, url: `/api/v1/members/${secondOwner.userId}`, headers: admin.headers, payload });
      expect(touched.statusCode, `${method}: ${touched.body}`).toBe(403);
    }
    for (const email of ['fresh.owner@example.test', ws.owner.email]) {
      const added = await t.app.inject({
        method: 'POST',
        url: '/api/v1/members',
        headers: admin.headers,
        payload: { email, name: 'Boss', password: 'long-enough-pw', role: 'owner' },
      });
      expect(added.statusCode, added.body).toBe(403);
    }
    const signIn = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: 'fresh.owner@example.test', password: 'long-enough-pw' },
    });
    expect(signIn.statusCode).toBe(401);
    const scope = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/members/${agent.userId}`,
      headers: admin.headers,
      payload: { recordScope: 'own' },
    });
    expect(json(scope)).toMatchObject({ role: 'agent', recordScope: 'own' });
    const empty = await t.app.inject({ method: 'PATCH', url: `/api/v1/members/${agent.userId}`, headers: admin.headers, payload: {} });
    expect(empty.statusCode).toBe(400);
  });

  it('removing a member revokes their tokens at once', async () => {
    const ws = await buildWorkspace(t.db);
    const agent = await ws.member('agent');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/contacts', headers: agent.headers })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/members/${agent.userId}`, headers: ws.owner.headers })).statusCode).toBe(
      204,
    );
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/contacts', headers: agent.headers })).statusCode).toBe(401);
  });

  it('creates teams with members of the workspace only, and renames them', async () => {
    const ws = await buildWorkspace(t.db);
    const agent = await ws.member('agent');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/teams',
      headers: ws.owner.headers,
      payload: { name: 'Service', memberIds: [agent.userId] },
    });
    expect(created.statusCode).toBe(201);
    const team = json<{ id: string; memberIds: string[] }>(created);
    expect(team.memberIds).toEqual([agent.userId]);
    const dup = await t.app.inject({ method: 'POST', url: '/api/v1/teams', headers: ws.owner.headers, payload: { name: 'service' } });
    expect(dup.statusCode).toBe(409);
    const stranger = await t.app.inject({
      method: 'POST',
      url: '/api/v1/teams',
      headers: ws.owner.headers,
      payload: { name: 'X', memberIds: ['00000000-0000-4000-8000-000000000000'] },
    });
    expect(stranger.statusCode).toBe(400);
    const renamed = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/teams/${team.id}`,
      headers: ws.owner.headers,
      payload: { name: 'Support', memberIds: [] },
    });
    expect(json(renamed)).toMatchObject({ name: 'Support', memberIds: [] });
  });

  it('refuses team and member names of spaces only, and trims the others', async () => {
    const ws = await buildWorkspace(t.db);
    const post = (url: string, payload: object) => t.app.inject({ method: 'POST', url, headers: ws.owner.headers, payload });
    const blank = await post('/api/v1/teams', { name: '   ' });
    expect(blank.statusCode, blank.body).toBe(400);
    expect(json(blank)).toMatchObject({ errors: [{ field: 'name', reason: 'must not be blank' }] });
    const team = json<{ id: string; name: string }>(await post('/api/v1/teams', { name: '  Billing ' }));
    expect(team.name).toBe('Billing');
    expect((await post('/api/v1/teams', { name: 'billing  ' })).statusCode).toBe(409);
    const rename = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/teams/${team.id}`,
      headers: ws.owner.headers,
      payload: { name: ' ' },
    });
    expect(rename.statusCode).toBe(400);
    const member = await post('/api/v1/members', {
      email: 'blank@example.test',
      name: '  ',
      password: 'correct-horse-battery',
      role: 'agent',
    });
    expect(member.statusCode).toBe(400);
    const { rows } = await t.db.query('SELECT 1 FROM users WHERE email = $1', ['blank@example.test']);
    expect(rows).toHaveLength(0);
  });

  it('lets a team-scoped member see the records their team owns', async () => {
    const ws = await buildWorkspace(t.db);
    const member = await ws.member('agent', { recordScope: 'team' });
    const team = json<{ id: string }>(
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/teams',
        headers: ws.owner.headers,
        payload: { name: 'Sales', memberIds: [member.userId] },
      }),
    );
    t.deps.authenticator.forget();
    const teamContact = json<{ id: string }>(
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/contacts',
        headers: ws.owner.headers,
        payload: { firstName: 'Team', teamId: team.id },
      }),
    );
    await t.app.inject({ method: 'POST', url: '/api/v1/contacts', headers: ws.owner.headers, payload: { firstName: 'Private' } });
    const list = json<{ data: { id: string }[] }>(await t.app.inject({ method: 'GET', url: '/api/v1/contacts', headers: member.headers }));
    expect(list.data.map((c) => c.id)).toEqual([teamContact.id]);
  });
});
