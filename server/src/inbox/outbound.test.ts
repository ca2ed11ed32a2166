import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorkspace, json, testApp, type TestApp } from '../platform/testing/test-app.js';
import { getOutboundMessage, markDelivery } from './index.js';
import { insertChannel, insertConversation, dropQueuedDeliveries } from './testing/conversations.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => {
  await dropQueuedDeliveries(t.db);
});

async function replyTo(headers: Record<string, string>, conversationId: string, text: string): Promise<string> {
  const response = await t.app.inject({
    method: 'POST',
    url: `/api/v1/conversations/${conversationId}/replies`,
    headers,
    payload: { text },
  });
  expect(response.statusCode, response.body).toBe(201);
  return json<{ id: string }>(response).id;
}

describe('outbound replies for the channels domain', () => {
  it('gives a reply with its customer and the e-mail threading of the message it answers', async () => {
    const ws = await buildWorkspace(t.db);
    const c = await insertConversation(t.db, ws.workspaceId, {
      channelId: await insertChannel(t.db, ws.workspaceId),
      threadKey: '<root@customer.example>',
      subject: 'Order 42',
      identity: { externalId: 'casey@customer.example', handle: 'casey@customer.example', displayName: 'Casey' },
      messages: [
        { text: 'Where is it?', externalId: '<root@customer.example>', sentAt: new Date('2026-03-01T10:00:00Z') },
        { direction: 'out', text: 'Shipped.', externalId: '<a1@us.example>', sentAt: new Date('2026-03-01T11:00:00Z') },
        { text: 'Not here yet', externalId: '<q2@customer.example>', sentAt: new Date('2026-03-02T10:00:00Z') },
      ],
    });
    const replyId = await replyTo(ws.owner.headers, c.id, 'Sorry, resending.');
    const outbound = await getOutboundMessage(t.db, ws.workspaceId, replyId);
    expect(outbound).toMatchObject({
      message: {
        id: replyId,
        conversationId: c.id,
        text: 'Sorry, resending.',
        authorUserId: ws.owner.userId,
        authorName: 'Olive Owner',
        deliveryStatus: 'queued',
      },
      conversation: { id: c.id, network: 'email', threadKey: '<root@customer.example>', subject: 'Order 42' },
      identity: { id: c.identityId, externalId: 'casey@customer.example', email: 'casey@customer.example', displayName: 'Casey' },
      inReplyTo: {
        id: c.messageIds[2],
        externalId: '<q2@customer.example>',
        email: { messageId: '<q2@customer.example>', references: ['<root@customer.example>', '<a1@us.example>', '<q2@customer.example>'] },
      },
    });
    const note = await t.app.inject({
      method: 'POST',
      url: `/api/v1/conversations/${c.id}/notes`,
      headers: ws.owner.headers,
      payload: { text: 'n' },
    });
    expect(await getOutboundMessage(t.db, ws.workspaceId, json<{ id: string }>(note).id)).toBeNull();
    expect(await getOutboundMessage(t.db, (await buildWorkspace(t.db)).workspaceId, replyId)).toBeNull();
  });

  it('records delivery reports in order, once each', async () => {
    const ws = await buildWorkspace(t.db);
    const c = await insertConversation(t.db, ws.workspaceId, {
      network: 'mastodon',
      channelId: await insertChannel(t.db, ws.workspaceId, 'mastodon'),
    });
    const replyId = await replyTo(ws.owner.headers, c.id, 'Thanks!');
    expect(await markDelivery(t.db, ws.workspaceId, replyId, { status: 'sent', externalId: '110000000000000001' })).toBe(true);
    expect(await markDelivery(t.db, ws.workspaceId, replyId, { status: 'sent', externalId: '110000000000000001' })).toBe(false);
    expect(await markDelivery(t.db, ws.workspaceId, replyId, { status: 'delivered' })).toBe(true);
    expect(await markDelivery(t.db, ws.workspaceId, replyId, { status: 'sent' })).toBe(false);
    const messages = json<{ data: { id: string; deliveryStatus: string; deliveryError: string | null }[] }>(
      await t.app.inject({ method: 'GET', url: `/api/v1/conversations/${c.id}/messages`, headers: ws.owner.headers }),
    );
    expect(messages.data.find((m) => m.id === replyId)).toMatchObject({ deliveryStatus: 'delivered', deliveryError: null });
    const { rows } = await t.db.query<{ data: { after: { deliveryStatus: string; externalId: string | null } } }>(
      `SELECT data FROM events WHERE workspace_id = $1 AND type = 'message.delivery_updated' AND subject_id = $2 ORDER BY id`,
      [ws.workspaceId, replyId],
    );
    expect(rows.map((r) => r.data.after)).toEqual([
      { deliveryStatus: 'sent', externalId: '110000000000000001', deliveryError: null },
      { deliveryStatus: 'delivered', externalId: '110000000000000001', deliveryError: null },
    ]);
  });

  it('keeps the failure reason, and leaves an external id another message already holds', async () => {
    const ws = await buildWorkspace(t.db);
    const c = await insertConversation(t.db, ws.workspaceId, {
      channelId: await insertChannel(t.db, ws.workspaceId),
      messages: [{ text: 'hi', externalId: '<taken@x>' }],
    });
    const replyId = await replyTo(ws.owner.headers, c.id, 'Hello');
    expect(
      await markDelivery(t.db, ws.workspaceId, replyId, {
        status: 'failed',
        externalId: '<taken@x>',
        error: 'SMTP 550 mailbox unavailable',
      }),
    ).toBe(true);
    const { rows } = await t.db.query(
      'SELECT delivery_status, delivery_error, external_id FROM messages WHERE workspace_id = $1 AND id = $2',
      [ws.workspaceId, replyId],
    );
    expect(rows[0]).toEqual({ delivery_status: 'failed', delivery_error: 'SMTP 550 mailbox unavailable', external_id: null });
    expect(await markDelivery(t.db, ws.workspaceId, '00000000-0000-4000-8000-000000000000', { status: 'sent' })).toBe(false);
  });
});
