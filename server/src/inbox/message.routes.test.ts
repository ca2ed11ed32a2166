import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorkspace, json, testApp, type TestApp } from '../platform/testing/test-app.js';
import { DELIVER_REPLY_JOB } from './index.js';
import { insertChannel, insertConversation, dropQueuedDeliveries } from './testing/conversations.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => {
  await dropQueuedDeliveries(t.db);
});

type Headers = Record<string, string>;
interface MessageBody {
  id: string;
  conversationId: string;
  kind: string;
  direction: string;
  author: { identityId: string | null; userId: string | null; name: string | null; handle: string | null };
  text: string;
  html: string | null;
  url: string | null;
  deliveryStatus: string | null;
  mentions: string[];
}

const send = (headers: Headers, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

async function messages(headers: Headers, conversationId: string): Promise<MessageBody[]> {
  const all: MessageBody[] = [];
  let cursor: string | null = null;
  do {
    const response = await send(
      headers,
      'GET',
      `/api/v1/conversations/${conversationId}/messages?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
    );
    expect(response.statusCode, response.body).toBe(200);
    const page: { data: MessageBody[]; nextCursor: string | null } = json(response);
    all.push(...page.data);
    cursor = page.nextCursor;
  } while (cursor);
  return all;
}

async function conversationRow(workspaceId: string, id: string) {
  const { rows } = await t.db.query<{
    status: string;
    first_responded_at: Date | null;
    last_outbound_at: Date | null;
    message_count: number;
    preview: string;
  }>('SELECT status, first_responded_at, last_outbound_at, message_count, preview FROM conversations WHERE workspace_id = $1 AND id = $2', [
    workspaceId,
    id,
  ]);
  return rows[0]!;
}

describe('conversation messages', () => {
  it('lists messages oldest first with their authors and sanitised HTML', async () => {
    const ws = await buildWorkspace(t.db);
    const hostile =
      '<p onclick="steal()">Hi</p><script>alert(document.cookie)</script><img src="https://tracker.example/p.gif">' +
      '<a href="javascript:alert(1)">click</a><a href="https://shop.example/order/1">order</a><iframe src="https://evil.example"></iframe>' +
      '<svg><animate onbegin="alert(1)"/></svg><div style="background:url(javascript:alert(1))">styled</div>';
    const c = await insertConversation(t.db, ws.workspaceId, {
      identity: { handle: 'casey', displayName: 'Casey' },
      messages: [
        { text: 'first', html: hostile, sentAt: new Date('2026-03-01T10:00:00Z') },
        { direction: 'out', text: 'second', authorUserId: ws.owner.userId, sentAt: new Date('2026-03-01T11:00:00Z') },
        { text: 'third', sentAt: new Date('2026-03-01T12:00:00Z') },
      ],
    });
    const list = await messages(ws.owner.headers, c.id);
    expect(list.map((m) => m.text)).toEqual(['first', 'second', 'third']);
    expect(list[0]!.author).toEqual({ identityId: c.identityId, userId: null, name: 'Casey', handle: 'casey' });
    expect(list[1]!.author).toEqual({ identityId: null, userId: ws.owner.userId, name: 'Olive Owner', handle: null });
    expect(list[0]!.html).toBe(
      '<p>Hi</p><a>click</a><a href="https://shop.example/order/1" rel="noopener noreferrer nofollow" target="_blank">order</a><div>styled</div>',
    );
    for (const needle of ['script', 'onclick', 'javascript', 'tracker', 'iframe', 'svg', 'style='])
      expect(list[0]!.html).not.toContain(needle);
  });

  it('queues a reply for delivery and starts the response clocks', async () => {
    const ws = await buildWorkspace(t.db);
    const agent = await ws.member('agent');
    const c = await insertConversation(t.db, ws.workspaceId, {
      channelId: await insertChannel(t.db, ws.workspaceId),
      messages: [{ text: 'Help!', externalId: '<q1@customer.example>' }],
    });
    const response = await send(agent.headers, 'POST', `/api/v1/conversations/${c.id}/replies`, { text: 'On it.\nBest, Agent' });
    expect(response.statusCode, response.body).toBe(201);
    const reply = json<MessageBody>(response);
    expect(reply).toMatchObject({ kind: 'message', direction: 'out', deliveryStatus: 'queued', text: 'On it.\nBest, Agent' });
    expect(reply.author.userId).toBe(agent.userId);
    const row = await conversationRow(ws.workspaceId, c.id);
    expect(row).toMatchObject({ status: 'open', message_count: 2, preview: 'On it. Best, Agent' });
    expect(row.first_responded_at).not.toBeNull();
    expect(row.last_outbound_at).toEqual(row.first_responded_at);
    const { rows: jobs } = await t.db.query<{ payload: unknown; workspace_id: string }>(
      `SELECT payload, workspace_id FROM jobs WHERE name = $1 AND payload->>'messageId' = $2`,
      [DELIVER_REPLY_JOB, reply.id],
    );
    expect(jobs).toEqual([{ payload: { messageId: reply.id }, workspace_id: ws.workspaceId }]);
    const { rows: stored } = await t.db.query<{ in_reply_to_external_id: string }>(
      'SELECT in_reply_to_external_id FROM messages WHERE workspace_id = $1 AND id = $2',
      [ws.workspaceId, reply.id],
    );
    expect(stored[0]!.in_reply_to_external_id).toBe('<q1@customer.example>');

    const second = await send(agent.headers, 'POST', `/api/v1/conversations/${c.id}/replies`, { text: 'Done.', status: 'resolved' });
    expect(second.statusCode).toBe(201);
    const after = await conversationRow(ws.workspaceId, c.id);
    expect(after.status).toBe('resolved');
    expect(after.first_responded_at).toEqual(row.first_responded_at);
  });

  it('replays a reply sent twice with the same Idempotency-Key', async () => {
    const ws = await buildWorkspace(t.db);
    const c = await insertConversation(t.db, ws.workspaceId, { channelId: await insertChannel(t.db, ws.workspaceId) });
    const headers = { ...ws.owner.headers, 'idempotency-key': 'reply-1' };
    const first = await send(headers, 'POST', `/api/v1/conversations/${c.id}/replies`, { text: 'Once' });
    const again = await send(headers, 'POST', `/api/v1/conversations/${c.id}/replies`, { text: 'Once' });
    expect(again.statusCode).toBe(201);
    expect(json(again)).toEqual(json(first));
    expect((await messages(ws.owner.headers, c.id)).filter((m) => m.text === 'Once')).toHaveLength(1);
  });

  it('refuses blank replies, unknown canned responses and replies from viewers', async () => {
    const ws = await buildWorkspace(t.db);
    const viewer = await ws.member('viewer');
    const c = await insertConversation(t.db, ws.workspaceId, { channelId: await insertChannel(t.db, ws.workspaceId) });
    const url = `/api/v1/conversations/${c.id}/replies`;
    expect((await send(ws.owner.headers, 'POST', url, { text: '   ' })).statusCode).toBe(400);
    const unknown = await send(ws.owner.headers, 'POST', url, { text: 'x', cannedResponseId: '00000000-0000-4000-8000-000000000000' });
    expect(json(unknown)).toMatchObject({ errors: [{ field: 'cannedResponseId' }] });
    expect((await send(viewer.headers, 'POST', url, { text: 'x' })).statusCode).toBe(403);
    expect((await send(ws.owner.headers, 'POST', url, { text: 'x', status: 'snoozed' })).statusCode).toBe(400);
  });

  it('refuses replies where there is no channel to send them through, and takes notes there', async () => {
    const ws = await buildWorkspace(t.db);
    const imported = await insertConversation(t.db, ws.workspaceId, { channelId: null });
    const removedChannel = await insertChannel(t.db, ws.workspaceId);
    const orphaned = await insertConversation(t.db, ws.workspaceId, { channelId: removedChannel });
    await t.db.query('DELETE FROM channels WHERE workspace_id = $1 AND id = $2', [ws.workspaceId, removedChannel]);
    const replyable = await insertConversation(t.db, ws.workspaceId, { channelId: await insertChannel(t.db, ws.workspaceId) });
    const fromFeed = await insertConversation(t.db, ws.workspaceId, { channelId: await insertChannel(t.db, ws.workspaceId, 'rss') });
    const mapping = { externalId: '/id', text: '/text', authorId: '/from' };
    // A generic webhook replies only to the endpoint its settings name.
    const noEndpoint = await insertConversation(t.db, ws.workspaceId, {
      network: 'webhook',
      channelId: await insertChannel(t.db, ws.workspaceId, 'webhook', { mapping }),
    });
    const withEndpoint = await insertConversation(t.db, ws.workspaceId, {
      network: 'webhook',
      channelId: await insertChannel(t.db, ws.workspaceId, 'webhook', { mapping, outboundUrl: 'https://helpdesk.example/replies' }),
    });

    for (const [c, reason, detail] of [
      [imported, 'no_channel', /no channel to reply through/],
      [orphaned, 'channel_removed', /channel of this conversation was removed/],
      [fromFeed, 'channel_cannot_reply', /channel that only reads \(a feed\)/],
      [noEndpoint, 'reply_not_set_up', /cannot send replies: it has no reply endpoint \(outboundUrl\)/],
    ] as const) {
      const refused = await send(ws.owner.headers, 'POST', `/api/v1/conversations/${c.id}/replies`, { text: 'Hello?' });
      expect(refused.statusCode).toBe(409);
      expect(json<{ code: string; detail: string }>(refused)).toMatchObject({
        code: 'no_reply_channel',
        detail: expect.stringMatching(detail),
      });
      expect(json(await send(ws.owner.headers, 'GET', `/api/v1/conversations/${c.id}`))).toMatchObject({ replyUnavailable: reason });
      const note = await send(ws.owner.headers, 'POST', `/api/v1/conversations/${c.id}/notes`, { text: 'Imported; call them instead' });
      expect(note.statusCode).toBe(201);
      expect((await messages(ws.owner.headers, c.id)).map((m) => m.kind)).toEqual(['message', 'note']);
      expect((await conversationRow(ws.workspaceId, c.id)).first_responded_at).toBeNull();
    }
    const { data } = json<{ data: { id: string; replyUnavailable: string | null }[] }>(
      await send(ws.owner.headers, 'GET', '/api/v1/conversations'),
    );
    expect(Object.fromEntries(data.map((c) => [c.id, c.replyUnavailable]))).toEqual({
      [imported.id]: 'no_channel',
      [orphaned.id]: 'channel_removed',
      [fromFeed.id]: 'channel_cannot_reply',
      [noEndpoint.id]: 'reply_not_set_up',
      [withEndpoint.id]: null,
      [replyable.id]: null,
    });
    const { rows } = await t.db.query("SELECT 1 FROM jobs WHERE payload->>'messageId' IS NOT NULL AND workspace_id = $1", [ws.workspaceId]);
    expect(rows).toEqual([]);
  });

  it('refuses a reply longer than the network takes, counted as it counts, before storing anything', async () => {
    const ws = await buildWorkspace(t.db);
    const on = async (network: string, kind = network, config: object = {}) =>
      insertConversation(t.db, ws.workspaceId, { network, channelId: await insertChannel(t.db, ws.workspaceId, kind, config) });
    const x = await on('twitter');
    // A sandbox stands in for the network, so it takes that network's limit.
    const sandboxX = await on('twitter', 'sandbox', { network: 'twitter' });
    const bluesky = await on('bluesky');
    const mastodon = await on('mastodon');
    const email = await on('email');
    const reply = (c: { id: string }, text: string) => send(ws.owner.headers, 'POST', `/api/v1/conversations/${c.id}/replies`, { text });

    for (const [c, text, limit] of [
      [x, 'a'.repeat(70_000), 280],
      [sandboxX, 'a'.repeat(281), 280],
      [bluesky, 'b'.repeat(301), 300],
      [mastodon, 'm'.repeat(501), 500],
    ] as const) {
      const refused = await reply(c, text);
      expect(refused.statusCode, refused.body).toBe(400);
      expect(json<{ errors: { field: string; reason: string }[] }>(refused).errors).toEqual([
        { field: 'text', reason: expect.stringMatching(new RegExp(`at most ${limit}$`)) },
      ]);
    }
    expect((await messages(ws.owner.headers, x.id)).map((m) => m.direction)).toEqual(['in']);
    expect((await conversationRow(ws.workspaceId, x.id)).first_responded_at).toBeNull();

    // Counted as the network counts: graphemes on Bluesky, a link as 23 on X, no limit on e-mail.
    expect((await reply(bluesky, '👨‍👩‍👧‍👦'.repeat(300))).statusCode).toBe(201);
    expect((await reply(x, `${'x'.repeat(250)} https://example.com/${'long'.repeat(100)}`)).statusCode).toBe(201);
    expect((await reply(email, 'e'.repeat(70_000))).statusCode).toBe(201);

    const limits = async (c: { id: string }) =>
      json<{ replyLimit: unknown }>(await send(ws.owner.headers, 'GET', `/api/v1/conversations/${c.id}`)).replyLimit;
    expect(await limits(x)).toEqual({ max: 280, counting: 'x_weighted' });
    expect(await limits(sandboxX)).toEqual({ max: 280, counting: 'x_weighted' });
    expect(await limits(bluesky)).toEqual({ max: 300, counting: 'graphemes' });
    expect(await limits(mastodon)).toEqual({ max: 500, counting: 'mastodon' });
    expect(await limits(email)).toBeNull();
  });

  it('adds internal notes and notifies the colleagues they mention', async () => {
    const ws = await buildWorkspace(t.db);
    const ada = await ws.member('agent');
    const bob = await ws.member('agent');
    await t.db.query(`UPDATE users SET name = 'Ada Lovelace' WHERE id = $1`, [ada.userId]);
    await t.db.query(`UPDATE users SET name = 'Bob Stone' WHERE id = $1`, [bob.userId]);
    const c = await insertConversation(t.db, ws.workspaceId, { subject: 'Refund' });
    const response = await send(ws.owner.headers, 'POST', `/api/v1/conversations/${c.id}/notes`, {
      text: 'Could @ada look? Not @Bobby though.',
      mentions: [bob.userId],
    });
    expect(response.statusCode, response.body).toBe(201);
    const note = json<MessageBody>(response);
    expect(note).toMatchObject({ kind: 'note', deliveryStatus: null });
    expect(new Set(note.mentions)).toEqual(new Set([ada.userId, bob.userId]));
    for (const member of [ada, bob]) {
      const { data } = json<{ data: { kind: string; title: string }[] }>(await send(member.headers, 'GET', '/api/v1/notifications'));
      expect(data).toEqual([expect.objectContaining({ kind: 'conversation.mention', title: 'Olive Owner mentioned you on: Refund' })]);
    }
    expect((await conversationRow(ws.workspaceId, c.id)).message_count).toBe(1);
    const { rows } = await t.db.query('SELECT 1 FROM jobs WHERE payload->>$1 = $2', ['messageId', note.id]);
    expect(rows).toHaveLength(0);

    const stranger = await send(ws.owner.headers, 'POST', `/api/v1/conversations/${c.id}/notes`, {
      text: 'x',
      mentions: [(await buildWorkspace(t.db)).owner.userId],
    });
    expect(stranger.statusCode).toBe(400);
  });

  it('does not notify a mentioned colleague who cannot see the conversation, and tells the author', async () => {
    const ws = await buildWorkspace(t.db);
    const sky = await ws.member('agent', { recordScope: 'own' });
    const team = await ws.member('agent', { recordScope: 'team' });
    await t.db.query(`UPDATE users SET name = 'Sky Walker' WHERE id = $1`, [sky.userId]);
    await t.db.query(`UPDATE users SET name = 'Tess Team' WHERE id = $1`, [team.userId]);
    const c = await insertConversation(t.db, ws.workspaceId, { subject: 'My card number is 4242' });
    const response = await send(ws.owner.headers, 'POST', `/api/v1/conversations/${c.id}/notes`, { text: '@Sky and @Tess, seen this?' });
    expect(response.statusCode, response.body).toBe(201);
    const note = json<MessageBody & { undeliveredMentions: object[] }>(response);
    expect(note.mentions).toEqual([]);
    expect(note.undeliveredMentions).toEqual([
      { userId: sky.userId, name: 'Sky Walker', reason: 'cannot_see_conversation' },
      { userId: team.userId, name: 'Tess Team', reason: 'cannot_see_conversation' },
    ]);
    for (const member of [sky, team]) {
      const { data } = json<{ data: object[] }>(await send(member.headers, 'GET', '/api/v1/notifications'));
      expect(data).toEqual([]);
    }

    // Once it is theirs, they are told.
    await t.db.query(`UPDATE conversations SET assignee_id = $3 WHERE workspace_id = $1 AND id = $2`, [ws.workspaceId, c.id, sky.userId]);
    const again = json<MessageBody & { undeliveredMentions: object[] }>(
      await send(ws.owner.headers, 'POST', `/api/v1/conversations/${c.id}/notes`, { text: '@Sky it is yours now' }),
    );
    expect(again).toMatchObject({ mentions: [sky.userId], undeliveredMentions: [] });
    const { data } = json<{ data: { title: string }[] }>(await send(sky.headers, 'GET', '/api/v1/notifications'));
    expect(data.map((n) => n.title)).toEqual(['Olive Owner mentioned you on: My card number is 4242']);
  });
});
