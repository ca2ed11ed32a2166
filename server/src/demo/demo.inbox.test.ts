import { beforeAll, describe, expect, it } from 'vitest';
import { testApp, testConfig, type TestApp } from '../platform/testing/test-app.js';
import { createLogger } from '../platform/observability/logger.js';
import { listCannedResponses } from '../inbox/canned-response.service.js';
import { getConversation, listConversations } from '../inbox/conversation.service.js';
import { replyToConversation } from '../inbox/message.service.js';
import { deliverReply } from '../channels/delivery/deliver-reply.job.js';
import { seededDemo } from './demo.testing.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

describe('demo inbox', () => {
  it('has threaded conversations from every kind of channel, some already worked on', async () => {
    const ctx = await seededDemo(t.db);
    const { data } = await listConversations(ctx, { view: 'all', limit: 50 });
    expect(new Set(data.map((c) => c.network))).toEqual(new Set(['email', 'mastodon', 'twitter', 'meta', 'rss']));
    // Replies joined their threads: twelve messages make eight conversations.
    expect(data).toHaveLength(8);
    const ada = data.filter((c) => c.identity?.displayName === 'Ada Lovelace');
    expect(ada.map((c) => c.status).sort()).toEqual(['open', 'resolved']);
    expect(new Set(ada.map((c) => c.identity!.id)).size).toBe(1);
    const toot = data.find((c) => c.network === 'mastodon')!;
    expect(toot).toMatchObject({ messageCount: 3, identity: { displayName: 'Noor Haddad' } });
    expect(data.find((c) => c.subject.startsWith('Invoice 7781'))).toMatchObject({ priority: 'high', labels: ['billing'] });
    expect(data.find((c) => c.subject.startsWith('The winter release'))).toMatchObject({ status: 'resolved', messageCount: 2 });
    expect((await listCannedResponses(ctx, {})).data.map((r) => r.shortcut).sort()).toEqual(['details', 'refund', 'thanks']);
  });

  it('can answer every conversation, in the inbox or heard by listening, through a sandbox channel of its network', async () => {
    const ctx = await seededDemo(t.db);
    const { rows: channels } = await t.db.query<{ name: string; kind: string; network: string; purpose: string }>(
      `SELECT name, kind, config->>'network' AS network, purpose FROM channels WHERE workspace_id = $1`,
      [ctx.workspaceId],
    );
    expect(channels.sort((a, b) => (a.network < b.network ? -1 : 1))).toEqual([
      // Only listening hears Bluesky.
      { name: 'Demo Bluesky (sandbox)', kind: 'sandbox', network: 'bluesky', purpose: 'listening' },
      { name: 'Demo e-mail (sandbox)', kind: 'sandbox', network: 'email', purpose: 'inbox' },
      { name: 'Demo Mastodon (sandbox)', kind: 'sandbox', network: 'mastodon', purpose: 'inbox' },
      { name: 'Demo Messenger (sandbox)', kind: 'sandbox', network: 'meta', purpose: 'inbox' },
      { name: 'Demo blog (sandbox)', kind: 'sandbox', network: 'rss', purpose: 'inbox' },
      { name: 'Demo X (sandbox)', kind: 'sandbox', network: 'twitter', purpose: 'inbox' },
    ]);
    const { rows: conversations } = await t.db.query<{ id: string; network: string; channelNetwork: string | null; inInbox: boolean }>(
      `SELECT c.id, c.network, ch.config->>'network' AS "channelNetwork", c.in_inbox AS "inInbox"
         FROM conversations c LEFT JOIN channels ch ON ch.workspace_id = c.workspace_id AND ch.id = c.channel_id
        WHERE c.workspace_id = $1`,
      [ctx.workspaceId],
    );
    expect(conversations.filter((c) => c.inInbox)).toHaveLength(8);
    expect(conversations.filter((c) => !c.inInbox).length).toBeGreaterThan(0);
    for (const conversation of conversations) {
      expect(conversation.channelNetwork, conversation.network).toBe(conversation.network);
      expect((await getConversation(ctx, conversation.id)).replyUnavailable).toBeNull();
    }

    // A reply the new user sends goes through delivery and is marked sent, as through a real channel.
    const { data } = await listConversations(ctx, { view: 'all', limit: 50 });
    const refund = data.find((c) => c.subject.startsWith('Invoice 7781'))!;
    const reply = await replyToConversation(ctx, t.db, refund.id, { text: 'The refund is on its way.' });
    const job = { workspaceId: ctx.workspaceId, now: new Date(), log: createLogger('silent'), finalAttempt: false };
    await deliverReply(t.db, { secret: testConfig().secret }, job, reply.id);
    const { rows: sent } = await t.db.query<{ delivery_status: string; items_out: string }>(
      `SELECT m.delivery_status, ch.items_out::text FROM messages m JOIN channels ch ON ch.workspace_id = m.workspace_id AND ch.id = m.channel_id
        WHERE m.workspace_id = $1 AND m.id = $2`,
      [ctx.workspaceId, reply.id],
    );
    expect(sent).toEqual([{ delivery_status: 'sent', items_out: '1' }]);
  });
});
