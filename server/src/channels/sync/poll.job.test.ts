import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Built } from '../../app.js';
import type { Db } from '../../platform/db/db.js';
import { buildWorkspace, json, type TestWorkspace } from '../../platform/testing/test-app.js';
import type { IngestBatch } from '../../ingest/index.js';
import { corpusFile } from '../testing/corpora.js';
import { forbidPrivateNetwork } from '../testing/private-network.js';
import { startTestHttpServer, type TestHttpServer } from '../testing/http-server.js';
import { startPollerApp, type PollerApp } from '../testing/poller-app.js';
import { pollDueChannels, type SyncDeps } from './poll.job.js';

let poller: PollerApp;
let db: Db;
let built: Built;
let feeds: TestHttpServer;
let ws: TestWorkspace;
const submitted: IngestBatch[] = [];
let deps: SyncDeps;

beforeAll(async () => {
  // The app's real pipeline, watched: what reaches it, and what it stores.
  poller = await startPollerApp((batch) => submitted.push(batch));
  ({ db, built, deps } = poller);
  feeds = await startTestHttpServer();
  ws = await buildWorkspace(db);
});

afterAll(async () => {
  await feeds.close();
  await poller.close();
});

interface ChannelBody {
  id: string;
  health: {
    state: string;
    itemsIn: number;
    errorCount: number;
    lastItemAt: string | null;
    lastSuccessAt: string | null;
    nextPollAt: string | null;
    recentErrors: { code: string; message: string }[];
  };
}

async function feedChannel(path: string, extra: object = {}): Promise<ChannelBody> {
  const response = await built.app.inject({
    method: 'POST',
    url: '/api/v1/channels',
    headers: ws.owner.headers,
    payload: { kind: 'rss', name: path, config: { feedUrl: `${feeds.url}${path}`, pollSeconds: 60, allowPrivateNetwork: true, ...extra } },
  });
  expect(response.statusCode, response.body).toBe(201);
  return json<ChannelBody>(response);
}

const channel = async (id: string) =>
  json<ChannelBody>(await built.app.inject({ method: 'GET', url: `/api/v1/channels/${id}`, headers: ws.owner.headers }));

