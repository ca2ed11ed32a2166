/**
 * Tiers rank customers by value. In a workspace that keeps no monetary value (the demo has no
 * lifetime value field), the score leaves money out and counts activity alone: a lead who posted a
 * lot outranked the paying customers, and routing and SLA targets treated them best. Where money
 * weighs in the score, only a monetary value or the stage customer or advocate ranks above the lowest tier.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorkspace, json, testApp, type TestApp, type TestWorkspace } from '../platform/testing/test-app.js';
import { conversationOf, mentionBy } from './testing/relationship-fixtures.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

const DAY = 86_400_000;

interface ScoreView {
  valueScore: number;
  tier: string;
  tierLimit: { code: string; text: string } | null;
  components: { monetary: number | null };
}

const send = (ws: TestWorkspace, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: ws.owner.headers, ...(payload ? { payload } : {}) });

/** A contact at `stage` who wrote 40 messages over the last two months and posted about the brand 10 times. */
async function busyContact(ws: TestWorkspace, firstName: string, lifecycleStage: string): Promise<string> {
  const created = await send(ws, 'POST', '/api/v1/contacts', { firstName, lastName: 'Busy', lifecycleStage });
  expect(created.statusCode, created.body).toBe(201);
  const contactId = json<{ id: string }>(created).id;
  const messages = Array.from({ length: 40 }, (_, i) => ({ text: `Question ${i}`, sentAt: new Date(Date.now() - (i * 1.5 + 1) * DAY) }));
  await conversationOf(t.db, ws.workspaceId, contactId, { messages });
  for (let i = 0; i < 10; i++) {
    await mentionBy(t.db, ws.workspaceId, contactId, { text: `Love this brand #${i}`, sentAt: new Date(Date.now() - (i + 2) * DAY) });
  }
  return contactId;
}

const scoreOf = async (ws: TestWorkspace, contactId: string) =>
  json<{ score: ScoreView }>(await send(ws, 'GET', `/api/v1/contacts/${contactId}/relationship`)).score;

describe('tiers in a workspace without a monetary field', () => {
  it('keep a lead who posts a lot out of the top tiers and rank a customer by the score, until the lead buys', async () => {
    const ws = await buildWorkspace(t.db);
    const settings = json<{ monetaryField: string | null; weights: { monetary: number } }>(
      await send(ws, 'GET', '/api/v1/relationship/settings'),
    );
    expect(settings).toMatchObject({ monetaryField: null, weights: { monetary: 25 } });
    const lead = await busyContact(ws, 'Lena', 'lead');
    const customer = await busyContact(ws, 'Carl', 'customer');
    expect((await send(ws, 'POST', '/api/v1/relationship/recompute')).statusCode).toBe(200);

    const leadScore = await scoreOf(ws, lead);
    const customerScore = await scoreOf(ws, customer);
    // The same activity scores the same; money is left out of both.
    expect(leadScore.valueScore).toBe(customerScore.valueScore);
    expect(leadScore.valueScore).toBeGreaterThanOrEqual(80);
    expect(leadScore.components.monetary).toBeNull();
    expect(customerScore).toMatchObject({ tier: 'platinum', tierLimit: null });
    expect(leadScore).toMatchObject({
      tier: 'bronze',
      tierLimit: { code: 'not_a_customer', text: 'Lowest tier until a customer or advocate: stage lead, no monetary field chosen' },
    });
    const listed = json<{ data: { id: string; tier: string | null }[] }>(await send(ws, 'GET', '/api/v1/contacts'));
    expect(Object.fromEntries(listed.data.map((c) => [c.id, c.tier]))).toEqual({ [lead]: 'bronze', [customer]: 'platinum' });

    // Becoming a customer is a change of the contact: it is rescored shortly after, and ranked.
    expect((await send(ws, 'PATCH', `/api/v1/contacts/${lead}`, { lifecycleStage: 'customer' })).statusCode).toBe(200);
    await t.deps.relay.flush();
    await t.jobs.runDue(new Date(Date.now() + 60_000));
    expect(await scoreOf(ws, lead)).toMatchObject({ tier: 'platinum', tierLimit: null });
  });
});
