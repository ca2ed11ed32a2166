/**
 * Engagement, and the interactions a tier above the lowest needs, count the customer's own
 * interactions: their messages and mentions, calls and meetings, e-mails they sent. Our replies,
 * our e-mails, the notes members write and the notes listening actions write (a lead made from one
 * post) are no evidence of theirs: a stranger with one message and two notes was "silver".
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorkspace, json, testApp, type TestApp, type TestWorkspace } from '../platform/testing/test-app.js';
import { contactFacts } from './score.repo.js';
import { conversationOf } from './testing/relationship-fixtures.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

const DAY = 86_400_000;

async function log(ws: TestWorkspace, activity: object) {
  const logged = await t.app.inject({ method: 'POST', url: '/api/v1/activities', headers: ws.owner.headers, payload: activity });
  expect(logged.statusCode, logged.body).toBe(201);
}

describe('engagement', () => {
  it('counts what the customer did, not what we wrote', async () => {
    const ws = await buildWorkspace(t.db);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/contacts',
      headers: ws.owner.headers,
      // A customer: where money weighs in the score, a non-customer stays in the lowest tier however much they do.
      payload: { firstName: 'Stella', lastName: 'Stranger', lifecycleStage: 'customer' },
    });
    const contactId = json<{ id: string }>(created).id;
    await conversationOf(t.db, ws.workspaceId, contactId, {
      messages: [
        { direction: 'in', text: 'Do you ship to Norway?', sentAt: new Date(Date.now() - 2 * DAY) },
        { direction: 'out', text: 'We do!', sentAt: new Date(Date.now() - DAY) },
        { direction: 'out', text: 'Anything else?', sentAt: new Date(Date.now() - DAY / 2) },
      ],
    });
    await log(ws, { type: 'note', contactId, subject: 'Buying signal on mastodon', body: 'Quoted post' });
    await log(ws, { type: 'note', contactId, body: 'Seems keen' });
    await log(ws, { type: 'email', contactId, direction: 'out', subject: 'Our offer' });
    const engagement = async () => (await contactFacts(t.db, ws.workspaceId, [contactId], null, new Date()))[0]!.engagement365Days;
    expect(await engagement()).toBe(1);

    expect((await t.app.inject({ method: 'POST', url: '/api/v1/relationship/recompute', headers: ws.owner.headers })).statusCode).toBe(200);
    const tierOf = async () =>
      json<{ tier: string }>(await t.app.inject({ method: 'GET', url: `/api/v1/contacts/${contactId}`, headers: ws.owner.headers })).tier;
    expect(await tierOf()).toBe('bronze');

    // What the customer took part in counts: a call either way, a meeting, an e-mail they sent.
    await log(ws, { type: 'call', contactId, direction: 'out', subject: 'Called about the offer' });
    await log(ws, { type: 'meeting', contactId, subject: 'Demo' });
    await log(ws, { type: 'email', contactId, direction: 'in', subject: 'Re: Our offer' });
    expect(await engagement()).toBe(4);
    await t.app.inject({ method: 'POST', url: '/api/v1/relationship/recompute', headers: ws.owner.headers });
    expect(await tierOf()).not.toBe('bronze');
  });
});
