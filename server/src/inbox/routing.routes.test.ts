import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorkspace, json, testApp, type Member, type TestApp, type TestWorkspace } from '../platform/testing/test-app.js';
import { hasKeyword, leastLoaded, nextInTurn } from './assignment.js';
import { insertConversation, recordConversationCreated, type ConversationFixture } from './testing/conversations.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

type Headers = Record<string, string>;
const send = (headers: Headers, method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: object) =>
  t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

/** Everything the relay has: the shared app's relay runs this worker's subscribers. */
async function relay() {
  await t.deps.relay.flush();
  await t.deps.relay.flush();
}

/** A new conversation as the pipeline would create it, routed. */
async function arrive(ws: TestWorkspace, fixture: ConversationFixture = {}) {
  const c = await insertConversation(t.db, ws.workspaceId, fixture);
  await recordConversationCreated(t.db, ws.workspaceId, c);
  await relay();
  return json<{ id: string; teamId: string | null; assigneeId: string | null; priority: string; labels: string[] }>(
    await send(ws.owner.headers, 'GET', `/api/v1/conversations/${c.id}`),
  );
}

async function teamOf(ws: TestWorkspace, members: Member[], assignment?: string): Promise<string> {
  const team = json<{ id: string }>(
    await send(ws.owner.headers, 'POST', '/api/v1/teams', { name: `Team ${Math.random()}`, memberIds: members.map((m) => m.userId) }),
  );
  if (assignment) {
    const response = await send(ws.owner.headers, 'PUT', `/api/v1/teams/${team.id}/inbox-settings`, { assignment });
    expect(response.statusCode, response.body).toBe(200);
  }
  return team.id;
}

describe('routing decisions', () => {
  it('matches keywords as whole words in any case', () => {
    expect(hasKeyword('I want a REFUND!', ['refund'])).toBe(true);
    expect(hasKeyword('refunded already', ['refund'])).toBe(false);
    expect(hasKeyword('Kündigung bitte', ['kündigung'])).toBe(true);
    expect(hasKeyword('my credit card was charged twice', ['credit card'])).toBe(true);
  });

  it('takes turns in a stable order and gives ties to the next in turn', () => {
    expect(nextInTurn(['b', 'a', 'c'], null)).toBe('a');
    expect(nextInTurn(['b', 'a', 'c'], 'b')).toBe('c');
    expect(nextInTurn(['b', 'a', 'c'], 'c')).toBe('a');
    expect(nextInTurn(['a', 'c'], 'b')).toBe('c');
    expect(nextInTurn([], 'a')).toBeNull();
    expect(
      leastLoaded(
        [
          { userId: 'a', open: 1 },
          { userId: 'b', open: 0 },
          { userId: 'c', open: 0 },
        ],
        'b',
      ),
    ).toBe('c');
  });
});

