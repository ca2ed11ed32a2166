import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectorChannel } from '../../connector.js';
import { startMastodonServer, type MastodonTestServer } from '../../testing/mastodon-server.js';
import { mastodonConnector } from './mastodon.connector.js';

type Channel = Parameters<NonNullable<typeof mastodonConnector.pull>>[0];

describe('Mastodon connector (against a local server answering with recorded entities)', () => {
  let server: MastodonTestServer;
  let channel: Channel;
  const now = new Date('2026-12-01T12:00:00Z');

  beforeAll(async () => {
    server = await startMastodonServer();
    channel = {
      id: 'c1',
      workspaceId: 'w1',
      kind: 'mastodon',
      name: 'Mastodon',
      config: { instanceUrl: server.url, sources: ['home', 'notifications'] },
      credentials: { accessToken: server.token },
      net: { allowPrivateNetwork: true },
    } satisfies ConnectorChannel as Channel;
  });
  afterAll(() => server?.close());

  it('tests the connection with the access token', async () => {
    expect(await mastodonConnector.test(channel)).toMatchObject({ ok: true, message: expect.stringMatching(/^Signed in as @/) });
    await expect(mastodonConnector.test({ ...channel, credentials: { accessToken: 'wrong' } })).rejects.toMatchObject({
      code: 'auth_failed',
    });
  });

  it("reads the instance's own reply limit from its v2 document, else its v1 one, else says it does not know", async () => {
    const ask = () => mastodonConnector.serverReplyLength!(channel);
    const asked = () => server.requests.filter((r) => r.endsWith('/instance'));
    server.requests.length = 0;
    server.setInstance({ api: 'v2', maxCharacters: 5000, urlLength: 30 });
    expect(await ask()).toEqual({ max: 5000, counting: 'mastodon', urlLength: 30 });
    expect(asked()).toEqual(['/api/v2/instance']);

    // Mastodon 3 has only the v1 document, with the same configuration.
    server.requests.length = 0;
    server.setInstance({ api: 'v1', maxCharacters: 1000 });
    expect(await ask()).toEqual({ max: 1000, counting: 'mastodon', urlLength: 23 });
    expect(asked()).toEqual(['/api/v2/instance', '/api/v1/instance']);
    // Akkoma and Pleroma say max_toot_chars.
    server.setInstance({ api: 'akkoma', maxCharacters: 8000 });
    expect(await ask()).toEqual({ max: 8000, counting: 'mastodon' });

    // A server that says nothing believable leaves the network's usual limit.
    server.setInstance({ api: 'none' });
    expect(await ask()).toBeNull();
    for (const maxCharacters of ['lots', 0, -5, 2.5, 1e12]) {
      server.setInstance({ api: 'v2', maxCharacters });
      expect(await ask(), String(maxCharacters)).toBeNull();
    }
    // One that cannot answer now is a failure, worth asking again, not an answer.
    server.setInstance({ api: 'down' });
    await expect(ask()).rejects.toMatchObject({ code: 'http_status', transient: true, status: 503 });
    server.setInstance({ api: 'v2' });
  });

  it('reads each timeline from its own min_id, page by page, without gaps or repeats', async () => {
    for (let id = 100; id < 150; id++) server.addStatus({ id: String(id), text: `Status ${id}` }, { mention: id % 10 === 0 });

    const first = await mastodonConnector.pull!(channel, {}, now);
    // The first read takes only the newest page of each timeline.
    expect(first.batch!.messages.map((m) => m.externalId)).toContain('149');
    expect(first.nextCursor).toMatchObject({ home: '149', notifications: '140' });

    server.addStatus({ id: '150', text: 'A reply to us', inReplyToId: '149' }, { mention: true });
    for (let id = 151; id < 200; id++) server.addStatus({ id: String(id), text: `Status ${id}` });
    const second = await mastodonConnector.pull!(channel, first.nextCursor, now);
    const home = second.batch!.messages.map((m) => m.externalId);
    // min_id gives the 40 right after 149, not the newest 40: nothing between is skipped.
    expect(home).toContain('150');
    expect(home).not.toContain('149');
    expect(second.nextCursor).toMatchObject({ home: '189', notifications: '150' });
    const reply = second.batch!.messages.find((m) => m.externalId === '150')!;
    expect(reply).toMatchObject({ channel: 'mastodon', inReplyToExternalId: '149', author: { handle: expect.stringContaining('ana') } });
    expect(reply.text).toContain('A reply to us');

    const third = await mastodonConnector.pull!(channel, second.nextCursor, now);
    expect(new Set(third.batch!.messages.map((m) => m.externalId))).toEqual(new Set(Array.from({ length: 10 }, (_, i) => String(190 + i))));
    const quiet = await mastodonConnector.pull!(channel, third.nextCursor, now);
    expect(quiet.batch).toBeNull();
    expect(quiet.nextCursor).toEqual(third.nextCursor);
  });

  it('replies with in_reply_to_id, mentioning the customer, once per message id', async () => {
    const sent = await mastodonConnector.sendReply!(channel, {
      messageId: 'msg-1',
      text: 'Thanks, we are on it.',
      subject: '',
      recipient: { externalId: 'acct-ana', handle: 'ana' },
      inReplyToExternalId: '150',
      threadExternalIds: ['149', '150'],
      threadKey: '149',
      isPrivate: false,
    });
    expect(sent.externalId).toMatch(/^\d+$/);
    expect(server.posted.at(-1)).toEqual({
      body: { status: '@ana Thanks, we are on it.', in_reply_to_id: '150', visibility: 'unlisted' },
      idempotencyKey: 'msg-1',
    });
    await mastodonConnector.sendReply!(channel, {
      messageId: 'msg-2',
      text: 'Sent you the details.',
      subject: '',
      recipient: { externalId: 'acct-ana', handle: 'ana' },
      inReplyToExternalId: '150',
      threadExternalIds: [],
      threadKey: 'conversation:9',
      isPrivate: true,
    });
    expect(server.posted.at(-1)!.body).toMatchObject({ visibility: 'direct' });
  });

  it('wakes the poller when the streaming API announces news, and reports the end of the stream', async () => {
    const wakes: number[] = [];
    const failures: string[] = [];
    const sink = { emit: async () => undefined, wake: () => wakes.push(Date.now()), fail: (e: { code: string }) => failures.push(e.code) };
    const handle = await mastodonConnector.stream!({ ...channel, config: { ...channel.config, hashtags: ['kettles'] } }, {}, sink);
    await expect.poll(() => server.streams().sort()).toEqual(['/api/v1/streaming/hashtag?tag=kettles', '/api/v1/streaming/user']);

    server.push('notification', { id: '77', type: 'mention' });
    await expect.poll(() => wakes.length).toBeGreaterThanOrEqual(2);
    const before = wakes.length;
    server.push('filters_changed', {});
    server.push('update', { id: '78' });
    await expect.poll(() => wakes.length).toBe(before + 2);
    await handle.close();
    await expect.poll(() => server.streams()).toEqual([]);
    expect(failures).toEqual([]);

    await expect(mastodonConnector.stream!({ ...channel, credentials: { accessToken: 'wrong' } }, {}, sink)).rejects.toMatchObject({
      code: 'auth_failed',
    });
  });

  it('refuses to reach a private address unless the channel allows it', async () => {
    await expect(mastodonConnector.pull!({ ...channel, net: { allowPrivateNetwork: false } }, {}, now)).rejects.toMatchObject({
      code: 'ssrf_refused',
    });
  });
});
