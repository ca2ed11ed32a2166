import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorkspace, json, testApp, type TestApp } from '../platform/testing/test-app.js';
import { corpusFile } from './testing/corpora.js';
import { startTestHttpServer, type TestHttpServer } from './testing/http-server.js';

let t: TestApp;
let feeds: TestHttpServer;
beforeAll(async () => {
  t = await testApp();
  feeds = await startTestHttpServer();
  feeds.route('/feed.xml', { contentType: 'application/rss+xml', body: corpusFile('rss-atom', 'node-feedparser__rss2sample.xml') });
});
afterAll(() => feeds.close());

type Headers = Record<string, string>;
interface ChannelBody {
  id: string;
  kind: string;
  name: string;
  config: Record<string, unknown>;
  hasCredentials: boolean;
  status: string;
  teamId: string | null;
  health: {
    state: string;
    errorCount: number;
    recentErrors: unknown[];
    itemsIn: number;
    itemsOut: number;
    nextPollAt: string | null;
    lagSeconds: number | null;
  };
}
interface ProblemBody {
  status: number;
  errors?: { field: string; reason: string }[];
}

const send = (headers: Headers, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
  t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

async function createFeed(headers: Headers, config: object = { feedUrl: `${feeds.url}/feed.xml`, allowPrivateNetwork: true }) {
  const response = await send(headers, 'POST', '/api/v1/channels', { kind: 'rss', name: 'Company blog', config });
  expect(response.statusCode, response.body).toBe(201);
  return json<ChannelBody>(response);
}

describe('channels API', () => {
  it('creates a feed channel that is new and due, lists it, and lets every member read it', async () => {
    const ws = await buildWorkspace(t.db);
    const created = await createFeed(ws.owner.headers);
    expect(created).toMatchObject({ kind: 'rss', name: 'Company blog', hasCredentials: false, status: 'active', teamId: null });
    expect(created.health).toMatchObject({ state: 'new', errorCount: 0, recentErrors: [], itemsIn: 0, itemsOut: 0, lagSeconds: null });
    expect(created.health.nextPollAt).not.toBeNull();

    const viewer = await ws.member('viewer');
    const list = json<{ data: ChannelBody[] }>(await send(viewer.headers, 'GET', '/api/v1/channels?kind=rss'));
    expect(list.data.map((c) => c.id)).toEqual([created.id]);
    expect((await send(viewer.headers, 'GET', `/api/v1/channels/${created.id}`)).statusCode).toBe(200);
    const agent = await ws.member('agent');
    expect(
      (await send(agent.headers, 'POST', '/api/v1/channels', { kind: 'rss', name: 'x', config: { feedUrl: 'https://example.org/feed' } }))
        .statusCode,
    ).toBe(403);
    expect((await send(agent.headers, 'POST', `/api/v1/channels/${created.id}/pause`)).statusCode).toBe(403);
  });

  it('checks settings against the connector and names the field at fault', async () => {
    const ws = await buildWorkspace(t.db);
    const cases: [object, string][] = [
      [{ kind: 'rss', name: 'x', config: {} }, 'config.feedUrl'],
      [{ kind: 'rss', name: 'x', config: { feedUrl: 'ftp://example.org/feed' } }, 'config.feedUrl'],
      [{ kind: 'rss', name: 'x', config: { feedUrl: 'https://example.org/feed', pollSeconds: 5 } }, 'config.pollSeconds'],
      [{ kind: 'rss', name: 'x', config: { feedUrl: 'https://example.org/feed', colour: 'red' } }, 'config.colour'],
      [{ kind: 'rss', name: '   ', config: { feedUrl: 'https://example.org/feed' } }, 'name'],
      [
        { kind: 'rss', name: 'x', config: { feedUrl: 'https://example.org/feed' }, teamId: '00000000-0000-4000-8000-000000000000' },
        'teamId',
      ],
    ];
    for (const [payload, field] of cases) {
      const response = await send(ws.owner.headers, 'POST', '/api/v1/channels', payload);
      expect(response.statusCode, response.body).toBe(422);
      expect(json<ProblemBody>(response).errors?.map((e) => e.field)).toContain(field);
    }
    expect(json<{ data: unknown[] }>(await send(ws.owner.headers, 'GET', '/api/v1/channels')).data).toEqual([]);

    const feed = await createFeed(ws.owner.headers);
    const renamed = await send(ws.owner.headers, 'PATCH', `/api/v1/channels/${feed.id}`, { name: ' \t ' });
    expect(renamed.statusCode, renamed.body).toBe(422);
    expect(json<ProblemBody>(renamed).errors).toEqual([{ field: 'name', reason: 'must not be blank' }]);
    expect(json<ChannelBody>(await send(ws.owner.headers, 'GET', `/api/v1/channels/${feed.id}`)).name).toBe('Company blog');
  });

  it('creates once per Idempotency-Key', async () => {
    const ws = await buildWorkspace(t.db);
    const headers = { ...ws.owner.headers, 'idempotency-key': 'create-feed-1' };
    const payload = { kind: 'rss', name: 'Blog', config: { feedUrl: 'https://example.org/feed' } };
    const first = json<ChannelBody>(await send(headers, 'POST', '/api/v1/channels', payload));
    const again = await send(headers, 'POST', '/api/v1/channels', payload);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(json<ChannelBody>(again).id).toBe(first.id);
    expect(json<{ data: unknown[] }>(await send(ws.owner.headers, 'GET', '/api/v1/channels')).data).toHaveLength(1);
  });

  it('changes, pauses, resumes and deletes a channel, auditing each change', async () => {
    const ws = await buildWorkspace(t.db);
    const created = await createFeed(ws.owner.headers);
    const patched = await send(ws.owner.headers, 'PATCH', `/api/v1/channels/${created.id}`, {
      name: 'Engineering blog',
      config: { feedUrl: 'https://example.org/engineering.xml', pollSeconds: 300 },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(json<ChannelBody>(patched)).toMatchObject({
      name: 'Engineering blog',
      config: { feedUrl: 'https://example.org/engineering.xml', pollSeconds: 300 },
    });

    const paused = json<ChannelBody>(await send(ws.owner.headers, 'POST', `/api/v1/channels/${created.id}/pause`));
    expect(paused.status).toBe('paused');
    expect(paused.health).toMatchObject({ state: 'paused', nextPollAt: null });
    const resumed = json<ChannelBody>(await send(ws.owner.headers, 'POST', `/api/v1/channels/${created.id}/resume`));
    expect(resumed.status).toBe('active');
    expect(resumed.health.state).toBe('new');

    expect((await send(ws.owner.headers, 'DELETE', `/api/v1/channels/${created.id}`)).statusCode).toBe(204);
    expect((await send(ws.owner.headers, 'GET', `/api/v1/channels/${created.id}`)).statusCode).toBe(404);

    const audit = json<{ data: { type: string; data: Record<string, unknown> }[] }>(
      await send(ws.owner.headers, 'GET', `/api/v1/audit-log?subjectId=${created.id}`),
    );
    expect(audit.data.map((e) => e.type)).toEqual([
      'channel.deleted',
      'channel.updated',
      'channel.updated',
      'channel.updated',
      'channel.created',
    ]);
    expect(audit.data[3]!.data).toMatchObject({ before: { name: 'Company blog' }, after: { name: 'Engineering blog' } });
  });

  it('tests the connection, refusing private addresses unless the channel allows them', async () => {
    const ws = await buildWorkspace(t.db);
    const allowed = await createFeed(ws.owner.headers);
    const ok = json<{ ok: boolean; message: string; code: string | null }>(
      await send(ws.owner.headers, 'POST', `/api/v1/channels/${allowed.id}/test`),
    );
    expect(ok).toEqual({ ok: true, message: 'Found 4 entries in this rss feed.', code: null });

    const strict = await createFeed(ws.owner.headers, { feedUrl: `${feeds.url}/feed.xml` });
    const refused = json<{ ok: boolean; code: string }>(await send(ws.owner.headers, 'POST', `/api/v1/channels/${strict.id}/test`));
    expect(refused).toMatchObject({ ok: false, code: 'ssrf_refused' });

    const missing = await createFeed(ws.owner.headers, { feedUrl: `${feeds.url}/gone.xml`, allowPrivateNetwork: true });
    expect(json(await send(ws.owner.headers, 'POST', `/api/v1/channels/${missing.id}/test`))).toMatchObject({
      ok: false,
      code: 'http_status',
    });
    // A test changes nothing, not even the health.
    expect(json<ChannelBody>(await send(ws.owner.headers, 'GET', `/api/v1/channels/${missing.id}`)).health.errorCount).toBe(0);
  });
});
