import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropQueuedDeliveries, recordConversationCreated } from '../inbox/testing/conversations.js';
import { buildWorkspace, json, testApp, type TestApp, type TestWorkspace } from '../platform/testing/test-app.js';
import { conversationOf, understand } from './testing/relationship-fixtures.js';
import { RECENCY_TIERS } from './testing/scoring.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => {
  await dropQueuedDeliveries(t.db);
});

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH';
const send = (ws: TestWorkspace, method: Method, url: string, payload?: object, headers = ws.owner.headers) =>
  t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

interface ContactView {
  id: string;
  tier: string | null;
  health: number | null;
}

async function contactIn(ws: TestWorkspace, payload: object = {}): Promise<string> {
  const response = await send(ws, 'POST', '/api/v1/contacts', { firstName: 'Sid', lastName: 'Score', ...payload });
  expect(response.statusCode, response.body).toBe(201);
  return json<{ id: string }>(response).id;
}

async function relay() {
  await t.deps.relay.flush();
  await t.deps.relay.flush();
}

describe('relationship settings', () => {
  it('are the defaults until an admin changes them, and are checked', async () => {
    const ws = await buildWorkspace(t.db);
    expect(json(await send(ws, 'GET', '/api/v1/relationship/settings'))).toMatchObject({
      monetaryField: null,
      tiers: [
        { name: 'platinum', minScore: 80 },
        { name: 'gold', minScore: 60 },
        { name: 'silver', minScore: 40 },
        { name: 'bronze', minScore: 0 },
      ],
      updatedAt: null,
    });
    await send(ws, 'POST', '/api/v1/custom-fields', { entity: 'contact', key: 'revenue', label: 'Revenue', type: 'number' });
    await send(ws, 'POST', '/api/v1/custom-fields', { entity: 'contact', key: 'notes', label: 'Notes', type: 'text' });
    const saved = await send(ws, 'PUT', '/api/v1/relationship/settings', { ...RECENCY_TIERS, monetaryField: 'revenue' });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(json(await send(ws, 'GET', '/api/v1/relationship/settings'))).toMatchObject({
      monetaryField: 'revenue',
      tiers: RECENCY_TIERS.tiers,
    });
    const bad = await send(ws, 'PUT', '/api/v1/relationship/settings', {
      ...RECENCY_TIERS,
      monetaryField: 'notes',
      tiers: [
        { name: 'gold', minScore: 50 },
        { name: 'gold', minScore: 10 },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(json<{ errors: { field: string }[] }>(bad).errors.map((e) => e.field)).toEqual(['tiers', 'tiers', 'monetaryField']);
    const agent = await ws.member('agent');
    expect((await send(ws, 'PUT', '/api/v1/relationship/settings', RECENCY_TIERS, agent.headers)).statusCode).toBe(403);
    expect((await send(ws, 'POST', '/api/v1/relationship/recompute', undefined, agent.headers)).statusCode).toBe(403);
  });
});

describe('scores', () => {
  it('rank contacts by value, show tier and health on contacts, and explain health', async () => {
    const ws = await buildWorkspace(t.db);
    await send(ws, 'POST', '/api/v1/custom-fields', { entity: 'contact', key: 'revenue', label: 'Revenue', type: 'number' });
    const big = await contactIn(ws, { custom: { revenue: 90_000 } });
    const small = await contactIn(ws, { custom: { revenue: 100 } });
    const conversation = await conversationOf(t.db, ws.workspaceId, big, {
      messages: [{ direction: 'in', text: 'This is terrible, nothing works', sentAt: new Date(Date.now() - 2 * 86_400_000) }],
    });
    await understand(t.db, ws.workspaceId, conversation.messageIds[0]!, { intent: 'complaint', sentiment: 'negative', score: -0.8 });
    await send(ws, 'PUT', '/api/v1/relationship/settings', {
      weights: { recency: 50, frequency: 0, monetary: 50, engagement: 0, influence: 0 },
      monetaryField: 'revenue',
      tiers: [
        { name: 'gold', minScore: 60 },
        { name: 'bronze', minScore: 0 },
      ],
      quietDays: 60,
    });
    const recomputed = await send(ws, 'POST', '/api/v1/relationship/recompute');
    expect(recomputed.statusCode, recomputed.body).toBe(200);
    expect(json(recomputed)).toMatchObject({ contacts: 2 });
    const bigView = json<ContactView>(await send(ws, 'GET', `/api/v1/contacts/${big}`));
    const smallView = json<ContactView>(await send(ws, 'GET', `/api/v1/contacts/${small}`));
    expect(bigView.tier).toBe('gold');
    expect(smallView).toMatchObject({ tier: 'bronze' });
    expect(bigView.health).toBeLessThan(50);
    const list = json<{ data: ContactView[] }>(await send(ws, 'GET', '/api/v1/contacts'));
    expect(Object.fromEntries(list.data.map((c) => [c.id, c.tier]))).toEqual({ [big]: 'gold', [small]: 'bronze' });
    const relationship = json<{ score: { valueScore: number; healthReasons: { code: string; effect: number }[]; components: object } }>(
      await send(ws, 'GET', `/api/v1/contacts/${big}/relationship`),
    );
    expect(relationship.score.valueScore).toBeGreaterThanOrEqual(60);
    expect(relationship.score.components).toMatchObject({ monetary: 100, frequency: 20 });
    expect(relationship.score.healthReasons).toContainEqual({
      code: 'negative_sentiment',
      text: '1 negative message in the last 30 days',
      effect: -10,
    });
    // List rows carry the strongest reasons (at most three), so a list shows why without asking per contact.
    type Reason = { code: string; text: string; effect: number };
    const strongest = (reasons: Reason[]) =>
      [...reasons].sort((a, b) => Math.abs(b.effect) - Math.abs(a.effect) || a.code.localeCompare(b.code)).slice(0, 3);
    const rows = json<{ data: (ContactView & { healthReasons: Reason[] | null })[] }>(await send(ws, 'GET', '/api/v1/contacts')).data;
    const bigRow = rows.find((c) => c.id === big)!;
    expect(bigRow.healthReasons).toContainEqual({
      code: 'negative_sentiment',
      text: '1 negative message in the last 30 days',
      effect: -10,
    });
    expect(bigRow.healthReasons).toEqual(strongest(relationship.score.healthReasons as Reason[]));
    const many: Reason[] = [
      { code: 'a', text: 'A', effect: 5 },
      { code: 'b', text: 'B', effect: -30 },
      { code: 'c', text: 'C', effect: 10 },
      { code: 'd', text: 'D', effect: -15 },
      { code: 'e', text: 'E', effect: 1 },
    ];
    await t.db.query('UPDATE contact_scores SET health_reasons = $3::jsonb WHERE workspace_id = $1 AND contact_id = $2', [
      ws.workspaceId,
      small,
      JSON.stringify(many),
    ]);
    const smallRow = json<{ data: (ContactView & { healthReasons: Reason[] })[] }>(await send(ws, 'GET', '/api/v1/contacts')).data.find(
      (c) => c.id === small,
    )!;
    expect(smallRow.healthReasons.map((r) => r.code)).toEqual(['b', 'd', 'c']);
    const fresh = json<ContactView>(await send(ws, 'POST', '/api/v1/contacts', { firstName: 'New' }));
    expect(fresh).toMatchObject({ tier: null, health: null, healthReasons: null });
  });

  it('rescore a contact shortly after its activities change', async () => {
    const ws = await buildWorkspace(t.db);
    const contactId = await contactIn(ws);
    await relay();
    const call = await send(ws, 'POST', '/api/v1/activities', { type: 'call', contactId, direction: 'in', subject: 'Called us' });
    expect(call.statusCode).toBe(201);
    await relay();
    const { rows } = await t.db.query<{ run_at: Date }>(
      `SELECT run_at FROM jobs WHERE workspace_id = $1 AND name = 'relationship.score-contact' AND payload->>'contactId' = $2 AND status = 'queued'`,
      [ws.workspaceId, contactId],
    );
    // Creating the contact and logging the call are one queued run, a little later.
    expect(rows).toHaveLength(1);
    expect(rows[0]!.run_at.getTime()).toBeGreaterThan(Date.now());
    await t.jobs.runDue(new Date(Date.now() + 60_000));
    const view = json<ContactView & { health: number }>(await send(ws, 'GET', `/api/v1/contacts/${contactId}`));
    expect(view.tier).not.toBeNull();
    const relationship = json<{ score: { components: { recency: number } } }>(
      await send(ws, 'GET', `/api/v1/contacts/${contactId}/relationship`),
    );
    expect(relationship.score.components.recency).toBeGreaterThan(90);
  });
});

describe('tiers in the inbox', () => {
  async function goldAndBronze(ws: TestWorkspace) {
    const gold = await contactIn(ws, { firstName: 'Goldie' });
    const bronze = await contactIn(ws, { firstName: 'Bronson' });
    // A tier above the lowest needs some history (scoring.ts, MIN_INTERACTIONS_FOR_TIER): three messages.
    await conversationOf(t.db, ws.workspaceId, gold, {
      status: 'resolved',
      messages: [3, 2, 1].map((days) => ({ text: 'Thanks!', sentAt: new Date(Date.now() - days * 86_400_000) })),
    });
    expect((await send(ws, 'PUT', '/api/v1/relationship/settings', RECENCY_TIERS)).statusCode).toBe(200);
    await send(ws, 'POST', '/api/v1/relationship/recompute');
    expect(json<ContactView>(await send(ws, 'GET', `/api/v1/contacts/${gold}`)).tier).toBe('gold');
    expect(json<ContactView>(await send(ws, 'GET', `/api/v1/contacts/${bronze}`)).tier).toBe('bronze');
    return { gold, bronze };
  }

  async function arrive(ws: TestWorkspace, contactId: string) {
    const conversation = await conversationOf(t.db, ws.workspaceId, contactId, { messages: [{ text: 'I need help' }] });
    await recordConversationCreated(t.db, ws.workspaceId, conversation);
    await relay();
    return json<{ id: string; teamId: string | null; priority: string; sla: { firstResponseDueAt: string; resolutionDueAt: string } }>(
      await send(ws, 'GET', `/api/v1/conversations/${conversation.id}`),
    );
  }

  it('routes a gold customer’s new conversation by a tier rule', async () => {
    const ws = await buildWorkspace(t.db);
    const { gold, bronze } = await goldAndBronze(ws);
    const team = json<{ id: string }>(await send(ws, 'POST', '/api/v1/teams', { name: 'Key accounts' })).id;
    const rule = await send(ws, 'POST', '/api/v1/routing-rules', {
      name: 'Gold to key accounts',
      conditions: { tiers: ['gold'] },
      actions: { teamId: team, priority: 'high' },
    });
    expect(rule.statusCode, rule.body).toBe(201);
    expect(json(rule)).toMatchObject({ conditions: { tiers: ['gold'] } });
    expect(await arrive(ws, gold)).toMatchObject({ teamId: team, priority: 'high' });
    expect(await arrive(ws, bronze)).toMatchObject({ teamId: null, priority: 'normal' });
  });

  it('routes every e-mail a gold customer sends through the pipeline by the tier rule, the first and the ones after', async () => {
    const ws = await buildWorkspace(t.db);
    const { gold } = await goldAndBronze(ws);
    expect((await send(ws, 'PATCH', `/api/v1/contacts/${gold}`, { emails: [{ address: 'goldie@example.org' }] })).statusCode).toBe(200);
    const team = json<{ id: string }>(await send(ws, 'POST', '/api/v1/teams', { name: 'Key accounts' })).id;
    await send(ws, 'POST', '/api/v1/routing-rules', { name: 'Gold', conditions: { tiers: ['gold'] }, actions: { teamId: team } });
    await relay();
    for (const subject of ['First question', 'Another question']) {
      const eml = [
        'From: Goldie <goldie@example.org>',
        'To: shop@rapport-shop.test',
        `Subject: ${subject}`,
        `Message-ID: <${subject.replace(' ', '.')}.${ws.workspaceId}@example.org>`,
        `Date: ${new Date().toUTCString()}`,
        '',
        'Hello, a question about my order.',
        '',
      ].join('\r\n');
      const ingested = await send(ws, 'POST', '/api/v1/ingest/files', { format: 'eml', content: eml });
      expect(ingested.statusCode, ingested.body).toBe(200);
    }
    await relay();
    const { rows } = await t.db.query<{ subject: string; contact_id: string | null; team_id: string | null }>(
      'SELECT subject, contact_id, team_id FROM conversations WHERE workspace_id = $1 AND subject LIKE $2 ORDER BY created_at',
      [ws.workspaceId, '% question'],
    );
    expect(rows).toEqual([
      { subject: 'First question', contact_id: gold, team_id: team },
      { subject: 'Another question', contact_id: gold, team_id: team },
    ]);
    // The inbox list says whom each conversation is with to the business.
    const list = json<{ data: { subject: string; contact: { id: string; tier: string | null } | null }[] }>(
      await send(ws, 'GET', '/api/v1/conversations?view=all&limit=50'),
    );
    expect(list.data.filter((c) => c.subject.endsWith(' question')).map((c) => c.contact)).toEqual([
      expect.objectContaining({ id: gold, tier: 'gold' }),
      expect.objectContaining({ id: gold, tier: 'gold' }),
    ]);
  });

  it('runs a gold customer’s SLA clocks on the gold targets', async () => {
    const ws = await buildWorkspace(t.db);
    const { gold, bronze } = await goldAndBronze(ws);
    const policy = await send(ws, 'PUT', '/api/v1/inbox/sla-policy', {
      firstResponseMinutes: 240,
      nextResponseMinutes: 240,
      resolutionMinutes: 2_880,
      businessHours: null,
      tierTargets: { gold: { firstResponseMinutes: 30, nextResponseMinutes: 60, resolutionMinutes: 480 } },
    });
    expect(policy.statusCode, policy.body).toBe(200);
    const minutesAfterArrival = async (conversation: { id: string; sla: { firstResponseDueAt: string; resolutionDueAt: string } }) => {
      const { rows } = await t.db.query<{ occurred_at: Date }>(
        `SELECT occurred_at FROM events WHERE workspace_id = $1 AND type = 'conversation.created' AND subject_id = $2`,
        [ws.workspaceId, conversation.id],
      );
      const arrived = rows[0]!.occurred_at.getTime();
      return [conversation.sla.firstResponseDueAt, conversation.sla.resolutionDueAt].map((d) => (new Date(d).getTime() - arrived) / 60_000);
    };
    expect(await minutesAfterArrival(await arrive(ws, gold))).toEqual([30, 480]);
    expect(await minutesAfterArrival(await arrive(ws, bronze))).toEqual([240, 2_880]);
    // A policy saved without tier targets keeps them.
    await send(ws, 'PUT', '/api/v1/inbox/sla-policy', {
      firstResponseMinutes: 120,
      nextResponseMinutes: null,
      resolutionMinutes: null,
      businessHours: null,
    });
    expect(json(await send(ws, 'GET', '/api/v1/inbox/sla-policy'))).toMatchObject({
      firstResponseMinutes: 120,
      tierTargets: { gold: { firstResponseMinutes: 30 } },
    });
  });
});