async function messageCount(channelId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM messages WHERE workspace_id = $1 AND channel_id = $2`, [
    ws.workspaceId,
    channelId,
  ]);
  return rows[0]!.n;
}

const later = (seconds: number) => new Date(Date.now() + seconds * 1000);

describe('feed polling', () => {
  it('ingests a new feed, then asks conditionally and ingests nothing while it is unchanged', async () => {
    feeds.route('/atom', {
      contentType: 'application/atom+xml',
      body: corpusFile('rss-atom', 'node-feedparser__intertwingly.atom'),
      conditional: true,
    });
    const created = await feedChannel('/atom');
    submitted.length = 0;

    expect(await pollDueChannels(deps, new Date())).toBe(1);
    expect(submitted).toHaveLength(1);
    expect(submitted[0]!.source).toEqual({ workspaceId: ws.workspaceId, channelId: created.id, kind: 'poll', format: 'atom' });
    expect(submitted[0]!.messages.length).toBeGreaterThan(0);
    const first = await channel(created.id);
    expect(first.health).toMatchObject({ state: 'ok', itemsIn: submitted[0]!.messages.length, errorCount: 0 });
    expect(first.health.lastItemAt).not.toBeNull();

    // Not due again until the interval has passed.
    expect(await pollDueChannels(deps, new Date())).toBe(0);
    expect(await pollDueChannels(deps, later(61))).toBe(1);
    const conditional = feeds.requests.filter((r) => r.url === '/atom').at(-1)!;
    expect(conditional.headers['if-none-match']).toMatch(/^"/);
    expect(conditional.headers['if-modified-since']).toBe('Tue, 01 Dec 2026 10:00:00 GMT');
    expect(submitted).toHaveLength(1);
    expect((await channel(created.id)).health.itemsIn).toBe(first.health.itemsIn);

    const stored = await messageCount(created.id);
    expect(stored).toBe(first.health.itemsIn);

    // A server that ignores conditional requests sends the whole feed again: nothing is stored twice.
    feeds.route('/atom', { contentType: 'application/atom+xml', body: corpusFile('rss-atom', 'node-feedparser__intertwingly.atom') });
    expect(await pollDueChannels(deps, later(200))).toBe(1);
    expect(submitted).toHaveLength(2);
    expect(await messageCount(created.id)).toBe(stored);
    expect((await channel(created.id)).health.itemsIn).toBe(stored);
  });

  it('records a failure with its code and backs off, and recovers on the next success', async () => {
    const broken = await feedChannel('/broken');
    feeds.route('/broken', { status: 503, body: 'down for maintenance' });
    const now = new Date();
    await pollDueChannels(deps, now);
    const failed = await channel(broken.id);
    expect(failed.health).toMatchObject({ state: 'failing', errorCount: 1 });
    expect(failed.health.recentErrors[0]).toMatchObject({ code: 'http_status', message: 'The feed answered 503' });
    const firstDelay = new Date(failed.health.nextPollAt!).getTime() - now.getTime();
    expect(firstDelay).toBeGreaterThanOrEqual(108_000);

    await pollDueChannels(deps, new Date(now.getTime() + firstDelay + 1000));
    const twice = await channel(broken.id);
    expect(twice.health.errorCount).toBe(2);
    const secondDelay = new Date(twice.health.nextPollAt!).getTime() - (now.getTime() + firstDelay + 1000);
    expect(secondDelay).toBeGreaterThan(firstDelay);

    feeds.route('/broken', { contentType: 'application/rss+xml', body: '<rss version="2.0"><channel><title>t</title></channel></rss>' });
    await pollDueChannels(deps, new Date(now.getTime() + firstDelay + secondDelay + 2000));
    expect((await channel(broken.id)).health).toMatchObject({ state: 'ok', errorCount: 2 });
  });

  it('keeps the newest 20 errors and counts them all', async () => {
    feeds.route('/flaky', { status: 500, body: 'oops' });
    const flaky = await feedChannel('/flaky');
    const start = Date.now() + 1_000_000_000;
    // Each poll runs past the longest backoff (six hours), so every one is due.
    for (let i = 0; i < 22; i++) await pollDueChannels(deps, new Date(start + i * 7 * 3600_000));
    const { health } = await channel(flaky.id);
    expect(health.errorCount).toBe(22);
    expect(health.recentErrors).toHaveLength(20);
    expect(health.recentErrors[0]).toMatchObject({ at: new Date(start + 21 * 7 * 3600_000).toISOString(), code: 'http_status' });
  });

  it('records parse errors and refused addresses', async () => {
    feeds.route('/not-a-feed', { contentType: 'text/html', body: '<html><body>hello</body></html>' });
    const garbage = await feedChannel('/not-a-feed');
    feeds.route('/private', { contentType: 'application/rss+xml', body: corpusFile('rss-atom', 'node-feedparser__rss2sample.xml') });
    const strict = await feedChannel('/private');
    await forbidPrivateNetwork(db, ws.workspaceId, strict.id);
    submitted.length = 0;
    await pollDueChannels(deps, later(10_000));
    expect((await channel(garbage.id)).health.recentErrors[0]?.code).toBe('parse_error');
    expect((await channel(strict.id)).health.recentErrors[0]?.code).toBe('ssrf_refused');
    expect(submitted.filter((b) => b.source.channelId === garbage.id || b.source.channelId === strict.id)).toEqual([]);
  });

  it('never polls a paused channel', async () => {
    feeds.route('/paused', { contentType: 'application/rss+xml', body: corpusFile('rss-atom', 'node-feedparser__rss2sample.xml') });
    const paused = await feedChannel('/paused');
    await built.app.inject({ method: 'POST', url: `/api/v1/channels/${paused.id}/pause`, headers: ws.owner.headers });
    await pollDueChannels(deps, later(100_000));
    expect(feeds.requests.some((r) => r.url === '/paused')).toBe(false);
  });
});
