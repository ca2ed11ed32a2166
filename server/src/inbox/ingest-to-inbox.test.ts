/** The inbox reacting to what the real ingest pipeline stores and announces, end to end through the API. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorkspace, json, testApp, type TestApp, type TestWorkspace } from '../platform/testing/test-app.js';
import type { NormalisedMessage } from '../channels/index.js';
import { ingestBatch } from '../ingest/index.js';
import { mastodonStatus } from '../ingest/testing/mastodon-statuses.js';
import { dropQueuedDeliveries, insertChannel } from './testing/conversations.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => {
  await dropQueuedDeliveries(t.db);
});

type Headers = Record<string, string>;
const send = (headers: Headers, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: object) =>
  t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

/** Each workspace's Mastodon channel, so replies have a channel to go through. */
const channels = new Map<string, string>();

async function ingest(ws: TestWorkspace, status: Record<string, unknown>) {
  const channelId = channels.get(ws.workspaceId) ?? (await insertChannel(t.db, ws.workspaceId, 'mastodon'));
  channels.set(ws.workspaceId, channelId);
  const content = JSON.stringify(status);
  const response = await send(ws.owner.headers, 'POST', '/api/v1/ingest/files', { format: 'mastodon', content, channelId });
  expect(response.statusCode, response.body).toBe(200);
  await t.deps.relay.flush();
  await t.deps.relay.flush();
}

const customer = { externalId: 'acct-7', handle: 'casey@example.social', displayName: 'Casey' };
const business = { externalId: 'acct-1', handle: 'shop@example.social', displayName: 'The Shop' };

/** A post on Mastodon as the pipeline receives it: the customer's question or the business's answer. */
const post = (externalId: string, direction: 'in' | 'out', sentAt: Date, inReplyTo?: string): NormalisedMessage => ({
  channel: 'mastodon',
  externalId,
  author: direction === 'in' ? customer : business,
  text: `${direction === 'in' ? 'Question' : 'Answer'} ${externalId}`,
  sentAt,
  direction,
  isPrivate: false,
  attachments: [],
  raw: { format: 'mastodon', index: 0 },
  ...(inReplyTo ? { inReplyToExternalId: inReplyTo } : {}),
});

/** Syncs of a new Mastodon channel of the workspace: each call is one batch, relayed to the inbox before it returns. */
async function syncOf(ws: TestWorkspace) {
  const channelId = await insertChannel(t.db, ws.workspaceId, 'mastodon');
  return async (...messages: NormalisedMessage[]) => {
    await ingestBatch(t.db, { source: { workspaceId: ws.workspaceId, channelId, kind: 'file', format: 'mastodon' }, messages });
    await t.deps.relay.flush();
    await t.deps.relay.flush();
  };
}

interface ConversationBody {
  id: string;
  status: string;
  priority: string;
  assigneeId: string | null;
  messageCount: number;
  sla: { firstResponseDueAt: string | null; nextResponseDueAt: string | null; firstRespondedAt: string | null };
}

