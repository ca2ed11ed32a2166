/**
 * A Mastodon channel's replies are held to its instance's own limit, not Mastodon's default: the
 * limit is asked at the first sync, by "Test connection", and again a day later, and the channel's
 * conversations take it (against the local Mastodon stand-in).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorkspace, json, type TestWorkspace } from '../platform/testing/test-app.js';
import { startMastodonServer, type MastodonTestServer } from './testing/mastodon-server.js';
import { startPollerApp, type PollerApp } from './testing/poller-app.js';
import { pollDueChannels } from './sync/poll.job.js';

let poller: PollerApp;
let mastodon: MastodonTestServer;
let ws: TestWorkspace;

beforeAll(async () => {
  poller = await startPollerApp();
  mastodon = await startMastodonServer();
  ws = await buildWorkspace(poller.db);
});

afterAll(async () => {
  await mastodon?.close();
  await poller?.close();
});

const send = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  poller.built.app.inject({ method, url, headers: ws.owner.headers, ...(payload ? { payload } : {}) });

interface ConversationBody {
  id: string;
  replyLimit: { max: number; counting: string } | null;
}

describe("a Mastodon instance's own reply limit", () => {
  it('holds the channel’s replies to it, asked at the first sync, by a test, and again a day later', async () => {
    mastodon.setInstance({ api: 'v2', maxCharacters: 1000 });
    const config = { instanceUrl: mastodon.url, sources: ['notifications'], allowPrivateNetwork: true };
    const created = await send('POST', '/api/v1/channels', {
      kind: 'mastodon',
      name: 'Kettle makers',
      config,
      credentials: { accessToken: mastodon.token },
    });
    expect(created.statusCode, created.body).toBe(201);
    const channelId = json<{ id: string }>(created).id;
    mastodon.addStatus({ id: '700', text: 'My kettle whistles in B flat, is that normal?' }, { mention: true });
    const start = Date.now();
    const poll = (hours: number) => pollDueChannels(poller.deps, new Date(start + hours * 3600_000));

    await poll(0);
    const [conversation] = json<{ data: ConversationBody[] }>(await send('GET', '/api/v1/conversations')).data;
    const limit = async () => json<ConversationBody>(await send('GET', `/api/v1/conversations/${conversation!.id}`)).replyLimit;
    expect(await limit()).toEqual({ max: 1000, counting: 'mastodon' });
    const reply = (text: string) => send('POST', `/api/v1/conversations/${conversation!.id}/replies`, { text });
    // Longer than Mastodon's default 500, within the instance's 1,000.
    expect((await reply('x'.repeat(600))).statusCode).toBe(201);
    const tooLong = await reply('x'.repeat(1001));
    expect(tooLong.statusCode).toBe(400);
    expect(json<{ errors: { field: string; reason: string }[] }>(tooLong).errors).toEqual([
      { field: 'text', reason: 'is 1001 characters long, as Mastodon counts them; it takes at most 1000' },
    ]);

    // Asked again a day later, not at every poll.
    mastodon.setInstance({ api: 'v2', maxCharacters: 700 });
    await poll(1);
    expect((await limit())?.max).toBe(1000);
    await poll(25);
    expect((await limit())?.max).toBe(700);

    // "Test connection" asks at once, and says what it learnt.
    mastodon.setInstance({ api: 'v2', maxCharacters: 2000 });
    expect(json(await send('POST', `/api/v1/channels/${channelId}/test`))).toEqual({
      ok: true,
      message: 'Signed in as @Mastodon. Replies may be up to 2,000 characters long here.',
      code: null,
    });
    expect((await limit())?.max).toBe(2000);

    // An instance that cannot answer keeps the limit it said, and the channel stays healthy.
    mastodon.setInstance({ api: 'down' });
    await poll(50);
    expect((await limit())?.max).toBe(2000);
    const { health } = json<{ health: { state: string; errorCount: number } }>(await send('GET', `/api/v1/channels/${channelId}`));
    expect(health).toMatchObject({ state: 'ok', errorCount: 0 });
    // One that no longer says gives Mastodon's default.
    mastodon.setInstance({ api: 'none' });
    await poll(60);
    expect((await limit())?.max).toBe(2000);
    await poll(75);
    expect(await limit()).toEqual({ max: 500, counting: 'mastodon' });

    // Other settings may name another instance: its limit is asked at the next poll, which is due at once.
    mastodon.setInstance({ api: 'v1', maxCharacters: 3000 });
    await send('POST', `/api/v1/channels/${channelId}/test`);
    expect((await limit())?.max).toBe(3000);
    mastodon.setInstance({ api: 'akkoma', maxCharacters: 5000 });
    const changed = await send('PATCH', `/api/v1/channels/${channelId}`, { config: { ...config, pollSeconds: 300 } });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await limit())?.max).toBe(500);
    await poll(76);
    expect((await limit())?.max).toBe(5000);
  });
});
