import { beforeAll, describe, expect, it } from 'vitest';
import { corpusFile } from '../../channels/testing/corpora.js';
import { newId } from '../../platform/db/ids.js';
import { buildWorkspace, json, testApp, type TestApp } from '../../platform/testing/test-app.js';
import { mastodonJsonl } from '../testing/mastodon-statuses.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

const ingest = (headers: Record<string, string>, payload: object, extra: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/v1/ingest/files', headers: { ...headers, ...extra }, payload });

describe('POST /api/v1/ingest/files', () => {
  it('ingests a recorded feed, reports it, and leaves a second ingest as duplicates', async () => {
    const ws = await buildWorkspace(t.db);
    const content = corpusFile('rss-atom', 'feedparser__wellformed__rss__item_content_encoded.xml').toString('utf8');
    const first = await ingest(ws.owner.headers, { format: 'rss', content });
    expect(first.statusCode, first.body).toBe(200);
    expect(json(first)).toEqual({ received: 1, ingested: 1, duplicates: 0, rejected: 0, conversationsCreated: 1, deleted: 0 });
    const again = await ingest(ws.owner.headers, { format: 'rss', content });
    expect(json(again)).toMatchObject({ ingested: 0, duplicates: 1 });
    const { rows } = await t.db.query<{ network: string; channel_id: string | null }>(
      'SELECT network, channel_id FROM messages WHERE workspace_id = $1',
      [ws.workspaceId],
    );
    expect(rows).toEqual([{ network: 'rss', channel_id: null }]);
  });

  it('answers a retried request with the same key with the first report', async () => {
    const ws = await buildWorkspace(t.db);
    const body = { format: 'mastodon', content: mastodonJsonl(3) };
    const key = { 'idempotency-key': 'ingest-1' };
    const first = await ingest(ws.owner.headers, body, key);
    const retry = await ingest(ws.owner.headers, body, key);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(json(retry)).toEqual(json(first));
    expect(json(retry)).toMatchObject({ ingested: 3 });
  });

  it('dead-letters what the parser refuses', async () => {
    const ws = await buildWorkspace(t.db);
    const response = await ingest(ws.owner.headers, { format: 'mastodon', content: `${mastodonJsonl(2)}{broken\n` });
    expect(json(response)).toMatchObject({ received: 3, ingested: 2, rejected: 1 });
  });

  it('files messages under a channel of the right kind, and refuses others', async () => {
    const ws = await buildWorkspace(t.db);
    const channelId = newId();
    await t.db.query(
      `INSERT INTO channels (workspace_id, id, kind, name, created_at, updated_at) VALUES ($1, $2, 'mastodon', 'Toots', now(), now())`,
      [ws.workspaceId, channelId],
    );
    const ok = await ingest(ws.owner.headers, { format: 'mastodon', content: mastodonJsonl(1), channelId });
    expect(ok.statusCode, ok.body).toBe(200);
    const wrongKind = await ingest(ws.owner.headers, { format: 'rss', content: '<rss/>', channelId });
    expect(wrongKind.statusCode).toBe(400);
    expect(json<{ errors: { field: string; reason: string }[] }>(wrongKind).errors[0]).toMatchObject({ field: 'channelId' });
    const foreign = await ingest(ws.owner.headers, { format: 'mastodon', content: mastodonJsonl(1), channelId: newId() });
    expect(foreign.statusCode).toBe(400);
  });

  it('takes a file as arrivals, or as resolved history when asked', async () => {
    const ws = await buildWorkspace(t.db);
    const statuses = async () =>
      (
        await t.db.query<{ status: string; resolved: boolean }>(
          `SELECT status, resolved_at IS NOT NULL AS resolved
             FROM conversations WHERE workspace_id = $1 ORDER BY created_at`,
          [ws.workspaceId],
        )
      ).rows;
    const arrivals = await ingest(ws.owner.headers, { format: 'mastodon', content: mastodonJsonl(1, 'new') });
    expect(json(arrivals)).toMatchObject({ ingested: 1, conversationsCreated: 1 });
    const history = await ingest(ws.owner.headers, { format: 'mastodon', content: mastodonJsonl(1, 'old'), as: 'history' });
    expect(json(history)).toMatchObject({ ingested: 1, conversationsCreated: 1 });
    expect(await statuses()).toEqual([
      { status: 'open', resolved: false },
      { status: 'resolved', resolved: true },
    ]);
    expect((await ingest(ws.owner.headers, { format: 'mastodon', content: mastodonJsonl(1, 'x'), as: 'past' })).statusCode).toBe(400);
  });

  it('is for admins, and validates the format', async () => {
    const ws = await buildWorkspace(t.db);
    const agent = await ws.member('agent');
    expect((await ingest(agent.headers, { format: 'rss', content: '<rss/>' })).statusCode).toBe(403);
    const admin = await ws.member('admin');
    expect((await ingest(admin.headers, { format: 'gopher', content: 'x' })).statusCode).toBe(400);
  });
});
