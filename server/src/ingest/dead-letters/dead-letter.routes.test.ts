import { createHmac } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../platform/db/ids.js';
import { buildWorkspace, json, testApp, type TestApp } from '../../platform/testing/test-app.js';
import { mastodonJsonl, mastodonStatus } from '../testing/mastodon-statuses.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

type Headers = Record<string, string>;
interface DeadLetterBody {
  id: string;
  channelId: string | null;
  source: string;
  format: string | null;
  code: string;
  reason: string;
  payload?: string;
  replayCount: number;
  replayedAt: string | null;
  resolved: boolean;
  occurredAt: string;
  lastSeenAt: string;
  occurrences: number;
}

const send = (headers: Headers, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
  t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

async function list(headers: Headers, query = ''): Promise<DeadLetterBody[]> {
  const all: DeadLetterBody[] = [];
  let cursor: string | null = null;
  do {
    const response = await send(headers, 'GET', `/api/v1/dead-letters?limit=1${query}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(response.statusCode, response.body).toBe(200);
    const page = json<{ data: DeadLetterBody[]; nextCursor: string | null }>(response);
    all.push(...page.data);
    cursor = page.nextCursor;
  } while (cursor);
  return all;
}

/** A dead letter as a parser that has since been fixed would have left it. */
async function storeDeadLetter(workspaceId: string, format: string | null, payload: string, channelId: string | null = null) {
  const id = newId();
  await t.db.query(
    `INSERT INTO dead_letters (workspace_id, id, channel_id, source, format, code, reason, payload, occurred_at, last_seen_at, fingerprint)
     VALUES ($1, $2, $3, 'poll', $4, 'invalid', 'was refused', $5, now(), now(), $6)`,
    [workspaceId, id, channelId, format, payload, `fixture ${id}`],
  );
  return id;
}

describe('dead letters API', () => {
  it('lists dead letters newest first with filters and cursors, and shows one with its payload', async () => {
    const ws = await buildWorkspace(t.db);
    const content = `${mastodonJsonl(1)}{broken\n[1,\n`;
    const report = await send(ws.owner.headers, 'POST', '/api/v1/ingest/files', { format: 'mastodon', content });
    expect(json(report)).toMatchObject({ ingested: 1, rejected: 2 });
    const channelId = newId();
    await t.db.query(
      `INSERT INTO channels (workspace_id, id, kind, name, created_at, updated_at) VALUES ($1, $2, 'mastodon', 'Toots', now(), now())`,
      [ws.workspaceId, channelId],
    );
    await storeDeadLetter(ws.workspaceId, 'mastodon', '{}', channelId);

    const all = await list(ws.owner.headers);
    expect(all).toHaveLength(3);
    expect(all[0]).toMatchObject({ channelId, code: 'invalid', source: 'poll' });
    expect(all[0]).not.toHaveProperty('payload');
    expect((await list(ws.owner.headers, '&code=malformed')).map((d) => d.source)).toEqual(['file', 'file']);
    expect(await list(ws.owner.headers, `&channelId=${channelId}`)).toHaveLength(1);

    const malformed = (await list(ws.owner.headers, '&code=malformed')).map((d) => d.id);
    const payloads = await Promise.all(
      malformed.map(async (id) => json<DeadLetterBody>(await send(ws.owner.headers, 'GET', `/api/v1/dead-letters/${id}`)).payload),
    );
    expect(payloads.sort()).toEqual(['[1,', '{broken']);

    const other = await buildWorkspace(t.db);
    expect(await list(other.owner.headers)).toEqual([]);
    expect((await send(other.owner.headers, 'GET', `/api/v1/dead-letters/${malformed[0]}`)).statusCode).toBe(404);
    const agent = await ws.member('agent');
    expect((await send(agent.headers, 'GET', '/api/v1/dead-letters')).statusCode).toBe(403);
    expect((await send(ws.owner.headers, 'GET', '/api/v1/dead-letters?cursor=nonsense')).statusCode).toBe(400);
  });

  it('replays a dead letter: resolved once it ingests, reported back while it still fails', async () => {
    const ws = await buildWorkspace(t.db);
    await send(ws.owner.headers, 'POST', '/api/v1/ingest/files', { format: 'mastodon', content: '{broken\n' });
    const [broken] = await list(ws.owner.headers);
    const failed = await send(ws.owner.headers, 'POST', `/api/v1/dead-letters/${broken!.id}/replay`);
    expect(failed.statusCode, failed.body).toBe(200);
    const outcome = json<{ deadLetter: DeadLetterBody; report: Record<string, number>; problems: { code: string }[] }>(failed);
    expect(outcome.problems.map((p) => p.code)).toEqual(['malformed']);
    expect(outcome.deadLetter).toMatchObject({ replayCount: 1, resolved: false });
    expect(outcome.deadLetter.replayedAt).not.toBeNull();
    expect(await list(ws.owner.headers)).toHaveLength(1);

    const fixed = await storeDeadLetter(ws.workspaceId, 'mastodon', JSON.stringify(mastodonStatus('late-1')));
    const replayed = json<{ deadLetter: DeadLetterBody; report: Record<string, number> }>(
      await send(ws.owner.headers, 'POST', `/api/v1/dead-letters/${fixed}/replay`),
    );
    expect(replayed.report).toMatchObject({ ingested: 1, rejected: 0 });
    expect(replayed.deadLetter).toMatchObject({ resolved: true, replayCount: 1 });
    const again = json<{ deadLetter: DeadLetterBody; report: Record<string, number> }>(
      await send(ws.owner.headers, 'POST', `/api/v1/dead-letters/${fixed}/replay`),
    );
    expect(again.report).toMatchObject({ ingested: 0, duplicates: 1 });
    expect(again.deadLetter).toMatchObject({ resolved: true, replayCount: 2 });
    const { rows } = await t.db.query<{ external_id: string }>('SELECT external_id FROM messages WHERE workspace_id = $1', [
      ws.workspaceId,
    ]);
    expect(rows).toEqual([{ external_id: 'late-1' }]);
  });

  it('replays a refused normalised message once it is valid', async () => {
    const ws = await buildWorkspace(t.db);
    const message = {
      channel: 'mastodon',
      externalId: 'n-1',
      author: { externalId: 'a', handle: 'a', displayName: 'A' },
      text: 'hello',
      sentAt: '2026-01-01T00:00:00.000Z',
      direction: 'in',
      isPrivate: false,
      attachments: [],
      raw: { format: 'mastodon', index: 0 },
    };
    const stillBad = await storeDeadLetter(ws.workspaceId, null, JSON.stringify({ ...message, direction: 'sideways' }));
    const bad = json<{ problems: { code: string; reason: string }[] }>(
      await send(ws.owner.headers, 'POST', `/api/v1/dead-letters/${stillBad}/replay`),
    );
    expect(bad.problems).toEqual([{ code: 'invalid', reason: expect.stringMatching(/^direction/) as string }]);
    const good = await storeDeadLetter(ws.workspaceId, null, JSON.stringify(message));
    const ok = json<{ report: Record<string, number>; deadLetter: DeadLetterBody }>(
      await send(ws.owner.headers, 'POST', `/api/v1/dead-letters/${good}/replay`),
    );
    expect(ok.report).toMatchObject({ ingested: 1 });
    expect(ok.deadLetter.resolved).toBe(true);
    expect(await list(ws.owner.headers)).toHaveLength(2);
  });

  it('replays a generic webhook delivery with the channel’s mapping as it is now', async () => {
    const ws = await buildWorkspace(t.db);
    const secret = 'generic-webhook-secret-789';
    const created = await send(ws.owner.headers, 'POST', '/api/v1/channels', {
      kind: 'webhook',
      name: 'Contact form',
      // The sender wraps its messages in "entries"; the channel is set up without saying so.
      config: { mapping: { externalId: '/id', text: '/body', authorId: '/from' } },
      credentials: { secret },
    });
    expect(created.statusCode, created.body).toBe(201);
    const channelId = json<{ id: string }>(created).id;
    const body = JSON.stringify({ entries: [{ id: 'form-1', body: 'Where is my order?', from: 'ada@example.com' }] });
    const delivered = await t.app.inject({
      method: 'POST',
      url: `/api/v1/webhooks/${channelId}`,
      headers: {
        'content-type': 'application/json',
        'x-rapport-signature': `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`,
      },
      payload: body,
    });
    expect(json(delivered)).toMatchObject({ ingested: 0, rejected: 1 });
    const [refused] = await list(ws.owner.headers);
    expect(refused).toMatchObject({ channelId, source: 'webhook', format: null });

    const fixedMapping = { mapping: { externalId: '/id', text: '/body', authorId: '/from' }, itemsPath: '/entries' };
    expect((await send(ws.owner.headers, 'PATCH', `/api/v1/channels/${channelId}`, { config: fixedMapping })).statusCode).toBe(200);
    const replayed = await send(ws.owner.headers, 'POST', `/api/v1/dead-letters/${refused!.id}/replay`);
    expect(replayed.statusCode, replayed.body).toBe(200);
    expect(json(replayed)).toMatchObject({ report: { ingested: 1, rejected: 0 }, problems: [], deadLetter: { resolved: true } });
    const { rows } = await t.db.query('SELECT external_id, text, channel_id FROM messages WHERE workspace_id = $1', [ws.workspaceId]);
    expect(rows).toEqual([{ external_id: 'form-1', text: 'Where is my order?', channel_id: channelId }]);
  });

  it('says why a payload that is JSON but no message cannot be replayed', async () => {
    const ws = await buildWorkspace(t.db);
    const id = await storeDeadLetter(ws.workspaceId, null, 'null');
    const outcome = json<{ problems: { code: string; reason: string }[] }>(
      await send(ws.owner.headers, 'POST', `/api/v1/dead-letters/${id}/replay`),
    );
    expect(outcome.problems).toEqual([{ code: 'malformed', reason: 'the payload is not a message' }]);
  });

  it('discards a dead letter', async () => {
    const ws = await buildWorkspace(t.db);
    const id = await storeDeadLetter(ws.workspaceId, 'mastodon', '{}');
    const other = await buildWorkspace(t.db);
    expect((await send(other.owner.headers, 'DELETE', `/api/v1/dead-letters/${id}`)).statusCode).toBe(404);
    expect((await send(ws.owner.headers, 'DELETE', `/api/v1/dead-letters/${id}`)).statusCode).toBe(204);
    expect((await send(ws.owner.headers, 'GET', `/api/v1/dead-letters/${id}`)).statusCode).toBe(404);
    expect((await send(ws.owner.headers, 'DELETE', `/api/v1/dead-letters/${id}`)).statusCode).toBe(404);
  });
});

/** The dead-letter events recorded for the workspace, oldest first. */
async function deadLetterEvents(workspaceId: string) {
  const { rows } = await t.db.query<{ type: string; subject_id: string; actor_id: string | null; data: Record<string, unknown> }>(
    `SELECT type, subject_id, actor_id, data FROM events WHERE workspace_id = $1 AND subject_type = 'dead_letter' ORDER BY id`,
    [workspaceId],
  );
  return rows;
}

describe('dead letters that come again', () => {
  const secret = 'generic-webhook-secret-789';
  const signed = (body: string) => ({
    'content-type': 'application/json',
    'x-rapport-signature': `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`,
  });

  async function webhookChannel(ws: { owner: { headers: Headers } }) {
    const created = await send(ws.owner.headers, 'POST', '/api/v1/channels', {
      kind: 'webhook',
      name: 'Contact form',
      config: { mapping: { externalId: '/id', text: '/body', authorId: '/from' }, itemsPath: '/entries' },
      credentials: { secret },
    });
    expect(created.statusCode, created.body).toBe(201);
    return json<{ id: string }>(created).id;
  }

  it('keeps one dead letter per bad item of a retried delivery, counting its arrivals, and records each as an event', async () => {
    const ws = await buildWorkspace(t.db);
    const channelId = await webhookChannel(ws);
    // Two items refused for the same reason, and a good one.
    const body = JSON.stringify({
      entries: [
        { id: 'form-1', from: 'ada@example.com' },
        { id: 'form-2', body: 'Where is my order?', from: 'ada@example.com' },
        { id: 'form-3', from: 'bob@example.com' },
      ],
    });
    const deliver = (payload: string) =>
      t.app.inject({ method: 'POST', url: `/api/v1/webhooks/${channelId}`, headers: signed(payload), payload });
    for (let attempt = 0; attempt < 3; attempt++) {
      expect(json(await deliver(body))).toMatchObject({ received: 3, rejected: 2 });
    }
    // An unreadable delivery, retried by the sender.
    for (let attempt = 0; attempt < 2; attempt++) expect((await deliver('{not json')).statusCode).toBe(200);

    const all = await list(ws.owner.headers);
    expect(all.map((d) => [d.code, d.occurrences])).toEqual([
      ['malformed', 2],
      ['invalid', 3],
      ['invalid', 3],
    ]);
    for (const d of all) expect(Date.parse(d.lastSeenAt)).toBeGreaterThan(Date.parse(d.occurredAt));

    const events = await deadLetterEvents(ws.workspaceId);
    expect(events.map((e) => e.type)).toEqual([
      'dead_letter.recorded',
      'dead_letter.recorded',
      'dead_letter.repeated',
      'dead_letter.repeated',
      'dead_letter.repeated',
      'dead_letter.repeated',
      'dead_letter.recorded',
      'dead_letter.repeated',
    ]);
    expect(events.at(-1)).toMatchObject({ subject_id: all[0]!.id, actor_id: null, data: { channelId, code: 'malformed', occurrences: 2 } });
  });

  it('lets a dead letter that came again wait again, and still replays and discards it', async () => {
    const ws = await buildWorkspace(t.db);
    const ingest = () => send(ws.owner.headers, 'POST', '/api/v1/ingest/files', { format: 'mastodon', content: '{broken\n' });
    await ingest();
    await ingest();
    const [broken] = await list(ws.owner.headers);
    expect(broken).toMatchObject({ occurrences: 2, resolved: false });

    const replayed = json<{ deadLetter: DeadLetterBody }>(
      await send(ws.owner.headers, 'POST', `/api/v1/dead-letters/${broken!.id}/replay`),
    );
    expect(replayed.deadLetter).toMatchObject({ occurrences: 2, replayCount: 1, resolved: false });
    // Resolved by hand here, as a fixed parser's replay would: the next arrival makes it wait again.
    await t.db.query('UPDATE dead_letters SET resolved = true WHERE workspace_id = $1 AND id = $2', [ws.workspaceId, broken!.id]);
    await ingest();
    expect(await list(ws.owner.headers, '&resolved=false')).toMatchObject([{ id: broken!.id, occurrences: 3 }]);

    expect((await send(ws.owner.headers, 'DELETE', `/api/v1/dead-letters/${broken!.id}`)).statusCode).toBe(204);
    await ingest();
    const [fresh] = await list(ws.owner.headers);
    expect(fresh).toMatchObject({ occurrences: 1 });
    expect(fresh!.id).not.toBe(broken!.id);

    expect((await deadLetterEvents(ws.workspaceId)).map((e) => [e.type, e.actor_id])).toEqual([
      ['dead_letter.recorded', null],
      ['dead_letter.repeated', null],
      ['dead_letter.replayed', ws.owner.userId],
      ['dead_letter.repeated', null],
      ['dead_letter.discarded', ws.owner.userId],
      ['dead_letter.recorded', null],
    ]);
  });

  it('keeps apart the same bad item from two channels', async () => {
    const ws = await buildWorkspace(t.db);
    const first = await webhookChannel(ws);
    const second = await webhookChannel(ws);
    for (const channelId of [first, second, first]) {
      await t.app.inject({ method: 'POST', url: `/api/v1/webhooks/${channelId}`, headers: signed('[1,'), payload: '[1,' });
    }
    expect((await list(ws.owner.headers)).map((d) => [d.channelId, d.occurrences]).sort()).toEqual(
      [
        [first, 2],
        [second, 1],
      ].sort(),
    );
  });
});
