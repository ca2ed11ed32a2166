import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorkspace, json, testApp, type TestApp, type TestWorkspace } from '../testing/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

interface Session {
  cookie: string;
  csrf: string;
}

async function signIn(email: string, password: string): Promise<Session> {
  const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email, password } });
  expect(response.statusCode, response.body).toBe(200);
  const cookie = [response.headers['set-cookie']].flat().find((c) => c?.startsWith('rapport_session='))!;
  return { cookie: cookie.split(';')[0]!, csrf: json<{ csrfToken: string }>(response).csrfToken };
}

const as = (s: Session) => ({ cookie: s.cookie, 'x-csrf-token': s.csrf });

/** Workspace B's owner, signed in, adds an address that has an account, typing another name and password. */
async function invite(email: string, b: TestWorkspace, role = 'viewer') {
  const inviter = await signIn(b.owner.email, b.owner.password);
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/members',
    headers: as(inviter),
    payload: { email, name: 'Someone Else', password: 'newpassword99', role },
  });
}

const inviteOwnerOf = (a: TestWorkspace, b: TestWorkspace, role?: string) => invite(a.owner.email.toUpperCase(), b, role);

async function received(s: Session) {
  return json<{ data: { id: string; workspace: { id: string; name: string }; role: string }[] }>(
    await t.app.inject({ method: 'GET', url: '/api/v1/invitations', headers: { cookie: s.cookie } }),
  ).data;
}

async function memberEmails(ws: TestWorkspace) {
  const list = json<{ data: { email: string }[] }>(
    await t.app.inject({ method: 'GET', url: '/api/v1/members', headers: ws.owner.headers }),
  );
  return list.data.map((m) => m.email);
}