describe('ingested conversations in the inbox', () => {
  it('are routed, assigned and put on the SLA clock, and the clock restarts when the customer answers', async () => {
    const ws = await buildWorkspace(t.db);
    const agent = await ws.member('agent');
    const rule = { name: 'Broken things', conditions: { keywords: ['broken'] }, actions: { assigneeId: agent.userId, priority: 'urgent' } };
    expect((await send(ws.owner.headers, 'POST', '/api/v1/routing-rules', rule)).statusCode).toBe(201);
    const policy = { firstResponseMinutes: 15, nextResponseMinutes: 30, resolutionMinutes: null, businessHours: null };
    expect((await send(ws.owner.headers, 'PUT', '/api/v1/inbox/sla-policy', policy)).statusCode).toBe(200);

    await ingest(ws, mastodonStatus('s1', { text: 'My widget is broken', createdAt: new Date() }));
    const [created] = json<{ data: ConversationBody[] }>(await send(agent.headers, 'GET', '/api/v1/conversations?view=mine')).data;
    expect(created).toMatchObject({ priority: 'urgent', assigneeId: agent.userId, messageCount: 1 });
    expect(created!.sla.firstResponseDueAt).not.toBeNull();

    const reply = await send(agent.headers, 'POST', `/api/v1/conversations/${created!.id}/replies`, { text: 'Sorry! Which model?' });
    expect(reply.statusCode).toBe(201);
    await ingest(ws, mastodonStatus('s2', { text: 'The blue one', inReplyTo: 's1', createdAt: new Date(Date.now() + 1000) }));
    const after = json<ConversationBody>(await send(agent.headers, 'GET', `/api/v1/conversations/${created!.id}`));
    expect(after.messageCount).toBe(3);
    expect(after.sla.firstRespondedAt).not.toBeNull();
    expect(after.sla.nextResponseDueAt).not.toBeNull();
  });

  it('counts what the business answered from the network’s own app as a response, first and next', async () => {
    const ws = await buildWorkspace(t.db);
    const policy = { firstResponseMinutes: 15, nextResponseMinutes: 30, resolutionMinutes: null, businessHours: null };
    expect((await send(ws.owner.headers, 'PUT', '/api/v1/inbox/sla-policy', policy)).statusCode).toBe(200);
    const pipe = await syncOf(ws);
    const start = Date.now() - 30 * 60_000;
    const at = (minutes: number) => new Date(start + minutes * 60_000);
    await pipe(post('q1', 'in', at(0)));
    const [created] = json<{ data: ConversationBody[] }>(await send(ws.owner.headers, 'GET', '/api/v1/conversations')).data;
    const read = async () => json<ConversationBody>(await send(ws.owner.headers, 'GET', `/api/v1/conversations/${created!.id}`)).sla;
    expect(await read()).toMatchObject({ firstRespondedAt: null });

    await pipe(post('a1', 'out', at(1), 'q1'));
    expect(await read()).toMatchObject({ firstRespondedAt: at(1).toISOString(), nextResponseDueAt: null });

    await pipe(post('q2', 'in', at(5), 'a1'));
    const owed = new Date(at(5).getTime() + 30 * 60_000).toISOString();
    expect((await read()).nextResponseDueAt).toBe(owed);
    // Synced late, but written before the customer's question: it does not answer it.
    await pipe(post('a0', 'out', at(2), 'q1'));
    expect((await read()).nextResponseDueAt).toBe(owed);
    await pipe(post('a2', 'out', at(7), 'q2'));
    expect((await read()).nextResponseDueAt).toBeNull();

    // An answer and the customer's next question in one sync: the clock runs from that question.
    await pipe(post('a3', 'out', at(8), 'a2'), post('q3', 'in', at(9), 'a3'));
    expect((await read()).nextResponseDueAt).toBe(new Date(at(9).getTime() + 30 * 60_000).toISOString());
  });

  it('starts the first-response clock of a thread the business started when the customer answers, not before', async () => {
    const ws = await buildWorkspace(t.db);
    const policy = { firstResponseMinutes: 15, nextResponseMinutes: 30, resolutionMinutes: 600, businessHours: null };
    expect((await send(ws.owner.headers, 'PUT', '/api/v1/inbox/sla-policy', policy)).statusCode).toBe(200);
    const pipe = await syncOf(ws);
    const start = Date.now() - 60 * 60_000;
    const at = (minutes: number) => new Date(start + minutes * 60_000);
    // An agent writes to a customer first (from the network's own app, or their mailbox).
    await pipe(post('o1', 'out', at(0)));
    const [created] = json<{ data: ConversationBody[] }>(await send(ws.owner.headers, 'GET', '/api/v1/conversations')).data;
    const read = async () => json<ConversationBody>(await send(ws.owner.headers, 'GET', `/api/v1/conversations/${created!.id}`)).sla;
    expect(await read()).toMatchObject({ firstResponseDueAt: null, firstRespondedAt: null, nextResponseDueAt: null });

    // The customer answers twice in one sync, long after: a first answer is owed from the first of the two.
    await pipe(post('r1', 'in', at(40), 'o1'), post('r2', 'in', at(42), 'r1'));
    expect(await read()).toMatchObject({
      firstResponseDueAt: new Date(at(40).getTime() + 15 * 60_000).toISOString(),
      firstRespondedAt: null,
      nextResponseDueAt: null,
    });

    await pipe(post('o2', 'out', at(45), 'r2'));
    expect(await read()).toMatchObject({ firstRespondedAt: at(45).toISOString(), nextResponseDueAt: null });
  });

  it('runs the next-response clock, in business hours, from the first of several questions one sync brings', async () => {
    const ws = await buildWorkspace(t.db);
    const weekdays = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => [day, [['09:00', '17:00']]]));
    const policy = {
      firstResponseMinutes: 15,
      nextResponseMinutes: 30,
      resolutionMinutes: null,
      businessHours: { timezone: 'UTC', days: weekdays },
    };
    expect((await send(ws.owner.headers, 'PUT', '/api/v1/inbox/sla-policy', policy)).statusCode).toBe(200);
    const pipe = await syncOf(ws);
    // Friday 6 March 2026: asked and answered in the afternoon.
    await pipe(post('q1', 'in', new Date('2026-03-06T15:00:00Z')), post('a1', 'out', new Date('2026-03-06T15:10:00Z'), 'q1'));
    const [created] = json<{ data: ConversationBody[] }>(await send(ws.owner.headers, 'GET', '/api/v1/conversations')).data;
    const read = async () => json<ConversationBody>(await send(ws.owner.headers, 'GET', `/api/v1/conversations/${created!.id}`)).sla;
    expect(await read()).toMatchObject({ firstRespondedAt: '2026-03-06T15:10:00.000Z', nextResponseDueAt: null });

    // The customer wrote twice before the next sync, ten minutes before closing and after it: they have waited since the first.
    await pipe(post('q2', 'in', new Date('2026-03-06T16:50:00Z'), 'a1'), post('q3', 'in', new Date('2026-03-06T17:30:00Z'), 'q2'));
    expect((await read()).nextResponseDueAt).toBe('2026-03-09T09:20:00.000Z');
  });

  it('files a sender marked as spam’s next conversations as spam, unrouted, until one is marked not spam', async () => {
    const ws = await buildWorkspace(t.db);
    const agent = await ws.member('agent');
    const rule = { name: 'Everything to the agent', conditions: {}, actions: { assigneeId: agent.userId } };
    expect((await send(ws.owner.headers, 'POST', '/api/v1/routing-rules', rule)).statusCode).toBe(201);
    const inbox = async () =>
      json<{ data: { id: string; assigneeId: string | null }[] }>(await send(ws.owner.headers, 'GET', '/api/v1/conversations')).data;
    const spamFolder = async () =>
      json<{ data: { id: string }[] }>(await send(ws.owner.headers, 'GET', '/api/v1/conversations?spam=true')).data;
    const spammer = 7;

    await ingest(ws, mastodonStatus('p1', { account: spammer, text: 'Cheap followers here', createdAt: new Date() }));
    const [first] = await inbox();
    const marked = await send(ws.owner.headers, 'PATCH', `/api/v1/conversations/${first!.id}`, { isSpam: true });
    expect(marked.statusCode, marked.body).toBe(200);

    await ingest(ws, mastodonStatus('p2', { account: spammer, text: 'Cheap followers again', createdAt: new Date() }));
    await ingest(ws, mastodonStatus('c1', { account: 8, text: 'A real question', createdAt: new Date() }));
    expect((await inbox()).map((c) => c.assigneeId)).toEqual([agent.userId]);
    const spam = await spamFolder();
    expect(spam).toHaveLength(2);
    const second = spam.find((c) => c.id !== first!.id)!;
    const { rows } = await t.db.query<{ routed_at: Date | null }>('SELECT routed_at FROM conversations WHERE id = $1', [second.id]);
    expect(rows[0]!.routed_at).toBeNull();

    // "Not spam" on any of the sender's conversations lets their next ones in again.
    expect((await send(ws.owner.headers, 'PATCH', `/api/v1/conversations/${second.id}`, { isSpam: false })).statusCode).toBe(200);
    await ingest(ws, mastodonStatus('p3', { account: spammer, text: 'Actually a question', createdAt: new Date() }));
    expect(await inbox()).toHaveLength(3);
    expect((await spamFolder()).map((c) => c.id)).toEqual([first!.id]);
  });

  it('takes in a post whose author name and text hold half an emoji, with U+FFFD in its place', async () => {
    const ws = await buildWorkspace(t.db);
    const status = mastodonStatus('half', { account: 11, text: 'Broken \ud83d kettle', createdAt: new Date() });
    (status.account as Record<string, unknown>).display_name = 'Ann \ud83d';
    // The recorded export as a network sends it: the halves written as JSON escapes.
    const content = JSON.stringify(status);
    expect(content).toContain('\\ud83d');
    const response = await send(ws.owner.headers, 'POST', '/api/v1/ingest/files', { format: 'mastodon', content });
    expect(response.statusCode, response.body).toBe(200);
    expect(json<{ ingested: number }>(response).ingested).toBe(1);
    await t.deps.relay.flush();
    const { rows } = await t.db.query<{ text: string; display_name: string }>(
      `SELECT m.text, i.display_name FROM messages m JOIN social_identities i ON i.id = m.author_identity_id WHERE m.workspace_id = $1`,
      [ws.workspaceId],
    );
    expect(rows).toEqual([{ text: 'Broken \ufffd kettle', display_name: 'Ann \ufffd' }]);
  });

  it('moves what arrives in a merged conversation’s thread on to the conversation it was merged into', async () => {
    const ws = await buildWorkspace(t.db);
    await ingest(ws, mastodonStatus('m1', { text: 'First thread', createdAt: new Date() }));
    await ingest(ws, mastodonStatus('m2', { text: 'Second thread', createdAt: new Date(Date.now() + 1000) }));
    const [target, source] = json<{ data: ConversationBody[] }>(await send(ws.owner.headers, 'GET', '/api/v1/conversations')).data;
    expect((await send(ws.owner.headers, 'POST', `/api/v1/conversations/${source!.id}/merge`, { targetId: target!.id })).statusCode).toBe(
      200,
    );
    expect(
      (
        await t.app.inject({
          method: 'PATCH',
          url: `/api/v1/conversations/${target!.id}`,
          headers: ws.owner.headers,
          payload: { status: 'pending' },
        })
      ).statusCode,
    ).toBe(200);

    await ingest(ws, mastodonStatus('m3', { text: 'Reply to the first', inReplyTo: 'm1', createdAt: new Date(Date.now() + 2000) }));
    const messages = json<{ data: { text: string }[] }>(
      await send(ws.owner.headers, 'GET', `/api/v1/conversations/${target!.id}/messages`),
    );
    expect(messages.data.map((m) => m.text)).toEqual(['First thread', 'Second thread', 'Reply to the first']);
    expect(json(await send(ws.owner.headers, 'GET', `/api/v1/conversations/${target!.id}`))).toMatchObject({
      status: 'open',
      messageCount: 3,
    });
    expect(json(await send(ws.owner.headers, 'GET', `/api/v1/conversations/${source!.id}`))).toMatchObject({
      status: 'resolved',
      mergedIntoId: target!.id,
      messageCount: 0,
    });
  });

  it('reacts to new messages in many conversations relayed together, changing only the ones it concerns', async () => {
    const ws = await buildWorkspace(t.db);
    const policy = { firstResponseMinutes: 15, nextResponseMinutes: 30, resolutionMinutes: null, businessHours: null };
    expect((await send(ws.owner.headers, 'PUT', '/api/v1/inbox/sla-policy', policy)).statusCode).toBe(200);
    const start = Date.now();
    for (const [i, id] of ['w1', 'a1', 'q1'].entries()) {
      await ingest(ws, mastodonStatus(id, { text: `Thread ${id}`, account: i + 1, createdAt: new Date(start + i) }));
    }
    const list = json<{ data: (ConversationBody & { subject: string })[] }>(
      await send(ws.owner.headers, 'GET', '/api/v1/conversations'),
    ).data;
    const [waiting, answered, quiet] = ['w1', 'a1', 'q1'].map((id) => list.find((c) => c.subject === `Thread ${id}`)!);
    const replies = (id: string, payload: object) => send(ws.owner.headers, 'POST', `/api/v1/conversations/${id}/replies`, payload);
    expect((await replies(waiting!.id, { text: 'Waiting on you', status: 'pending' })).statusCode).toBe(201);
    expect((await replies(answered!.id, { text: 'Answered' })).statusCode).toBe(201);
    await t.deps.relay.flush();

    // Three files stored before the relay runs, so their events reach the inbox in one pass.
    const later = start + 60_000;
    for (const [i, id] of ['w1', 'a1', 'q1'].entries()) {
      const status = mastodonStatus(`${id}-2`, { text: 'More', account: i + 1, inReplyTo: id, createdAt: new Date(later + i) });
      const response = await send(ws.owner.headers, 'POST', '/api/v1/ingest/files', {
        format: 'mastodon',
        content: JSON.stringify(status),
      });
      expect(response.statusCode, response.body).toBe(200);
    }
    await t.deps.relay.flush();
    await t.deps.relay.flush();

    const now = async (id: string) => json<ConversationBody>(await send(ws.owner.headers, 'GET', `/api/v1/conversations/${id}`));
    expect(await now(waiting!.id)).toMatchObject({ status: 'open', messageCount: 3 });
    expect((await now(answered!.id)).sla.nextResponseDueAt).not.toBeNull();
    const untouched = await now(quiet!.id);
    expect(untouched).toMatchObject({ status: 'open', messageCount: 2 });
    expect(untouched.sla.nextResponseDueAt).toBeNull();
  });
});
