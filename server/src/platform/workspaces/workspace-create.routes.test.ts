import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorkspace, json, signedIn, testApp, type TestApp } from '../testing/test-app.js';
import { MAX_OWNED_WORKSPACES } from './workspace.service.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

type Headers = Record<string, string>;
interface CreatedWorkspace {
  id: string;
  name: string;
  slug: string;
  createdAt: string;
}
interface SessionBody {
  workspace: { id: string };
  role: string;
  workspaces: { id: string; name: string; role: string }[];
}

const create = (headers: Headers, payload: unknown, extra: Headers = {}) =>
  t.app.inject({ method: 'POST', url: '/api/v1/workspaces', headers: { ...headers, ...extra }, payload: payload as object });

const sessionOf = async (headers: Headers) =>
  json<SessionBody>(await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: headers.cookie! } }));

const switchTo = (headers: Headers, workspaceId: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/switch-workspace', headers, payload: { workspaceId } });

async function workspaceCount(): Promise<number> {
  const { rows } = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM workspaces');
  return rows[0]!.n;
}

describe('POST /api/v1/workspaces', () => {
  it('creates a workspace owned by the signed-in person, whatever their role where they are, who can switch to it', async () => {
    const home = await buildWorkspace(t.db);
    const viewer = await home.member('viewer');
    const session = await signedIn(t.app, viewer);
    const answer = await create(session, { name: '  Side Project  ' });
    expect(answer.statusCode, answer.body).toBe(201);
    const created = json<CreatedWorkspace>(answer);
    expect(created).toEqual({
      id: expect.any(String),
      name: 'Side Project',
      slug: expect.stringMatching(/^side-project-/),
      createdAt: expect.any(String),
    });
    expect(Object.keys(created).sort()).toEqual(['createdAt', 'id', 'name', 'slug']);

    // The session stays where it was, and lists the new workspace as the person's own.
    const before = await sessionOf(session);
    expect(before.workspace.id).toBe(home.workspaceId);
    expect(before.workspaces).toContainEqual({ id: created.id, name: 'Side Project', role: 'owner' });

    const moved = await switchTo(session, created.id);
    expect(moved.statusCode, moved.body).toBe(200);
    expect(json(moved)).toMatchObject({ workspace: { id: created.id, name: 'Side Project' }, role: 'owner', recordScope: 'all' });
    const there = [moved.headers['set-cookie']]
      .flat()
      .find((c) => c?.startsWith('rapport_session='))!
      .split(';')[0]!;
    const ownerThere = { cookie: there, 'x-csrf-token': json<{ csrfToken: string }>(moved).csrfToken };
    const members = json<{ data: { id: string; role: string }[] }>(
      await t.app.inject({ method: 'GET', url: '/api/v1/members', headers: ownerThere }),
    );
    expect(members.data).toEqual([expect.objectContaining({ id: viewer.userId, role: 'owner' })]);
    // Nothing in it but what a fresh workspace has: no teams, no contacts, no conversations.
    for (const url of ['/api/v1/teams', '/api/v1/contacts', '/api/v1/conversations']) {
      const list = await t.app.inject({ method: 'GET', url, headers: ownerThere });
      expect(list.statusCode, `${url}: ${list.body}`).toBe(200);
      expect(json<{ data: unknown[] }>(list).data, url).toEqual([]);
    }
    // As its owner they can work there: a team made in it is its own.
    const team = await t.app.inject({ method: 'POST', url: '/api/v1/teams', headers: ownerThere, payload: { name: 'Founders' } });
    expect(team.statusCode, team.body).toBe(201);

    // Audited in the new workspace, as made by its creator.
    const audit = json<{ data: { type: string; actorId: string; data: unknown }[] }>(
      await t.app.inject({ method: 'GET', url: '/api/v1/audit-log?type=workspace.created', headers: ownerThere }),
    );
    expect(audit.data).toEqual([
      expect.objectContaining({ type: 'workspace.created', actorId: viewer.userId, data: { after: { name: 'Side Project' } } }),
    ]);
  });

  it('refuses a blank, missing, too long or non-text name, and unknown fields, with a problem naming the field, creating nothing', async () => {
    const home = await buildWorkspace(t.db);
    const session = await signedIn(t.app, home.owner);
    const count = await workspaceCount();
    for (const payload of [{ name: '' }, { name: '   \t ' }, { name: 'x'.repeat(201) }, {}, { name: 'Fine', plan: 'gold' }, { name: 42 }]) {
      const answer = await create(session, payload);
      expect(answer.statusCode, JSON.stringify(payload)).toBe(400);
      expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
      const problem = json<{ code: string; errors: { field: string }[] }>(answer);
      expect(problem.code).toBe('validation_failed');
      expect(problem.errors.map((e) => e.field).join(' '), JSON.stringify(payload)).toMatch(/name|plan/);
    }
    expect((await create(session, { name: 'x'.repeat(200) })).statusCode).toBe(201);
    expect(await workspaceCount()).toBe(count + 1);
  });

  it('refuses API tokens, even an owner’s with every scope, creating nothing', async () => {
    const home = await buildWorkspace(t.db);
    const count = await workspaceCount();
    const refused = await create(home.owner.headers, { name: 'Made by a script' });
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(json(refused)).toMatchObject({ code: 'forbidden', detail: expect.stringMatching(/API token.*sign in/) });
    const readOnly = await home.member('admin', { scopes: ['read'] });
    expect((await create(readOnly.headers, { name: 'Read only' })).statusCode).toBe(403);
    expect(await workspaceCount()).toBe(count);
    const { rows } = await t.db.query(`SELECT 1 FROM workspaces WHERE name IN ('Made by a script', 'Read only')`);
    expect(rows).toEqual([]);
  });

  it('is the creator’s alone: another person neither sees it nor can switch to it', async () => {
    const a = await buildWorkspace(t.db);
    const b = await buildWorkspace(t.db);
    const colleague = await a.member('admin');
    const mine = json<CreatedWorkspace>(await create(await signedIn(t.app, a.owner), { name: 'Private venture' }));
    for (const other of [colleague, b.owner]) {
      const session = await signedIn(t.app, other);
      expect((await sessionOf(session)).workspaces.map((w) => w.id)).not.toContain(mine.id);
      expect((await switchTo(session, mine.id)).statusCode).toBe(404);
    }
    // Nor does the workspace the creator came from gain or lose anyone.
    const members = json<{ data: { id: string }[] }>(
      await t.app.inject({ method: 'GET', url: '/api/v1/members', headers: a.owner.headers }),
    );
    expect(members.data.map((m) => m.id).sort()).toEqual([a.owner.userId, colleague.userId].sort());
  });

  it('answers a retry with the same Idempotency-Key with the workspace first made', async () => {
    const home = await buildWorkspace(t.db);
    const session = await signedIn(t.app, home.owner);
    const first = await create(session, { name: 'Retried' }, { 'idempotency-key': 'new-workspace-1' });
    const again = await create(session, { name: 'Retried' }, { 'idempotency-key': 'new-workspace-1' });
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(json<CreatedWorkspace>(again).id).toBe(json<CreatedWorkspace>(first).id);
    const { rows } = await t.db.query(
      `SELECT 1 FROM memberships m JOIN workspaces w ON w.id = m.workspace_id WHERE m.user_id = $1 AND w.name = 'Retried'`,
      [home.owner.userId],
    );
    expect(rows).toHaveLength(1);
  });

  it(`stops a person at ${MAX_OWNED_WORKSPACES} owned workspaces, also when the last ones are asked for at once`, async () => {
    const home = await buildWorkspace(t.db);
    const session = await signedIn(t.app, home.owner);
    // The workspace they were given counts: they own it.
    for (let i = 2; i < MAX_OWNED_WORKSPACES; i++) expect((await create(session, { name: `Venture ${i}` })).statusCode).toBe(201);
    const racing = await Promise.all([1, 2, 3].map((i) => create(session, { name: `Last ${i}` })));
    expect(racing.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
    const refused = racing.find((r) => r.statusCode === 409)!;
    expect(json(refused)).toMatchObject({
      code: 'workspace_limit',
      detail: expect.stringContaining(`until they own ${MAX_OWNED_WORKSPACES}`),
    });
    const { rows } = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM memberships WHERE user_id = $1 AND role = 'owner'`, [
      home.owner.userId,
    ]);
    expect(rows[0]!.n).toBe(MAX_OWNED_WORKSPACES);
    // Owning fewer again (another owner took one over, they left it) lets them create one more.
    const session2 = await sessionOf(session);
    const given = session2.workspaces.find((w) => w.id !== home.workspaceId)!;
    await t.db.query(`UPDATE memberships SET role = 'admin' WHERE workspace_id = $1 AND user_id = $2`, [given.id, home.owner.userId]);
    expect((await create(session, { name: 'One more' })).statusCode).toBe(201);
  });
});