const switchTo = (s: Session, workspaceId: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/switch-workspace', headers: as(s), payload: { workspaceId } });

async function eventsOf(workspaceId: string) {
  const { rows } = await t.db.query<{ type: string; actor_id: string | null; data: Record<string, unknown> }>(
    `SELECT type, actor_id, data FROM events WHERE workspace_id = $1 AND type LIKE 'member.%' ORDER BY id`,
    [workspaceId],
  );
  return rows;
}

describe('inviting an existing account', () => {
  it('invites instead of adding: no real name, the password unused, and nothing granted until accepted', async () => {
    const a = await buildWorkspace(t.db);
    const b = await buildWorkspace(t.db);
    const answer = await inviteOwnerOf(a, b);
    expect(answer.statusCode, answer.body).toBe(201);
    const invitation = json<{ id: string; status: string; name: string | null; notice: string; email: string; role: string }>(answer);
    expect(invitation).toMatchObject({ status: 'invited', name: null, email: a.owner.email.toUpperCase(), role: 'viewer' });
    expect(invitation.notice).toMatch(/password/);
    expect(answer.body).not.toContain('Olive Owner');

    // The given password opens nothing; the account's own still does.
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: a.owner.email, password: 'newpassword99' },
    });
    expect(wrong.statusCode).toBe(401);
    const s = await signIn(a.owner.email, a.owner.password);

    // Not a member: not in B's members, not among the session's workspaces, no switching there.
    expect(await memberEmails(b)).not.toContain(a.owner.email);
    const view = json<{ workspaces: { id: string }[] }>(
      await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: s.cookie } }),
    );
    expect(view.workspaces.map((w) => w.id)).toEqual([a.workspaceId]);
    expect((await switchTo(s, b.workspaceId)).statusCode).toBe(404);
    const team = await t.app.inject({
      method: 'POST',
      url: '/api/v1/teams',
      headers: b.owner.headers,
      payload: { name: 'Support', memberIds: [a.owner.userId] },
    });
    expect(team.statusCode).toBe(400);

    // B's admins see the invitation by the address they typed.
    const pending = json<{ data: { id: string; email: string; status: string }[] }>(
      await t.app.inject({ method: 'GET', url: '/api/v1/members/invitations', headers: b.owner.headers }),
    );
    expect(pending.data).toEqual([expect.objectContaining({ id: invitation.id, email: a.owner.email.toUpperCase(), status: 'invited' })]);
    expect(JSON.stringify(pending)).not.toContain('Olive Owner');
    expect((await inviteOwnerOf(a, b)).statusCode).toBe(409);

    // The invited person sees it, and once accepted can switch there with the role given.
    expect(await received(s)).toEqual([
      expect.objectContaining({ id: invitation.id, workspace: expect.objectContaining({ id: b.workspaceId }), role: 'viewer' }),
    ]);
    const accepted = await t.app.inject({ method: 'POST', url: `/api/v1/invitations/${invitation.id}/accept`, headers: as(s) });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(json(accepted)).toEqual({ workspaceId: b.workspaceId });
    expect(await received(s)).toEqual([]);
    expect(await memberEmails(b)).toContain(a.owner.email);
    const moved = await switchTo(s, b.workspaceId);
    expect(moved.statusCode, moved.body).toBe(200);
    expect(json(moved)).toMatchObject({ workspace: { id: b.workspaceId }, role: 'viewer', user: { name: 'Olive Owner' } });
    expect((await inviteOwnerOf(a, b)).statusCode).toBe(409);

    expect(await eventsOf(b.workspaceId)).toEqual([
      {
        type: 'member.invited',
        actor_id: b.owner.userId,
        data: { after: { email: a.owner.email.toUpperCase(), role: 'viewer', recordScope: 'all', teamIds: [] } },
      },
      {
        type: 'member.invitation_accepted',
        actor_id: a.owner.userId,
        data: { after: { email: a.owner.email.toUpperCase(), role: 'viewer', recordScope: 'all' } },
      },
    ]);
  });

  it('joins the teams it was invited to when accepted', async () => {
    const a = await buildWorkspace(t.db);
    const b = await buildWorkspace(t.db);
    const team = json<{ id: string }>(
      await t.app.inject({ method: 'POST', url: '/api/v1/teams', headers: b.owner.headers, payload: { name: 'Sales' } }),
    );
    const invited = await t.app.inject({
      method: 'POST',
      url: '/api/v1/members',
      headers: as(await signIn(b.owner.email, b.owner.password)),
      payload: { email: a.owner.email, name: 'X', password: 'newpassword99', role: 'agent', recordScope: 'team', teamIds: [team.id] },
    });
    const invitation = json<{ id: string; teamIds: string[] }>(invited);
    expect(invitation.teamIds).toEqual([team.id]);
    const s = await signIn(a.owner.email, a.owner.password);
    await t.app.inject({ method: 'POST', url: `/api/v1/invitations/${invitation.id}/accept`, headers: as(s) });
    const teams = json<{ data: { id: string; memberIds: string[] }[] }>(
      await t.app.inject({ method: 'GET', url: '/api/v1/teams', headers: b.owner.headers }),
    );
    expect(teams.data.find((x) => x.id === team.id)?.memberIds).toEqual([a.owner.userId]);
    expect(json(await switchTo(s, b.workspaceId))).toMatchObject({ role: 'agent', recordScope: 'team', teamIds: [team.id] });
  });

  it('declining removes the invitation and joins nothing; the record names no one who declined', async () => {
    const a = await buildWorkspace(t.db);
    const b = await buildWorkspace(t.db);
    const { id } = json<{ id: string }>(await inviteOwnerOf(a, b));
    const s = await signIn(a.owner.email, a.owner.password);
    const declined = await t.app.inject({ method: 'POST', url: `/api/v1/invitations/${id}/decline`, headers: as(s) });
    expect(declined.statusCode, declined.body).toBe(204);
    expect(await received(s)).toEqual([]);
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/invitations/${id}/accept`, headers: as(s) })).statusCode).toBe(404);
    expect((await switchTo(s, b.workspaceId)).statusCode).toBe(404);
    expect(await memberEmails(b)).not.toContain(a.owner.email);
    const list = json<{ data: unknown[] }>(
      await t.app.inject({ method: 'GET', url: '/api/v1/members/invitations', headers: b.owner.headers }),
    );
    expect(list.data).toEqual([]);
    expect((await eventsOf(b.workspaceId)).at(-1)).toEqual({
      type: 'member.invitation_declined',
      actor_id: null,
      data: { before: { email: a.owner.email.toUpperCase(), role: 'viewer' } },
    });
  });

  it('an admin withdraws an invitation, which can then not be accepted', async () => {
    const a = await buildWorkspace(t.db);
    const b = await buildWorkspace(t.db);
    const admin = await b.member('admin');
    const { id } = json<{ id: string }>(await inviteOwnerOf(a, b));
    const agent = await b.member('agent');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/members/invitations', headers: agent.headers })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/members/invitations/${id}`, headers: agent.headers })).statusCode).toBe(
      403,
    );
    const withdrawn = await t.app.inject({ method: 'DELETE', url: `/api/v1/members/invitations/${id}`, headers: admin.headers });
    expect(withdrawn.statusCode, withdrawn.body).toBe(204);
    const s = await signIn(a.owner.email, a.owner.password);
    expect(await received(s)).toEqual([]);
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/invitations/${id}/accept`, headers: as(s) })).statusCode).toBe(404);
    expect((await eventsOf(b.workspaceId)).at(-1)).toMatchObject({ type: 'member.invitation_withdrawn', actor_id: admin.userId });
  });

  it("refuses another workspace's invitation ids, and another person's", async () => {
    const a = await buildWorkspace(t.db);
    const b = await buildWorkspace(t.db);
    const c = await buildWorkspace(t.db);
    const { id } = json<{ id: string }>(await inviteOwnerOf(a, b));
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/members/invitations/${id}`, headers: c.owner.headers })).statusCode).toBe(
      404,
    );
    const listed = json<{ data: unknown[] }>(
      await t.app.inject({ method: 'GET', url: '/api/v1/members/invitations', headers: c.owner.headers }),
    );
    expect(listed.data).toEqual([]);
    const someoneElse = await signIn(c.owner.email, c.owner.password);
    expect(await received(someoneElse)).toEqual([]);
    for (const answer of ['accept', 'decline']) {
      const refused = await t.app.inject({ method: 'POST', url: `/api/v1/invitations/${id}/${answer}`, headers: as(someoneElse) });
      expect(refused.statusCode, answer).toBe(404);
    }
    // An API token belongs to its workspace: it answers no one's invitations.
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/invitations', headers: a.owner.headers })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/invitations/${id}/accept`, headers: a.owner.headers })).statusCode).toBe(
      403,
    );
    const s = await signIn(a.owner.email, a.owner.password);
    expect(await received(s)).toHaveLength(1);
  });

  it('lets an account in no workspace sign in by accepting an invitation, which the refusal lists', async () => {
    const a = await buildWorkspace(t.db);
    const b = await buildWorkspace(t.db);
    const c = await buildWorkspace(t.db);
    const agent = await a.member('agent');
    const signInAs = (payload: object) =>
      t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email: agent.email, password: agent.password, ...payload } });
    // Removed from their only workspace, with nothing waiting: told so, and how to get back in.
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/members/${agent.userId}`, headers: a.owner.headers })).statusCode).toBe(
      204,
    );
    const alone = await signInAs({});
    expect(alone.statusCode).toBe(403);
    expect(json(alone)).toMatchObject({ code: 'no_workspace', invitations: [], detail: expect.stringMatching(/invite/) });
    expect(alone.headers['set-cookie']).toBeUndefined();

    const { id } = json<{ id: string }>(await invite(agent.email, b, 'agent'));
    const waiting = await signInAs({});
    expect(waiting.statusCode).toBe(403);
    expect(json(waiting)).toMatchObject({
      code: 'no_workspace',
      invitations: [{ id, workspace: { id: b.workspaceId }, role: 'agent' }],
    });
    // Someone else's invitation, or a wrong password, gets no one in.
    const { id: foreign } = json<{ id: string }>(await inviteOwnerOf(a, c));
    expect((await signInAs({ acceptInvitation: foreign })).statusCode).toBe(404);
    const guessed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: agent.email, password: 'not-the-password', acceptInvitation: id },
    });
    expect(guessed.statusCode).toBe(401);
    expect(await memberEmails(b)).not.toContain(agent.email);

    const joined = await signInAs({ acceptInvitation: id });
    expect(joined.statusCode, joined.body).toBe(200);
    expect(json(joined)).toMatchObject({ workspace: { id: b.workspaceId }, role: 'agent', workspaces: [{ id: b.workspaceId }] });
    expect(joined.headers['set-cookie']).toBeDefined();
    expect(await memberEmails(b)).toContain(agent.email);
    expect((await eventsOf(b.workspaceId)).at(-1)).toMatchObject({ type: 'member.invitation_accepted', actor_id: agent.userId });
    // A member again: signing in needs nothing more.
    expect((await signInAs({})).statusCode).toBe(200);
  });

  it('still creates a new address as an account and a member at once, in the same shape', async () => {
    const b = await buildWorkspace(t.db);
    const added = await t.app.inject({
      method: 'POST',
      url: '/api/v1/members',
      headers: as(await signIn(b.owner.email, b.owner.password)),
      payload: { email: 'fresh@example.test', name: 'Fresh Face', password: 'newpassword99', role: 'agent' },
    });
    expect(added.statusCode).toBe(201);
    expect(json(added)).toMatchObject({ status: 'active', name: 'Fresh Face', email: 'fresh@example.test', role: 'agent', notice: null });
    const s = await signIn('fresh@example.test', 'newpassword99');
    expect(await received(s)).toEqual([]);
    expect(await memberEmails(b)).toContain('fresh@example.test');
  });
});
