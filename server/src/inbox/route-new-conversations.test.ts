/**
 * Routing a relay pass's new conversations together: the same outcome as routing them one at a
 * time, for a statement count that does not grow with the pass.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db, Queryable } from '../platform/db/db.js';
import { newId } from '../platform/db/ids.js';
import type { DomainEvent } from '../platform/events/event.js';
import { buildWorkspace, json, testApp, type TestApp, type TestWorkspace } from '../platform/testing/test-app.js';
import { routeNewConversation } from './route-conversation.js';
import { routeNewConversations } from './route-new-conversations.js';
import { insertConversation, type ConversationFixture } from './testing/conversations.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

type Headers = Record<string, string>;
const send = async <T = Record<string, unknown>>(headers: Headers, method: 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) => {
  const response = await t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  expect(response.statusCode, response.body).toBeLessThan(300);
  return response.body ? json<T>(response) : ({} as T);
};

async function teamOf(ws: TestWorkspace, memberIds: string[], assignment?: string): Promise<string> {
  const team = await send<{ id: string }>(ws.owner.headers, 'POST', '/api/v1/teams', { name: `Team ${newId()}`, memberIds });
  if (assignment) await send(ws.owner.headers, 'PUT', `/api/v1/teams/${team.id}/inbox-settings`, { assignment });
  return team.id;
}

let eventIds = 0;

/**
 * A `conversation.created` event as the relay hands it over. Kept out of the outbox: the shared
 * app's relay, nudged by the API calls of the set-up, would route it too.
 */
const created = (workspaceId: string, conversationId: string): DomainEvent => ({
  id: ++eventIds,
  workspaceId,
  type: 'conversation.created',
  subjectType: 'conversation',
  subjectId: conversationId,
  actorId: null,
  data: {},
  occurredAt: new Date(),
});

/**
 * A workspace with teams taking turns both ways (two agents in both), rules matching on keywords,
 * network and tier, a rule naming a deleted team, an SLA policy with tier targets, and a pass of
 * new conversations of every kind. Agents are named by the order of their ids, so two workspaces
 * built alike take the same turns.
 */
