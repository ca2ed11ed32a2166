/**
 * Intent corrections through the API and the pipeline: a corrected label is stored and becomes the
 * message's intent, and messages like it that arrive afterwards are classified the learned way —
 * in this workspace only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mastodonStatus } from '../../ingest/testing/mastodon-statuses.js';
import { dropQueuedDeliveries, insertConversation } from '../../inbox/testing/conversations.js';
import { buildWorkspace, json, testApp, type TestApp } from '../../platform/testing/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => {
  await dropQueuedDeliveries(t.db);
});

type Headers = Record<string, string>;
const send = (headers: Headers, method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

interface MentionBody {
  id: string;
  messageId: string;
  text: string;
  intent: string | null;
}

async function ingestAndList(headers: Headers, statuses: Record<string, unknown>[]): Promise<MentionBody[]> {
  const content = statuses.map((s) => JSON.stringify(s)).join('\n');
  expect((await send(headers, 'POST', '/api/v1/ingest/files', { format: 'mastodon', content })).statusCode).toBe(200);
  return json<{ data: MentionBody[] }>(await send(headers, 'GET', '/api/v1/listening/mentions?limit=100')).data;
}

// Product jargon the built-in model has never seen: in this workspace these are complaints.
const JARGON = [
  'acme frobnicator plinth shows code 7 on the mezzanine console',
  'acme frobnicator plinth code 7 again on the mezzanine console',
  'acme plinth code 7 on the frobnicator console since monday',
  'acme frobnicator plinth code 7 showing on the console',
];

describe('learning intent from corrections', () => {
  it('stores a correction, applies it, and classifies similar new messages the corrected way', async () => {
    const ws = await buildWorkspace(t.db);
    const other = await buildWorkspace(t.db);
    for (const w of [ws, other])
      await send(w.owner.headers, 'POST', '/api/v1/listening/queries', { name: 'Acme', query: 'acme', kind: 'brand' });

    const before = await ingestAndList(
      ws.owner.headers,
      JARGON.slice(0, 2).map((text, i) => mastodonStatus(`j${i}`, { text, createdAt: new Date(Date.now() - (10 - i) * 60_000) })),
    );
    expect(before.every((m) => m.intent !== 'complaint')).toBe(true);

    for (const mention of before) {
      const corrected = await send(ws.owner.headers, 'POST', '/api/v1/listening/intent-corrections', {
        messageId: mention.messageId,
        intent: 'complaint',
      });
      expect(corrected.statusCode, corrected.body).toBe(200);
      expect(json(corrected)).toMatchObject({ intent: 'complaint', previousIntent: mention.intent });
    }
    const relisted = json<{ data: MentionBody[] }>(await send(ws.owner.headers, 'GET', '/api/v1/listening/mentions')).data;
    expect(relisted.every((m) => m.intent === 'complaint')).toBe(true);
    const corrections = json<{ data: { messageId: string }[] }>(
      await send(ws.owner.headers, 'GET', '/api/v1/listening/intent-corrections'),
    ).data;
    expect(corrections).toHaveLength(2);

    const later = await ingestAndList(
      ws.owner.headers,
      JARGON.slice(2).map((text, i) => mastodonStatus(`k${i}`, { text, createdAt: new Date(Date.now() - (5 - i) * 60_000) })),
    );
    const fresh = later.filter((m) => JARGON.slice(2).includes(m.text));
    expect(fresh).toHaveLength(2);
    expect(fresh.map((m) => m.intent)).toEqual(['complaint', 'complaint']);

    // Another workspace's model learned nothing.
    const elsewhere = await ingestAndList(
      other.owner.headers,
      JARGON.slice(2).map((text, i) => mastodonStatus(`k${i}`, { text, createdAt: new Date(Date.now() - (5 - i) * 60_000) })),
    );
    expect(elsewhere.every((m) => m.intent !== 'complaint')).toBe(true);

    const analysed = json<{ intent: { label: string } }>(await send(ws.owner.headers, 'POST', '/api/v1/nlp/analyze', { text: JARGON[3] }));
    expect(analysed.intent.label).toBe('complaint');
  });

  it('corrects a mention read about its own subject alone, and the message’s own reading everywhere it is carried', async () => {
    const ws = await buildWorkspace(t.db);
    const other = await buildWorkspace(t.db);
    for (const [name, query] of [
      ['Acme', 'acme'],
      ['Globex', 'globex'],
      ['Fediverse', 'channel:mastodon'],
    ])
      await send(ws.owner.headers, 'POST', '/api/v1/listening/queries', { name, query, kind: 'brand' });
    await ingestAndList(ws.owner.headers, [
      mastodonStatus('m1', { text: 'Acme outage again?? Second time this week. Considering switching to Globex.' }),
    ]);
    const byQuery = async () =>
      new Map(
        json<{ data: (MentionBody & { queryName: string })[] }>(await send(ws.owner.headers, 'GET', '/api/v1/listening/mentions')).data.map(
          (m) => [m.queryName, m],
        ),
      );
    const before = await byQuery();
    const [acme, globex, fediverse] = ['Acme', 'Globex', 'Fediverse'].map((name) => before.get(name)!);
    // Each brand read from its own sentences; the query without a subject takes the whole message's reading.
    expect([acme!.intent, globex!.intent, fediverse!.intent]).toEqual(['complaint', 'purchase', 'purchase']);
    const correct = (body: object, headers = ws.owner.headers) => send(headers, 'POST', '/api/v1/listening/intent-corrections', body);

    const alone = await correct({ messageId: globex!.messageId, mentionId: globex!.id, intent: 'other' });
    expect(alone.statusCode, alone.body).toBe(200);
    expect(json(alone)).toMatchObject({ previousIntent: 'purchase', mentionIds: [globex!.id], learned: false });
    expect([...(await byQuery())].map(([name, m]) => [name, m.intent]).sort()).toEqual([
      ['Acme', 'complaint'],
      ['Fediverse', 'purchase'],
      ['Globex', 'other'],
    ]);

    const whole = await correct({ messageId: fediverse!.messageId, mentionId: fediverse!.id, intent: 'complaint' });
    expect(json(whole)).toMatchObject({ previousIntent: 'purchase', mentionIds: [fediverse!.id], learned: true });
    expect([...(await byQuery())].map(([name, m]) => [name, m.intent]).sort()).toEqual([
      ['Acme', 'complaint'],
      ['Fediverse', 'complaint'],
      ['Globex', 'other'],
    ]);
    const corrections = json<{ data: { messageId: string; intent: string }[] }>(
      await send(ws.owner.headers, 'GET', '/api/v1/listening/intent-corrections'),
    ).data;
    expect(corrections.map((c) => c.intent)).toEqual(['complaint']);

    // A mention of another message, or of another workspace, is not found.
    const unknown = '00000000-0000-7000-8000-000000000000';
    expect((await correct({ messageId: acme!.messageId, mentionId: unknown, intent: 'idea' })).statusCode).toBe(404);
    expect((await correct({ messageId: acme!.messageId, mentionId: acme!.id, intent: 'idea' }, other.owner.headers)).statusCode).toBe(404);
    expect((await correct({ messageId: acme!.messageId, mentionId: 'nope', intent: 'idea' })).statusCode).toBe(400);
  });

  it('lets a member limited to their own records correct only messages they may see, and list only those corrections', async () => {
    const ws = await buildWorkspace(t.db);
    const agent = await ws.member('agent', { recordScope: 'own' });
    await send(ws.owner.headers, 'POST', '/api/v1/listening/queries', { name: 'Acme', query: 'acme', kind: 'brand' });
    const [mention] = await ingestAndList(ws.owner.headers, [mastodonStatus('pub1', { text: 'acme rockets are loud' })]);
    const hidden = await insertConversation(t.db, ws.workspaceId, {
      messages: [{ text: 'Private: my account number is 1234, please help' }],
    });
    const theirs = await insertConversation(t.db, ws.workspaceId, {
      assigneeId: agent.userId,
      messages: [{ text: 'Where is my parcel?' }],
    });
    const correct = (headers: Headers, messageId: string) =>
      send(headers, 'POST', '/api/v1/listening/intent-corrections', { messageId, intent: 'spam' });
    const listed = async (headers: Headers) =>
      json<{ data: { messageId: string }[] }>(await send(headers, 'GET', '/api/v1/listening/intent-corrections')).data.map(
        (c) => c.messageId,
      );

    const refused = await correct(agent.headers, hidden.messageIds[0]!);
    expect(refused.statusCode, refused.body).toBe(404);
    const stored = await t.db.query('SELECT 1 FROM intent_corrections WHERE workspace_id = $1', [ws.workspaceId]);
    expect(stored.rows).toEqual([]);

    expect((await correct(ws.owner.headers, hidden.messageIds[0]!)).statusCode).toBe(200);
    expect((await correct(agent.headers, theirs.messageIds[0]!)).statusCode).toBe(200);
    expect((await correct(agent.headers, mention!.messageId)).statusCode).toBe(200);
    expect((await listed(agent.headers)).sort()).toEqual([theirs.messageIds[0]!, mention!.messageId].sort());
    expect(await listed(ws.owner.headers)).toHaveLength(3);
  });

  it('refuses unknown intents and other workspaces’ messages', async () => {
    const ws = await buildWorkspace(t.db);
    const other = await buildWorkspace(t.db);
    await send(other.owner.headers, 'POST', '/api/v1/listening/queries', { name: 'Acme', query: 'acme', kind: 'brand' });
    const [theirs] = await ingestAndList(other.owner.headers, [mastodonStatus('x1', { text: 'acme is fine' })]);
    expect(
      (await send(ws.owner.headers, 'POST', '/api/v1/listening/intent-corrections', { messageId: theirs!.messageId, intent: 'praise' }))
        .statusCode,
    ).toBe(404);
    expect(
      (await send(other.owner.headers, 'POST', '/api/v1/listening/intent-corrections', { messageId: theirs!.messageId, intent: 'gossip' }))
        .statusCode,
    ).toBe(400);
  });
});
