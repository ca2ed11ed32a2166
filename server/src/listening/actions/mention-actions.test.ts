/**
 * Acting on mentions through the API: reply opens the conversation for the agent, a complaint is
 * handed to the service team as a case, a buying signal becomes a lead for sales with the mention
 * on the contact's timeline, and an author becomes a contact once, however often they are added.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mastodonStatus } from '../../ingest/testing/mastodon-statuses.js';
import { dropQueuedDeliveries } from '../../inbox/testing/conversations.js';
import { buildWorkspace, json, testApp, type TestApp } from '../../platform/testing/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => {
  await dropQueuedDeliveries(t.db);
});

type Headers = Record<string, string>;
const send = (headers: Headers, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

async function setUp() {
  const ws = await buildWorkspace(t.db);
  const agent = await ws.member('agent');
  const viewer = await ws.member('viewer');
  const team = async (name: string, memberIds: string[]) =>
    json<{ id: string }>(await send(ws.owner.headers, 'POST', '/api/v1/teams', { name, memberIds }));
  const service = await team('Service', [agent.userId]);
  const sales = await team('Sales', []);
  await send(ws.owner.headers, 'POST', '/api/v1/listening/queries', { name: 'Acme', query: 'acme', kind: 'brand' });
  const content = [
    mastodonStatus('c1', {
      text: 'Acme broke my heart, the rocket exploded on the pad',
      account: 7,
      createdAt: new Date(Date.now() - 60_000),
    }),
    mastodonStatus('c2', { text: 'Where can I buy the Acme rocket? Need a price for 20 units', account: 8, createdAt: new Date() }),
  ]
    .map((s) => JSON.stringify(s))
    .join('\n');
  expect((await send(ws.owner.headers, 'POST', '/api/v1/ingest/files', { format: 'mastodon', content })).statusCode).toBe(200);
  const list = json<{ data: { id: string; text: string; intent: string; conversationId: string; author: { identityId: string } }[] }>(
    await send(ws.owner.headers, 'GET', '/api/v1/listening/mentions'),
  ).data;
  const complaint = list.find((m) => m.text.includes('exploded'))!;
  const signal = list.find((m) => m.text.includes('buy'))!;
  return { ws, agent, viewer, service, sales, complaint, signal };
}

describe('actions on mentions', () => {
  it('lists the registry', async () => {
    const ws = await buildWorkspace(t.db);
    const actions = json<{ data: { name: string }[] }>(await send(ws.owner.headers, 'GET', '/api/v1/listening/actions')).data.map(
      (a) => a.name,
    );
    expect(actions).toEqual(expect.arrayContaining(['reply', 'hand-to-team', 'make-lead', 'add-contact']));
  });

  it('lists only what the member may use: no conversation actions for a member limited to their own records, none for a viewer', async () => {
    const { ws, viewer } = await setUp();
    const own = await ws.member('agent', { recordScope: 'own' });
    const names = async (headers: Headers) =>
      json<{ data: { name: string }[] }>(await send(headers, 'GET', '/api/v1/listening/actions'))
        .data.map((a) => a.name)
        .sort();
    expect(await names(ws.owner.headers)).toEqual(['add-contact', 'hand-to-team', 'make-lead', 'reply']);
    expect(await names(own.headers)).toEqual(['add-contact', 'make-lead']);
    expect(await names(viewer.headers)).toEqual([]);
  });

  it('makes a lead for a member limited to their own records, who keeps it, for the sales team to see', async () => {
    const { ws, sales, signal } = await setUp();
    const own = await ws.member('agent', { recordScope: 'own' });
    const made = await send(own.headers, 'POST', `/api/v1/listening/mentions/${signal.id}/actions/make-lead`, {});
    expect(made.statusCode, made.body).toBe(200);
    const { contactId } = json<{ contactId: string }>(made);
    const contact = await send(own.headers, 'GET', `/api/v1/contacts/${contactId}`);
    expect(contact.statusCode, contact.body).toBe(200);
    expect(json(contact)).toMatchObject({ lifecycleStage: 'lead', ownerId: own.userId, teamId: sales.id });
  });

  it('hands a complaint to the service team, where the team’s agent gets it', async () => {
    const { ws, agent, service, complaint } = await setUp();
    const settings = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/teams/${service.id}/inbox-settings`,
      headers: ws.owner.headers,
      payload: { assignment: 'round_robin' },
    });
    expect(settings.statusCode).toBe(200);
    const result = await send(agent.headers, 'POST', `/api/v1/listening/mentions/${complaint.id}/actions/hand-to-team`, {});
    expect(result.statusCode, result.body).toBe(200);
    expect(json(result)).toMatchObject({ conversationId: complaint.conversationId });
    const conversation = json<{ teamId: string; status: string; assigneeId: string }>(
      await send(agent.headers, 'GET', `/api/v1/conversations/${complaint.conversationId}`),
    );
    expect(conversation).toMatchObject({ teamId: service.id, status: 'open', assigneeId: agent.userId });
  });

  it('makes a buying signal a lead for sales, with the mention on the timeline, once', async () => {
    const { agent, sales, signal } = await setUp();
    const result = json<{ contactId: string; summary: string }>(
      await send(agent.headers, 'POST', `/api/v1/listening/mentions/${signal.id}/actions/make-lead`, {}),
    );
    expect(result.summary).toMatch(/new lead/);
    const contact = json<{
      lifecycleStage: string;
      teamId: string;
      ownerId: string | null;
      socialHandles: { network: string; handle: string }[];
    }>(await send(agent.headers, 'GET', `/api/v1/contacts/${result.contactId}`));
    expect(contact).toMatchObject({ lifecycleStage: 'lead', teamId: sales.id, ownerId: null });
    expect(contact.socialHandles[0]).toMatchObject({ network: 'mastodon' });
    const timeline = json<{ data: { type: string; body: string }[] }>(
      await send(agent.headers, 'GET', `/api/v1/activities?contactId=${result.contactId}`),
    ).data;
    expect(timeline.some((a) => a.type === 'note' && a.body.includes('Where can I buy the Acme rocket'))).toBe(true);
    // The author's identity is linked as the identity domain links: a decision by the agent, on the identity panel.
    const identities = json<{ data: { id: string; link: { method: string; decidedBy: string } | null }[] }>(
      await send(agent.headers, 'GET', `/api/v1/contacts/${result.contactId}/identities`),
    ).data;
    expect(identities).toEqual([
      expect.objectContaining({
        id: signal.author.identityId,
        link: expect.objectContaining({ method: 'manual', decidedBy: agent.userId }),
      }),
    ]);
    const linked = await t.db.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM events WHERE type = 'identity.linked' AND subject_id = $1 AND data ->> 'contactId' = $2`,
      [signal.author.identityId, result.contactId],
    );
    expect(linked.rows[0]!.count).toBe(1);

    // The author is now that contact: a second action finds them instead of making another.
    const again = json<{ contactId: string }>(
      await send(agent.headers, 'POST', `/api/v1/listening/mentions/${signal.id}/actions/add-contact`, {}),
    );
    expect(again.contactId).toBe(result.contactId);
    const mention = json<{ author: { contactId: string } }>(await send(agent.headers, 'GET', `/api/v1/listening/mentions/${signal.id}`));
    expect(mention.author.contactId).toBe(result.contactId);
  });

  it('says on the lead’s timeline what listening heard, once however often the lead is made, and no more than the post counts', async () => {
    const { ws, agent, complaint, signal } = await setUp();
    expect([complaint.intent, signal.intent]).toEqual(['complaint', 'purchase']);
    const makeLead = async (mentionId: string) => {
      const made = await send(agent.headers, 'POST', `/api/v1/listening/mentions/${mentionId}/actions/make-lead`, {});
      expect(made.statusCode, made.body).toBe(200);
      return json<{ contactId: string }>(made).contactId;
    };
    const notes = async (contactId: string) =>
      json<{ data: { type: string; subject: string }[] }>(await send(agent.headers, 'GET', `/api/v1/activities?contactId=${contactId}`))
        .data.filter((a) => a.type === 'note')
        .map((a) => a.subject);

    const complainer = await makeLead(complaint.id);
    expect(await makeLead(complaint.id)).toBe(complainer);
    expect(await notes(complainer)).toEqual(['Complaint on mastodon']);
    // Added as a contact too: that action's own note, once.
    await send(agent.headers, 'POST', `/api/v1/listening/mentions/${complaint.id}/actions/add-contact`, {});
    await send(agent.headers, 'POST', `/api/v1/listening/mentions/${complaint.id}/actions/add-contact`, {});
    expect((await notes(complainer)).sort()).toEqual(['Complaint on mastodon', 'Mention on mastodon']);
    const buyer = await makeLead(signal.id);
    expect(await notes(buyer)).toEqual(['Buying signal on mastodon']);

    // One post heard is one interaction of the author's: the notes our actions wrote are not theirs.
    expect((await send(ws.owner.headers, 'POST', '/api/v1/relationship/recompute')).statusCode).toBe(200);
    const tier = async (contactId: string) =>
      json<{ tier: string }>(await send(agent.headers, 'GET', `/api/v1/contacts/${contactId}`)).tier;
    expect(await tier(complainer)).toBe('bronze');
    expect(await tier(buyer)).toBe('bronze');

    // A deleted note takes its claim with it: acting again puts the mention back on the timeline.
    const [note] = json<{ data: { id: string; subject: string }[] }>(
      await send(agent.headers, 'GET', `/api/v1/activities?contactId=${buyer}`),
    ).data.filter((a) => a.subject === 'Buying signal on mastodon');
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/activities/${note!.id}`, headers: ws.owner.headers })).statusCode).toBe(
      204,
    );
    await makeLead(signal.id);
    expect(await notes(buyer)).toEqual(['Buying signal on mastodon']);
  });

  it('names an unknown or malformed parameter the way every other route does', async () => {
    const { agent, signal } = await setUp();
    const act = (payload: object) => send(agent.headers, 'POST', `/api/v1/listening/mentions/${signal.id}/actions/make-lead`, payload);
    const unknown = await act({ bogus: 1 });
    expect(unknown.statusCode).toBe(400);
    expect(json(unknown)).toMatchObject({
      detail: 'bogus is not a known field',
      errors: [{ field: 'bogus', reason: 'is not a known field' }],
    });
    const malformed = await act({ teamId: 'nope' });
    expect(malformed.statusCode).toBe(400);
    expect(json(malformed)).toMatchObject({ errors: [{ field: 'teamId', reason: 'must be a UUID' }] });
  });

  it('opens the conversation for the agent who replies, and refuses viewers, unknown actions and bad parameters', async () => {
    const { agent, viewer, complaint } = await setUp();
    const reply = json<{ conversationId: string }>(
      await send(agent.headers, 'POST', `/api/v1/listening/mentions/${complaint.id}/actions/reply`, {}),
    );
    const conversation = json<{ assigneeId: string }>(await send(agent.headers, 'GET', `/api/v1/conversations/${reply.conversationId}`));
    expect(conversation.assigneeId).toBe(agent.userId);
    expect((await send(viewer.headers, 'POST', `/api/v1/listening/mentions/${complaint.id}/actions/reply`, {})).statusCode).toBe(403);
    expect((await send(agent.headers, 'POST', `/api/v1/listening/mentions/${complaint.id}/actions/teleport`, {})).statusCode).toBe(404);
    const bad = await send(agent.headers, 'POST', `/api/v1/listening/mentions/${complaint.id}/actions/hand-to-team`, { teamId: 'nope' });
    expect(bad.statusCode).toBe(400);
  });

  it('keeps a listening channel’s conversations out of the inbox until someone replies', async () => {
    const ws = await buildWorkspace(t.db);
    const channel = json<{ id: string; purpose: string }>(
      await send(ws.owner.headers, 'POST', '/api/v1/channels', {
        kind: 'mastodon',
        name: 'Hashtag search',
        config: { instanceUrl: 'https://mastodon.example', sources: ['home'], hashtags: ['acme'] },
        credentials: { accessToken: 'token' },
        status: 'paused',
        purpose: 'listening',
      }),
    );
    expect(channel.purpose).toBe('listening');
    await send(ws.owner.headers, 'POST', '/api/v1/listening/queries', { name: 'Acme', query: 'acme', kind: 'brand' });
    const content = JSON.stringify(mastodonStatus('l1', { text: 'Acme rockets are too loud', createdAt: new Date() }));
    const ingested = await send(ws.owner.headers, 'POST', '/api/v1/ingest/files', { format: 'mastodon', content, channelId: channel.id });
    expect(ingested.statusCode, ingested.body).toBe(200);
    await t.deps.relay.flush();
    const inbox = async () => json<{ data: { id: string }[] }>(await send(ws.owner.headers, 'GET', '/api/v1/conversations')).data;
    expect(await inbox()).toEqual([]);
    const [mention] = json<{ data: { id: string; conversationId: string }[] }>(
      await send(ws.owner.headers, 'GET', '/api/v1/listening/mentions'),
    ).data;
    expect((await send(ws.owner.headers, 'POST', `/api/v1/listening/mentions/${mention!.id}/actions/reply`, {})).statusCode).toBe(200);
    expect((await inbox()).map((c) => c.id)).toEqual([mention!.conversationId]);
  });
});