describe('routing rules API', () => {
  it('keeps ordered rules, checks what they name, and lets only admins change them', async () => {
    const ws = await buildWorkspace(t.db);
    const agent = await ws.member('agent');
    const team = await teamOf(ws, []);
    const create = (payload: object) => send(ws.owner.headers, 'POST', '/api/v1/routing-rules', payload);
    const first = await create({ name: 'Billing', conditions: { keywords: ['invoice'] }, actions: { teamId: team } });
    expect(first.statusCode, first.body).toBe(201);
    const second = json<{ id: string; position: number }>(await create({ name: 'VIP', conditions: {}, actions: { priority: 'high' } }));
    expect(second.position).toBe(1);
    const list = json<{ data: { name: string }[] }>(await send(ws.owner.headers, 'GET', '/api/v1/routing-rules'));
    expect(list.data.map((r) => r.name)).toEqual(['Billing', 'VIP']);
    const moved = await send(ws.owner.headers, 'PATCH', `/api/v1/routing-rules/${second.id}`, { position: 0, enabled: false });
    expect(json(moved)).toMatchObject({ position: 0, enabled: false });
    const bad = await create({
      name: 'x',
      conditions: {},
      actions: { teamId: '00000000-0000-4000-8000-000000000000', assigneeId: (await buildWorkspace(t.db)).owner.userId },
    });
    expect(json<{ errors: { field: string }[] }>(bad).errors.map((e) => e.field)).toEqual(['actions.teamId', 'actions.assigneeId']);
    expect((await create({ name: 'x', conditions: {}, actions: {} })).statusCode).toBe(400);
    const blankKeyword = await create({ name: 'x', conditions: { keywords: ['refund', '  '] }, actions: { priority: 'high' } });
    expect(blankKeyword.statusCode, blankKeyword.body).toBe(400);
    expect(json<{ errors: unknown[] }>(blankKeyword).errors).toEqual([{ field: 'conditions.keywords.1', reason: 'must not be blank' }]);
    // A network no channel brings would make a rule that never matches.
    const myspace = await create({ name: 'x', conditions: { networks: ['mastodon', 'myspace'] }, actions: { priority: 'high' } });
    expect(myspace.statusCode, myspace.body).toBe(400);
    expect(json<{ errors: { field: string; reason: string }[] }>(myspace).errors).toEqual([
      { field: 'conditions.networks.1', reason: expect.stringMatching(/^must be one of: .*mastodon.*twitter/) },
    ]);
    const renetworked = await send(ws.owner.headers, 'PATCH', `/api/v1/routing-rules/${second.id}`, { conditions: { networks: ['X'] } });
    expect(renetworked.statusCode, renetworked.body).toBe(400);
    const blanked = await send(ws.owner.headers, 'PATCH', `/api/v1/routing-rules/${second.id}`, { conditions: { keywords: [' '] } });
    expect(blanked.statusCode, blanked.body).toBe(400);
    expect(
      (await send(agent.headers, 'POST', '/api/v1/routing-rules', { name: 'x', conditions: {}, actions: { priority: 'low' } })).statusCode,
    ).toBe(403);
    expect((await send(ws.owner.headers, 'DELETE', `/api/v1/routing-rules/${second.id}`)).statusCode).toBe(204);
    expect((await send(ws.owner.headers, 'GET', `/api/v1/routing-rules/${second.id}`)).statusCode).toBe(404);
  });

  it('keeps team inbox settings, manual until set', async () => {
    const ws = await buildWorkspace(t.db);
    const team = await teamOf(ws, []);
    expect(json(await send(ws.owner.headers, 'GET', `/api/v1/teams/${team}/inbox-settings`))).toEqual({
      teamId: team,
      assignment: 'manual',
      updatedAt: null,
    });
    await send(ws.owner.headers, 'PUT', `/api/v1/teams/${team}/inbox-settings`, { assignment: 'least_loaded' });
    expect(json(await send(ws.owner.headers, 'GET', `/api/v1/teams/${team}/inbox-settings`))).toMatchObject({ assignment: 'least_loaded' });
    const foreign = await teamOf(await buildWorkspace(t.db), []);
    expect((await send(ws.owner.headers, 'PUT', `/api/v1/teams/${foreign}/inbox-settings`, { assignment: 'manual' })).statusCode).toBe(404);
  });
});