async function scenario() {
  const ws = await buildWorkspace(t.db);
  const agents: string[] = [];
  for (let i = 0; i < 4; i++) agents.push((await ws.member('agent')).userId);
  agents.sort();
  const [a0, a1, a2, a3] = agents as [string, string, string, string];
  const viewer = (await ws.member('viewer')).userId;
  const teams = {
    roundRobin: await teamOf(ws, [a0, a1, a2, viewer], 'round_robin'),
    leastLoaded: await teamOf(ws, [a1, a2, a3], 'least_loaded'),
    manual: await teamOf(ws, [a0]),
    gone: await teamOf(ws, []),
  };
  const rules = [
    { name: 'Legacy', conditions: { keywords: ['obsolete'] }, actions: { teamId: teams.gone, addLabels: ['legacy'] } },
    {
      name: 'Refunds',
      conditions: { keywords: ['refund'] },
      actions: { teamId: teams.leastLoaded, priority: 'high', addLabels: ['billing'] },
    },
    { name: 'VIP', conditions: { tiers: ['gold'] }, actions: { assigneeId: a3, priority: 'urgent' } },
    { name: 'Mastodon', conditions: { networks: ['mastodon'] }, actions: { teamId: teams.roundRobin } },
  ];
  const ruleIds: Record<string, string> = {};
  for (const rule of rules) ruleIds[rule.name] = (await send<{ id: string }>(ws.owner.headers, 'POST', '/api/v1/routing-rules', rule)).id;
  await send(ws.owner.headers, 'DELETE', `/api/v1/teams/${teams.gone}`);
  await send(ws.owner.headers, 'PUT', '/api/v1/inbox/sla-policy', {
    firstResponseMinutes: 30,
    nextResponseMinutes: null,
    resolutionMinutes: 600,
    businessHours: null,
    tierTargets: { gold: { firstResponseMinutes: 10, nextResponseMinutes: null, resolutionMinutes: 120 } },
  });
  const gold = (await send<{ id: string }>(ws.owner.headers, 'POST', '/api/v1/contacts', { firstName: 'Goldie', lastName: 'Vip' })).id;
  await t.db.query(
    `INSERT INTO contact_scores (workspace_id, contact_id, value_score, tier, health, components, computed_at)
     VALUES ($1, $2, 90, 'gold', 50, '{}', now())`,
    [ws.workspaceId, gold],
  );
  // Open loads before the pass: a3 holds two, a1 one; a resolved one of a2's does not count.
  for (const fixture of [{ assigneeId: a3 }, { assigneeId: a3 }, { assigneeId: a1 }, { assigneeId: a2, status: 'resolved' as const }])
    await insertConversation(t.db, ws.workspaceId, fixture);

  const rr = { teamId: teams.roundRobin };
  const ll = { teamId: teams.leastLoaded };
  const refund = { messages: [{ text: 'I want a Refund, please' }] };
  const fixtures: ConversationFixture[] = [
    rr,
    ll,
    rr,
    { network: 'mastodon' },
    ll,
    refund,
    { contactId: gold },
    rr,
    {},
    ll,
    { ...rr, network: 'mastodon', ...refund },
    { messages: [{ text: 'an obsolete question' }] },
    rr,
    { ...ll, status: 'resolved' },
    ll,
    { network: 'mastodon' },
    { ...rr, assigneeId: a2 },
    { teamId: teams.manual },
    refund,
    rr,
    { ...ll, isSpam: true },
    ll,
    { contactId: gold, ...ll },
    {},
    rr,
    { network: 'mastodon' },
    ll,
    refund,
    rr,
    {},
  ];
  const ids: string[] = [];
  const events: DomainEvent[] = [];
  const arrive = async (fixture: ConversationFixture) => {
    const { id } = await insertConversation(t.db, ws.workspaceId, fixture);
    ids.push(id);
    events.push(created(ws.workspaceId, id));
    return id;
  };
  for (const fixture of fixtures) await arrive(fixture);
  // Delivered twice: routed once, its clocks running from the first delivery.
  events.push({ ...created(ws.workspaceId, ids[2]!), occurredAt: new Date(Date.now() + 5 * 60_000) });
  const merged = await arrive(rr);
  await t.db.query('UPDATE conversations SET merged_into_id = $3 WHERE workspace_id = $1 AND id = $2', [ws.workspaceId, merged, ids[0]]);
  const listening = await arrive(rr);
  await t.db.query('UPDATE conversations SET in_inbox = false WHERE workspace_id = $1 AND id = $2', [ws.workspaceId, listening]);
  const missing = newId();
  events.push(created(ws.workspaceId, missing));
  const routedBefore = await arrive(rr);
  // Routed (taking a turn) before this pass, then relabelled: delivered again, it stays as it is.
  await routeNewConversation(t.db, events.at(-1)!);
  await t.db.query(`UPDATE conversations SET labels = '{kept}' WHERE workspace_id = $1 AND id = $2`, [ws.workspaceId, routedBefore]);

  const names = new Map<string, string>([
    ...agents.map((id, i) => [id, `a${i}`] as const),
    ...Object.entries(teams).map(([name, id]) => [id, name] as const),
    ...Object.entries(ruleIds).map(([name, id]) => [id, name] as const),
    ...ids.map((id, i) => [id, `c${i}`] as const),
    [missing, 'missing'],
  ]);
  return { ws, events, names, ids };
}

type Scenario = Awaited<ReturnType<typeof scenario>>;

