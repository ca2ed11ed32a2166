import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorkspace, json, testApp, testConfig, type TestApp } from '../platform/testing/test-app.js';
import { openCredentials, sealCredentials } from './channel.credentials.js';
import { corpusFile } from './testing/corpora.js';
import { forbidPrivateNetwork } from './testing/private-network.js';
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

const mailConfig = (imapHost: string) => ({
  address: 'support@example.org',
  imap: { host: imapHost, port: 993, security: 'tls' },
  smtp: { host: 'smtp.example.org', port: 465, security: 'tls' },
});

/** An e-mail channel holding `credentials`; returns its id. */
async function createMailbox(headers: Headers, credentials: Record<string, string>): Promise<string> {
  const response = await send(headers, 'POST', '/api/v1/channels', {
    kind: 'email',
    name: 'Support',
    config: mailConfig('imap.example.org'),
    credentials,
  });
  expect(response.statusCode, response.body).toBe(201);
  return json<ChannelBody>(response).id;
}

/** Replaces a channel's secrets with ones sealed under another server secret, as after it changed: they no longer open. */
async function sealUnderAnEarlierSecret(workspaceId: string, id: string) {
  await t.db.query(`UPDATE channels SET credentials = $3 WHERE workspace_id = $1 AND id = $2`, [
    workspaceId,
    id,
    sealCredentials('an-earlier-server-secret-0123456789', id, { imapPassword: 'lost' }),
  ]);
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
      // Settings are shown and audited: a password in a URL would be too.
      [{ kind: 'rss', name: 'x', config: { feedUrl: 'https://reader:s3cret@example.org/feed' } }, 'config.feedUrl'],
      [
        {
          kind: 'mastodon',
          name: 'x',
          config: { instanceUrl: 'https://me:pw@mastodon.example', sources: ['home'] },
          credentials: { accessToken: 't' },
        },
        'config.instanceUrl',
      ],
      [{ kind: 'rss', name: 'x', config: { feedUrl: 'https://example.org/feed', pollSeconds: 5 } }, 'config.pollSeconds'],
      [
        {
          kind: 'mastodon',
          name: 'x',
          config: { instanceUrl: 'https://mastodon.example', sources: [] },
          credentials: { accessToken: 't' },
        },
        'config.sources',
      ],
      [{ kind: 'rss', name: 'x', config: { feedUrl: 'https://example.org/feed', colour: 'red' } }, 'config.colour'],
      [{ kind: 'rss', name: '   ', config: { feedUrl: 'https://example.org/feed' } }, 'name'],
      [
        { kind: 'rss', name: 'x', config: { feedUrl: 'https://example.org/feed' }, teamId: '00000000-0000-4000-8000-000000000000' },
        'teamId',
      ],
    ];
    for (const [payload, field] of cases) {
      const response = await send(ws.owner.headers, 'POST', '/api/v1/channels', payload);
      expect(response.statusCode, response.body).toBe(400);
      expect(json<ProblemBody>(response).errors?.map((e) => e.field)).toContain(field);
    }
    expect(json<{ data: unknown[] }>(await send(ws.owner.headers, 'GET', '/api/v1/channels')).data).toEqual([]);

    const feed = await createFeed(ws.owner.headers);
    const withPassword = await send(ws.owner.headers, 'PATCH', `/api/v1/channels/${feed.id}`, {
      config: { feedUrl: 'https://reader:s3cret@example.org/feed' },
    });
    expect(json<ProblemBody>(withPassword).errors).toEqual([
      { field: 'config.feedUrl', reason: 'must not contain a user name or password' },
    ]);
    const renamed = await send(ws.owner.headers, 'PATCH', `/api/v1/channels/${feed.id}`, { name: ' \t ' });
    expect(renamed.statusCode, renamed.body).toBe(400);
    expect(json<ProblemBody>(renamed).errors).toEqual([{ field: 'name', reason: 'must not be blank' }]);
    expect(json<ChannelBody>(await send(ws.owner.headers, 'GET', `/api/v1/channels/${feed.id}`)).name).toBe('Company blog');
  });

  it('refuses private and loopback addresses at save unless the channel allows the private network', async () => {
    const ws = await buildWorkspace(t.db);
    const cases: [object, string, RegExp][] = [
      [{ kind: 'rss', config: { feedUrl: 'http://127.0.0.1:8080/feed.xml' } }, 'config.feedUrl', /127\.0\.0\.1 is a loopback address/],
      [{ kind: 'rss', config: { feedUrl: 'http://localhost/feed.xml' } }, 'config.feedUrl', /localhost is this server/],
      [{ kind: 'rss', config: { feedUrl: 'http://[::1]/feed.xml' } }, 'config.feedUrl', /loopback/],
      // The URL parser reads 0x7f.1 as 127.0.0.1, as every HTTP client would.
      [{ kind: 'rss', config: { feedUrl: 'http://0x7f.1/feed.xml' } }, 'config.feedUrl', /loopback/],
      [
        {
          kind: 'webhook',
          config: { mapping: { externalId: '/id', text: '/text', authorId: '/from' }, outboundUrl: 'https://10.0.0.5/replies' },
          credentials: { secret: 'a-long-enough-secret' },
        },
        'config.outboundUrl',
        /10\.0\.0\.5 is a private address/,
      ],
      [{ kind: 'email', config: mailConfig('192.168.1.10') }, 'config.imap.host', /private address/],
    ];
    for (const [payload, field, reason] of cases) {
      const refused = await send(ws.owner.headers, 'POST', '/api/v1/channels', { name: 'Intranet', ...payload });
      expect(refused.statusCode, refused.body).toBe(400);
      expect(json<ProblemBody>(refused).errors).toEqual([{ field, reason: expect.stringMatching(reason) as string }]);
      expect(json<ProblemBody>(refused).errors?.[0]?.reason).toMatch(
        /turn on “Allow addresses on the private network” \(allowPrivateNetwork\)/,
      );
      const { config } = payload as { config: object };
      const allowed = await send(ws.owner.headers, 'POST', '/api/v1/channels', {
        name: 'Intranet',
        ...payload,
        config: { ...config, allowPrivateNetwork: true },
      });
      expect(allowed.statusCode, allowed.body).toBe(201);
    }
    // A name is judged by the addresses it resolves to, when the channel connects.
    const named = await send(ws.owner.headers, 'POST', '/api/v1/channels', {
      name: 'Blog',
      kind: 'rss',
      config: { feedUrl: 'https://intranet.example.org/feed.xml' },
    });
    expect(named.statusCode, named.body).toBe(201);
    const turnedOff = await send(ws.owner.headers, 'PATCH', `/api/v1/channels/${(await createFeed(ws.owner.headers)).id}`, {
      config: { feedUrl: `${feeds.url}/feed.xml` },
    });
    expect(json<ProblemBody>(turnedOff).errors?.map((e) => e.field)).toEqual(['config.feedUrl']);
  });

  it('says in words what a mistyped setting should look like, not the pattern it failed', async () => {
    const ws = await buildWorkspace(t.db);
    const hook = await send(ws.owner.headers, 'POST', '/api/v1/channels', {
      kind: 'webhook',
      name: 'Form',
      config: { mapping: { externalId: 'id', text: '/text', authorId: '/from' } },
      credentials: { secret: 'a-long-enough-secret' },
    });
    expect(json<ProblemBody>(hook).errors).toEqual([
      { field: 'config.mapping.externalId', reason: 'must be a JSON Pointer: empty, or starting with / (e.g. /message/text)' },
    ]);
    const tags = await send(ws.owner.headers, 'POST', '/api/v1/channels', {
      kind: 'mastodon',
      name: 'Tags',
      config: { instanceUrl: 'https://mastodon.example', sources: ['home'], hashtags: ['#support'] },
      credentials: { accessToken: 'token' },
    });
    expect(json<ProblemBody>(tags).errors).toEqual([
      { field: 'config.hashtags.0', reason: 'must be a hashtag of letters, digits and _, without the #' },
    ]);
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

  it('keeps the stored secrets an edit does not name, and removes one set to null', async () => {
    const ws = await buildWorkspace(t.db);
    const secrets = { imapUser: 'support', imapPassword: 'imap-pass', smtpUser: 'relay', smtpPassword: 'old-smtp-pass' };
    const id = await createMailbox(ws.owner.headers, secrets);
    const stored = async () => {
      const { rows } = await t.db.query<{ credentials: string | null }>(
        `SELECT credentials FROM channels WHERE workspace_id = $1 AND id = $2`,
        [ws.workspaceId, id],
      );
      return openCredentials(testConfig().secret, id, rows[0]!.credentials);
    };
    const changed = await send(ws.owner.headers, 'PATCH', `/api/v1/channels/${id}`, { credentials: { smtpPassword: 'new-smtp-pass' } });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(await stored()).toEqual({ imapUser: 'support', imapPassword: 'imap-pass', smtpUser: 'relay', smtpPassword: 'new-smtp-pass' });
    await send(ws.owner.headers, 'PATCH', `/api/v1/channels/${id}`, { credentials: { smtpUser: null, smtpPassword: null } });
    expect(await stored()).toEqual({ imapUser: 'support', imapPassword: 'imap-pass' });
    await send(ws.owner.headers, 'PATCH', `/api/v1/channels/${id}`, { credentials: null });
    expect(await stored()).toBeNull();

    // Secrets sealed under another server secret no longer open: typing new ones repairs the channel.
    await sealUnderAnEarlierSecret(ws.workspaceId, id);
    const repaired = await send(ws.owner.headers, 'PATCH', `/api/v1/channels/${id}`, { credentials: { imapPassword: 'imap-pass' } });
    expect(repaired.statusCode, repaired.body).toBe(200);
    expect(await stored()).toEqual({ imapPassword: 'imap-pass' });
  });

  it('shows admins which secrets are stored and the user names, never a password, and whether they still open', async () => {
    const ws = await buildWorkspace(t.db);
    const secrets = { imapUser: 'support-login', imapPassword: 'imap-pass', smtpUser: 'relay-login', smtpPassword: 'smtp-pass' };
    const id = await createMailbox(ws.owner.headers, secrets);
    const read = async (headers: Headers) => (await send(headers, 'GET', `/api/v1/channels/${id}`)).body;
    const asOwner = await read(ws.owner.headers);
    expect(JSON.parse(asOwner)).toMatchObject({
      storedCredentials: {
        readable: true,
        names: ['imapPassword', 'imapUser', 'smtpPassword', 'smtpUser'],
        shown: { imapUser: 'support-login', smtpUser: 'relay-login' },
      },
    });
    const viewer = await ws.member('viewer');
    const asViewer = await read(viewer.headers);
    expect(JSON.parse(asViewer)).toMatchObject({ storedCredentials: { readable: true, shown: {} } });
    for (const body of [asOwner, asViewer]) for (const secret of ['imap-pass', 'smtp-pass']) expect(body).not.toContain(secret);
    expect(asViewer).not.toContain('support-login');

    await sealUnderAnEarlierSecret(ws.workspaceId, id);
    expect(JSON.parse(await read(ws.owner.headers))).toMatchObject({
      hasCredentials: true,
      storedCredentials: { readable: false, names: [], shown: {} },
    });
  });

  it('polls at once after new secrets, rather than after the backoff the old ones earned', async () => {
    const ws = await buildWorkspace(t.db);
    const created = await send(ws.owner.headers, 'POST', '/api/v1/channels', {
      kind: 'mastodon',
      name: 'Brand',
      config: { instanceUrl: 'https://mastodon.example', sources: ['notifications'] },
      credentials: { accessToken: 'old-token' },
    });
    const { id } = json<ChannelBody>(created);
    const later = new Date(Date.now() + 6 * 3600_000);
    await t.db.query(`UPDATE channels SET next_poll_at = $3, cursor = '{"notifications": "9"}' WHERE workspace_id = $1 AND id = $2`, [
      ws.workspaceId,
      id,
      later,
    ]);
    const before = Date.now();
    const changed = await send(ws.owner.headers, 'PATCH', `/api/v1/channels/${id}`, { credentials: { accessToken: 'new-token' } });
    expect(changed.statusCode, changed.body).toBe(200);
    const { rows } = await t.db.query<{ next_poll_at: Date; cursor: unknown }>(
      `SELECT next_poll_at, cursor FROM channels WHERE workspace_id = $1 AND id = $2`,
      [ws.workspaceId, id],
    );
    expect(new Date(rows[0]!.next_poll_at).getTime()).toBeLessThan(before + 5_000);
    expect(rows[0]!.cursor).toEqual({ notifications: '9' });
  });

  it('keeps the resume point when an edit sends the same settings back in another order', async () => {
    const ws = await buildWorkspace(t.db);
    const config = { instanceUrl: 'https://mastodon.example', sources: ['notifications'], hashtags: ['support'], pollSeconds: 60 };
    const created = await send(ws.owner.headers, 'POST', '/api/v1/channels', {
      kind: 'mastodon',
      name: 'Mastodon',
      config,
      credentials: { accessToken: 'token' },
    });
    const { id } = json<ChannelBody>(created);
    await t.db.query(`UPDATE channels SET cursor = '{"notifications": "1234"}' WHERE workspace_id = $1 AND id = $2`, [ws.workspaceId, id]);
    const cursor = async () =>
      (await t.db.query<{ cursor: unknown }>(`SELECT cursor FROM channels WHERE workspace_id = $1 AND id = $2`, [ws.workspaceId, id]))
        .rows[0]!.cursor;
    const reordered = { pollSeconds: 60, hashtags: ['support'], sources: ['notifications'], instanceUrl: 'https://mastodon.example' };
    const renamed = await send(ws.owner.headers, 'PATCH', `/api/v1/channels/${id}`, { name: 'Brand account', config: reordered });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(await cursor()).toEqual({ notifications: '1234' });
    await send(ws.owner.headers, 'PATCH', `/api/v1/channels/${id}`, { config: { ...reordered, hashtags: ['help'] } });
    expect(await cursor()).toEqual({});
  });

  it('tests the connection, refusing private addresses unless the channel allows them', async () => {
    const ws = await buildWorkspace(t.db);
    const allowed = await createFeed(ws.owner.headers);
    const ok = json<{ ok: boolean; message: string; code: string | null }>(
      await send(ws.owner.headers, 'POST', `/api/v1/channels/${allowed.id}/test`),
    );
    expect(ok).toEqual({ ok: true, message: 'Found 4 entries in this rss feed.', code: null });

    const strict = await createFeed(ws.owner.headers);
    await forbidPrivateNetwork(t.db, ws.workspaceId, strict.id);
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