describe('routing new conversations', () => {
  it('applies the first matching rule once', async () => {
    const ws = await buildWorkspace(t.db);
    const agent = await ws.member('agent');
    const billing = await teamOf(ws, []);
    const rules = [
      { name: 'Disabled', enabled: false, conditions: {}, actions: { priority: 'low' } },
      {
        name: 'Billing',
        conditions: { keywords: ['invoice', 'refund'] },
        actions: { teamId: billing, priority: 'high', addLabels: ['billing'] },
      },
      { name: 'Mastodon', conditions: { networks: ['mastodon'] }, actions: { assigneeId: agent.userId } },
      { name: 'Everything else', conditions: {}, actions: { addLabels: ['triage'] } },
    ];
    for (const rule of rules) expect((await send(ws.owner.headers, 'POST', '/api/v1/routing-rules', rule)).statusCode).toBe(201);

    const refund = await arrive(ws, { network: 'mastodon', subject: '', messages: [{ text: 'I need a Refund now' }] });
    expect(refund).toMatchObject({ teamId: billing, priority: 'high', labels: ['billing'], assigneeId: null });
    const toot = await arrive(ws, { network: 'mastodon', messages: [{ text: 'hello there' }] });
    expect(toot).toMatchObject({ assigneeId: agent.userId, priority: 'normal', labels: [] });
    const other = await arrive(ws, { network: 'email' });
    expect(other).toMatchObject({ labels: ['triage'], priority: 'normal' });

    const { data } = json<{ data: { kind: string; subjectId: string }[] }>(await send(agent.headers, 'GET', '/api/v1/notifications'));
    expect(data).toEqual([expect.objectContaining({ kind: 'conversation.assigned', subjectId: toot.id })]);

    // Delivered again (at-least-once): routed only the first time.
    await recordConversationCreated(t.db, ws.workspaceId, { id: other.id, identityId: null, messageIds: [] });
    await send(ws.owner.headers, 'PATCH', `/api/v1/conversations/${other.id}`, { labels: [] });
    await relay();
    expect(json(await send(ws.owner.headers, 'GET', `/api/v1/conversations/${other.id}`))).toMatchObject({ labels: [] });
    const { rows } = await t.db.query(`SELECT 1 FROM events WHERE workspace_id = $1 AND type = 'conversation.routed'`, [ws.workspaceId]);
    expect(rows).toHaveLength(3);
  });

  it('hands a team’s conversations out round-robin', async () => {
    const ws = await buildWorkspace(t.db);
    const agents = [await ws.member('agent'), await ws.member('agent'), await ws.member('agent')];
    const viewer = await ws.member('viewer');
    const team = await teamOf(ws, [...agents, viewer], 'round_robin');
    const assigned: (string | null)[] = [];
    for (let i = 0; i < 6; i++) assigned.push((await arrive(ws, { teamId: team })).assigneeId);
    const order = agents.map((a) => a.userId).sort();
    expect(assigned).toEqual([...order, ...order]);
  });

  it('hands a team’s conversations to whoever has the fewest open ones', async () => {
    const ws = await buildWorkspace(t.db);
    const [a, b, c] = [await ws.member('agent'), await ws.member('agent'), await ws.member('agent')];
    const team = await teamOf(ws, [a!, b!, c!], 'least_loaded');
    for (let i = 0; i < 3; i++) await insertConversation(t.db, ws.workspaceId, { assigneeId: a!.userId });
    await insertConversation(t.db, ws.workspaceId, { assigneeId: b!.userId });
    await insertConversation(t.db, ws.workspaceId, { assigneeId: b!.userId, status: 'resolved' });
    await insertConversation(t.db, ws.workspaceId, { assigneeId: c!.userId, isSpam: true });
    const assigned: (string | null)[] = [];
    for (let i = 0; i < 5; i++) assigned.push((await arrive(ws, { teamId: team })).assigneeId);
    const count = (m: Member) => assigned.filter((id) => id === m.userId).length;
    // Open loads before: a 3, b 1, c 0 → five new ones level everyone at 3.
    expect([count(a!), count(b!), count(c!)]).toEqual([0, 2, 3]);
    expect(assigned[0]).toBe(c!.userId);
  });

  it('leaves manual teams’ conversations unassigned', async () => {
    const ws = await buildWorkspace(t.db);
    const team = await teamOf(ws, [await ws.member('agent')]);
    expect(await arrive(ws, { teamId: team })).toMatchObject({ teamId: team, assigneeId: null });
  });
});