/** What routing left behind, with ids replaced by names so two workspaces compare. */
async function outcome({ ws, events, names, ids }: Scenario) {
  // A conversation delivered twice arrived with its first delivery.
  const arrived = new Map([...events].reverse().map((e) => [e.subjectId, new Date(e.occurredAt).getTime()]));
  const minutesAfterArrival = (id: string, at: Date | null) => (at ? (new Date(at).getTime() - arrived.get(id)!) / 60_000 : null);
  const { rows: conversations } = await t.db.query<{
    id: string;
    teamId: string | null;
    assigneeId: string | null;
    priority: string;
    labels: string[];
    firstResponseDueAt: Date | null;
    resolutionDueAt: Date | null;
  }>(
    `SELECT id, team_id AS "teamId", assignee_id AS "assigneeId", priority, labels,
            first_response_due_at AS "firstResponseDueAt", resolution_due_at AS "resolutionDueAt"
       FROM conversations WHERE workspace_id = $1 AND id = ANY($2::uuid[])`,
    [ws.workspaceId, ids],
  );
  const { rows: written } = await t.db.query<{ type: string; subjectId: string; data: object }>(
    `SELECT type, subject_id AS "subjectId", data FROM events
      WHERE workspace_id = $1 AND type IN ('conversation.routed', 'conversation.updated') ORDER BY id`,
    [ws.workspaceId],
  );
  const { rows: notified } = await t.db.query<{ userId: string; subjectId: string }>(
    `SELECT user_id AS "userId", subject_id AS "subjectId" FROM notifications
      WHERE workspace_id = $1 AND kind = 'conversation.assigned'`,
    [ws.workspaceId],
  );
  const { rows: turns } = await t.db.query<{ teamId: string; lastAssigned: string | null }>(
    `SELECT team_id AS "teamId", last_assigned_user_id AS "lastAssigned" FROM inbox_team_settings WHERE workspace_id = $1`,
    [ws.workspaceId],
  );
  // In the order the conversations arrived (then by kind of event): the two paths write in different orders.
  const order = (a: { subjectId: string; type?: string }, b: { subjectId: string; type?: string }) =>
    ids.indexOf(a.subjectId) - ids.indexOf(b.subjectId) || (a.type ?? '').localeCompare(b.type ?? '');
  const result = {
    conversations: conversations
      .sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id))
      .map(({ firstResponseDueAt, resolutionDueAt, ...c }) => ({
        ...c,
        firstResponseIn: minutesAfterArrival(c.id, firstResponseDueAt),
        resolutionIn: minutesAfterArrival(c.id, resolutionDueAt),
      })),
    events: written.sort(order),
    notified: notified.sort(order),
    turns: turns
      .map((turn) => ({ team: names.get(turn.teamId), lastAssigned: turn.lastAssigned }))
      .sort((a, b) => a.team!.localeCompare(b.team!)),
  };
  return JSON.parse(JSON.stringify(result), (_key, value: unknown) =>
    typeof value === 'string' ? (names.get(value) ?? value) : value,
  ) as typeof result;
}

describe('routing a pass of new conversations', () => {
  it('comes out as routing them one at a time would', async () => {
    const oneByOne = await scenario();
    for (const event of oneByOne.events) await routeNewConversation(t.db, event);
    const together = await scenario();
    const errors: unknown[] = [];
    await routeNewConversations(t.db, together.events, (error) => errors.push(error));
    expect(errors).toEqual([]);

    const expected = await outcome(oneByOne);
    const got = await outcome(together);
    expect(got).toEqual(expected);

    // And what that is: turns in order, rules applied, the skipped ones untouched, clocks from arrival.
    const byName = new Map(got.conversations.map((c) => [c.id, c]));
    const assignees = (team: string) => got.conversations.filter((c) => c.teamId === team).map((c) => c.assigneeId);
    // c32 took a0's turn before the pass, so the pass starts at a1; c16 came assigned.
    expect(assignees('roundRobin')).toEqual(['a1', 'a2', 'a0', 'a1', 'a2', 'a0', 'a2', 'a1', 'a2', 'a0', 'a1', null, null, 'a0']);
    // Open loads before: a1 1, a2 1 (c16), a3 2; round-robin picks and the VIP rule (c6, c22) add to them as
    // the pass goes, ties go to the next in turn; c13, resolved before routing reached it (imported
    // history arrives so), and the spam c20 are not routed.
    expect(assignees('leastLoaded')).toEqual(['a2', 'a3', 'a1', 'a2', 'a3', null, 'a1', 'a2', null, 'a3', 'a3', 'a1', 'a2']);
    expect(byName.get('c13')).toMatchObject({ assigneeId: null, firstResponseIn: null, resolutionIn: null });
    expect(byName.get('c20')).toMatchObject({ assigneeId: null, firstResponseIn: null });
    expect(byName.get('c5')).toMatchObject({ teamId: 'leastLoaded', priority: 'high', labels: ['billing'] });
    expect(byName.get('c6')).toMatchObject({ teamId: null, assigneeId: 'a3', priority: 'urgent', firstResponseIn: 10, resolutionIn: 120 });
    expect(byName.get('c11')).toMatchObject({ teamId: null, assigneeId: null, labels: ['legacy'], firstResponseIn: 30, resolutionIn: 600 });
    expect(byName.get('c8')).toMatchObject({ teamId: null, assigneeId: null, labels: [], priority: 'normal', firstResponseIn: 30 });
    expect(byName.get('c2')).toMatchObject({ firstResponseIn: 30 });
    // Merged (c30) and listening (c31) conversations are left alone; c32 was routed already.
    expect(byName.get('c30')).toMatchObject({ assigneeId: null, firstResponseIn: null });
    expect(byName.get('c31')).toMatchObject({ assigneeId: null, firstResponseIn: null });
    expect(byName.get('c32')).toMatchObject({ assigneeId: 'a0', labels: ['kept'] });
    const routed = got.events.filter((e) => e.type === 'conversation.routed');
    expect(routed.map((e) => e.subjectId).sort()).toEqual(
      [...Array(30).keys(), 32]
        .filter((i) => i !== 20 && i !== 13)
        .map((i) => `c${i}`)
        .sort(),
    );
    expect(routed.find((e) => e.subjectId === 'c3')!.data).toEqual({
      ruleId: 'Mastodon',
      teamId: 'roundRobin',
      assigneeId: 'a0',
      assignment: 'round_robin',
    });
  });

  it('routes the conversations of a chunk that fails one by one, reporting the chunk and the one that cannot be routed', async () => {
    const ws = await buildWorkspace(t.db);
    const agent = (await ws.member('agent')).userId;
    const team = await teamOf(ws, [agent], 'round_robin');
    const good = await insertConversation(t.db, ws.workspaceId, { teamId: team });
    const broken = created(ws.workspaceId, 'not-a-conversation-id');
    const errors: DomainEvent[] = [];
    await routeNewConversations(t.db, [broken, created(ws.workspaceId, good.id)], (_error, event) => errors.push(event));
    // The chunk's failure is reported on its first event (the broken one here), then the broken event's own.
    expect(errors).toEqual([broken, broken]);
    const { rows } = await t.db.query('SELECT assignee_id AS "assigneeId" FROM conversations WHERE workspace_id = $1 AND id = $2', [
      ws.workspaceId,
      good.id,
    ]);
    expect(rows).toEqual([{ assigneeId: agent }]);
  });
});

