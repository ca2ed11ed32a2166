import { beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../platform/testing/test-app.js';
import { listCannedResponses } from '../inbox/canned-response.service.js';
import { listConversations } from '../inbox/conversation.service.js';
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
});
