import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorkspace, json, signedIn, testApp, type TestApp } from '../testing/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

describe('members and teams', () => {
  it('adds a member who can then sign in with the given role', async () => {
    const ws = await buildWorkspace(t.db);
    const owner = await signedIn(t.app, ws.owner);
    const added = await t.app.inject({
      method: 'POST',
      url: '/api/v1/members',
      headers: owner,
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
      headers: owner,
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
    const adminSession = await signedIn(t.app, admin);
    const agent = await ws.member('agent');
    const promote = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/members/${agent.userId}`,
      headers: adminSession,
      payload: { role: 'owner' },
    });
    expect(promote.statusCode).toBe(403);
    expect(json(promote).detail).toBe('Only an owner can make an owner or change one');
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
        headers: adminSession,
        payload: { email, name: 'Boss', password: 'long-enough-pw', role: 'owner' },
      });
      expect(added.statusCode, added.body).toBe(403);
      expect(json(added).detail).toBe('Only an owner can add an owner');
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

  it('takes a signed-in person to add or invite a member, raise a role or widen a record scope; a token may take access away', async () => {
    const ws = await buildWorkspace(t.db);
    const elsewhere = await buildWorkspace(t.db);
    const agent = await ws.member('agent', { recordScope: 'team' });
    const patch = (headers: Record<string, string>, payload: object) =>
      t.app.inject({ method: 'PATCH', url: `/api/v1/members/${agent.userId}`, headers, payload });
    const eventsBefore = await t.db.query('SELECT id FROM events WHERE workspace_id = $1', [ws.workspaceId]);

    for (const email of ['made.up@example.test', elsewhere.owner.email]) {
      const added = await t.app.inject({
        method: 'POST',
        url: '/api/v1/members',
        headers: ws.owner.headers,
        payload: { email, name: 'Backdoor', password: 'long-enough-pw', role: 'viewer' },
      });
      expect(added.statusCode, email).toBe(403);
      expect(json(added), email).toMatchObject({
        code: 'forbidden',
        detail: 'API tokens cannot add or invite members; sign in to add one',
      });
    }
    for (const payload of [{ role: 'admin' }, { recordScope: 'all' }, { role: 'viewer', recordScope: 'all' }]) {
      const raised = await patch(ws.owner.headers, payload);
      expect(raised.statusCode, JSON.stringify(payload)).toBe(403);
      expect(json(raised).detail).toBe("API tokens cannot raise a member's role or widen their record scope; sign in to do it");
    }
    const { rows: users } = await t.db.query('SELECT 1 FROM users WHERE email = $1', ['made.up@example.test']);
    expect(users).toEqual([]);
    const { rows: invited } = await t.db.query('SELECT 1 FROM workspace_invitations WHERE workspace_id = $1', [ws.workspaceId]);
    expect(invited).toEqual([]);
    const eventsAfter = await t.db.query('SELECT id FROM events WHERE workspace_id = $1', [ws.workspaceId]);
    expect(eventsAfter.rows).toEqual(eventsBefore.rows);

    // Taking access away is a token's to do; so is a change that gives nothing.
    expect(json(await patch(ws.owner.headers, { role: 'agent', recordScope: 'team' }))).toMatchObject({
      role: 'agent',
      recordScope: 'team',
    });
    expect(json(await patch(ws.owner.headers, { role: 'viewer', recordScope: 'own' }))).toMatchObject({
      role: 'viewer',
      recordScope: 'own',
    });
    const owner = await signedIn(t.app, ws.owner);
    expect(json(await patch(owner, { role: 'admin', recordScope: 'all' }))).toMatchObject({ role: 'admin', recordScope: 'all' });
    const removed = await t.app.inject({ method: 'DELETE', url: `/api/v1/members/${agent.userId}`, headers: ws.owner.headers });
    expect(removed.statusCode).toBe(204);
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
    const member = await t.app.inject({
      method: 'POST',
      url: '/api/v1/members',
      headers: await signedIn(t.app, ws.owner),
      payload: { email: 'blank@example.test', name: '  ', password: 'correct-horse-battery', role: 'agent' },
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