/** A database that counts the statements sent through it (BEGIN and COMMIT are the engine's, not counted). */
function counting(db: Db): { db: Db; statements: () => number } {
  let statements = 0;
  const count = (target: Queryable): Queryable => ({
    query: (sql, params) => {
      statements++;
      return target.query(sql, params);
    },
  });
  const counted: Db = { ...db, query: count(db).query, transaction: (work) => db.transaction((tx) => work(count(tx))) };
  return { db: counted, statements: () => statements };
}

describe('statements per pass', () => {
  /** Routes `n` new conversations that the rules leave alone and a manual team keeps unassigned. */
  async function statementsToRoute(n: number): Promise<number> {
    const ws = await buildWorkspace(t.db);
    const team = await teamOf(ws, [(await ws.member('agent')).userId]);
    for (const rule of [
      { name: 'Refunds', conditions: { keywords: ['refund'] }, actions: { priority: 'high' } },
      { name: 'VIP', conditions: { tiers: ['gold'] }, actions: { priority: 'urgent' } },
    ])
      await send(ws.owner.headers, 'POST', '/api/v1/routing-rules', rule);
    await send(ws.owner.headers, 'PUT', '/api/v1/inbox/sla-policy', {
      firstResponseMinutes: 30,
      nextResponseMinutes: null,
      resolutionMinutes: null,
      businessHours: null,
      tierTargets: { gold: { firstResponseMinutes: 10, nextResponseMinutes: null, resolutionMinutes: null } },
    });
    const events: DomainEvent[] = [];
    for (let i = 0; i < n; i++) events.push(created(ws.workspaceId, (await insertConversation(t.db, ws.workspaceId, { teamId: team })).id));
    const counted = counting(t.db);
    await routeNewConversations(counted.db, events, (error) => {
      throw error;
    });
    const { rows } = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM conversations WHERE workspace_id = $1 AND first_response_due_at IS NOT NULL`,
      [ws.workspaceId],
    );
    expect(rows[0]!.n).toBe(n);
    return counted.statements();
  }

  it('is the same for 5 conversations as for 50', async () => {
    // Lock, rules, texts, tiers, team turns, marked routed, routed events, SLA policy, tiers, who started them, clocks.
    expect(await statementsToRoute(5)).toBe(11);
    expect(await statementsToRoute(50)).toBe(11);
  });
});
