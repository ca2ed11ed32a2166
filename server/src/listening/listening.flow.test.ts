/**
 * Listening end to end through the API and the real pipeline: queries saved and checked, messages
 * matched live and retroactively into mentions with their understanding, the stream's filters,
 * relevance marks that move the dashboards' counts, and the CSV of a chart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mastodonStatus } from '../ingest/testing/mastodon-statuses.js';
import { dropQueuedDeliveries } from '../inbox/testing/conversations.js';
import { buildWorkspace, json, testApp, type TestApp } from '../platform/testing/test-app.js';
import type { VolumeChart } from './analytics/analytics.schema.js';

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => {
  await dropQueuedDeliveries(t.db);
});

type Headers = Record<string, string>;
const send = (headers: Headers, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
  t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

async function ingest(headers: Headers, statuses: Record<string, unknown>[]) {
  const content = statuses.map((s) => JSON.stringify(s)).join('\n') + '\n';
  const response = await send(headers, 'POST', '/api/v1/ingest/files', { format: 'mastodon', content });
  expect(response.statusCode, response.body).toBe(200);
}

interface MentionBody {
  id: string;
  queryId: string;
  queryName: string;
  messageId: string;
  conversationId: string;
  sentiment: string | null;
  intent: string | null;
  language: string | null;
  relevance: string;
  influence: number;
  text: string;
  author: { identityId: string | null; displayName: string | null; contactId: string | null };
}

const mentions = async (headers: Headers, query = '') =>
  json<{ data: MentionBody[] }>(await send(headers, 'GET', `/api/v1/listening/mentions${query}`)).data;

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);

describe('listening queries', () => {
  it('refuses a broken query with the position and the reason, and checks one for the builder', async () => {
    const ws = await buildWorkspace(t.db);
    const broken = await send(ws.owner.headers, 'POST', '/api/v1/listening/queries', {
      name: 'Broken',
      query: 'acme AND (rocket',
      kind: 'brand',
    });
    expect(broken.statusCode).toBe(422);
    expect(json(broken)).toMatchObject({ code: 'invalid_query' });
    expect(json<{ errors: { reason: string }[] }>(broken).errors[0]!.reason).toMatch(/position \d+/);

    const check = json<{ ok: boolean; error?: { position: number }; tokens: { kind: string }[] }>(
      await send(ws.owner.headers, 'POST', '/api/v1/listening/queries/check', { query: '"acme rocket" OR (acme NEAR/3 launch' }),
    );
    expect(check.ok).toBe(false);
    expect(check.error!.position).toBeGreaterThan(0);
    expect(check.tokens.length).toBeGreaterThan(3);

    const good = await send(ws.owner.headers, 'POST', '/api/v1/listening/queries', { name: 'Acme', query: 'acme OR #acme', kind: 'brand' });
    expect(good.statusCode, good.body).toBe(201);
    const dup = await send(ws.owner.headers, 'POST', '/api/v1/listening/queries', { name: 'acme', query: 'acme', kind: 'brand' });
    expect(dup.statusCode).toBe(409);
  });

  it('turns matching public posts into mentions live, with sentiment, intent, language and influence', async () => {
    const ws = await buildWorkspace(t.db);
    const brand = json<{ id: string }>(
      await send(ws.owner.headers, 'POST', '/api/v1/listening/queries', { name: 'Acme', query: 'acme OR "acme rocket"', kind: 'brand' }),
    );
    const rival = json<{ id: string }>(
      await send(ws.owner.headers, 'POST', '/api/v1/listening/queries', { name: 'Globex', query: 'globex', kind: 'competitor' }),
    );
    await ingest(ws.owner.headers, [
      mastodonStatus('a1', { text: 'I love my Acme rocket, it is absolutely wonderful!', account: 1, createdAt: minutesAgo(30) }),
      mastodonStatus('a2', {
        text: 'Acme support is terrible, my order arrived broken and nobody answers',
        account: 2,
        createdAt: minutesAgo(20),
      }),
      mastodonStatus('a3', { text: 'Where can I buy a Globex drone? I want to order one today', account: 3, createdAt: minutesAgo(10) }),
      mastodonStatus('a4', { text: 'Nothing to see here about weather', account: 4, createdAt: minutesAgo(5) }),
    ]);

    const all = await mentions(ws.owner.headers);
    expect(all.map((m) => m.text).sort()).toHaveLength(3);
    const praise = all.find((m) => m.text.includes('love'))!;
    expect(praise).toMatchObject({ queryId: brand.id, sentiment: 'positive', language: 'en', relevance: 'unreviewed' });
    const complaint = all.find((m) => m.text.includes('terrible'))!;
    expect(complaint.sentiment).toBe('negative');
    expect(complaint.intent).toBe('complaint');
    expect(all.find((m) => m.text.includes('Globex'))!.queryId).toBe(rival.id);
    expect(all.every((m) => m.influence >= 0 && m.influence <= 100)).toBe(true);

    expect((await mentions(ws.owner.headers, `?queryId=${brand.id}`)).length).toBe(2);
    expect((await mentions(ws.owner.headers, '?kind=competitor')).length).toBe(1);
    expect((await mentions(ws.owner.headers, '?sentiment=negative')).map((m) => m.id)).toEqual([complaint.id]);

    // A replay of the same posts records nothing twice.
    await ingest(ws.owner.headers, [
      mastodonStatus('a1', { text: 'I love my Acme rocket, it is absolutely wonderful!', account: 1, createdAt: minutesAgo(30) }),
    ]);
    expect((await mentions(ws.owner.headers)).length).toBe(3);
  });

  it('reads a post naming two brands per brand, live and over the stored history', async () => {
    const ws = await buildWorkspace(t.db);
    const query = async (name: string, text: string) =>
      json<{ id: string }>(await send(ws.owner.headers, 'POST', '/api/v1/listening/queries', { name, query: text, kind: 'competitor' })).id;
    const acme = await query('Acme', 'acme OR #acme');
    const globex = await query('Globex', 'globex');
    await ingest(ws.owner.headers, [
      mastodonStatus('s1', {
        text: 'Acme outage again?? This is the second time this week. Considering switching to Globex.',
        createdAt: minutesAgo(20),
      }),
      mastodonStatus('s2', {
        text: 'Initech keeps crashing on me. Anyone tried Globex? How much does it cost?',
        createdAt: minutesAgo(10),
      }),
      mastodonStatus('s3', { text: 'Acme is down again. Globex works great for us.', createdAt: minutesAgo(5) }),
    ]);
    const byQuery = async (queryId: string) =>
      Object.fromEntries(
        (await mentions(ws.owner.headers, `?queryId=${queryId}`)).map((m) => [m.text.slice(0, 12), [m.sentiment, m.intent]]),
      );
    // Read whole, the first post is a negative buying signal and the last a positive complaint: right for neither brand.
    expect(await byQuery(acme)).toEqual({ 'Acme outage ': ['negative', 'complaint'], 'Acme is down': ['neutral', 'complaint'] });
    expect(await byQuery(globex)).toEqual({
      'Acme outage ': ['neutral', 'purchase'],
      'Initech keep': ['negative', 'question'],
      'Acme is down': ['positive', 'praise'],
    });

    const initech = await query('Initech', 'initech');
    await t.jobs.runDue();
    expect(await byQuery(initech)).toEqual({ 'Initech keep': ['negative', 'complaint'] });
  });

  it('matches a new query over the stored history; a changed query keeps what it still matches and forgets the rest', async () => {
    const ws = await buildWorkspace(t.db);
    await send(ws.owner.headers, 'POST', '/api/v1/listening/queries', { name: 'Globex', query: 'globex', kind: 'competitor' });
    await ingest(ws.owner.headers, [
      mastodonStatus('h1', { text: 'Initech printers jam every day. Globex printers just work.', createdAt: minutesAgo(300) }),
      mastodonStatus('h2', { text: 'Initech is hiring', createdAt: minutesAgo(200) }),
      mastodonStatus('h3', { text: 'Umbrella corp news', createdAt: minutesAgo(100) }),
    ]);
    const query = json<{ id: string; backfilledAt: string | null }>(
      await send(ws.owner.headers, 'POST', '/api/v1/listening/queries', { name: 'Initech', query: 'initech', kind: 'competitor' }),
    );
    expect(query.backfilledAt).toBeNull();
    await t.jobs.runDue();
    const initech = () => mentions(ws.owner.headers, `?queryId=${query.id}`);
    const matched = await initech();
    expect(matched.map((m) => m.text.slice(0, 12)).sort()).toEqual(['Initech is h', 'Initech prin']);
    const saved = json<{ backfilledAt: string | null }>(await send(ws.owner.headers, 'GET', `/api/v1/listening/queries/${query.id}`));
    expect(saved.backfilledAt).not.toBeNull();

    // A reviewer's work on the mention the new text still matches: a relevance mark, and its own intent (read about Initech).
    const printers = matched.find((m) => m.text.startsWith('Initech printers'))!;
    const marked = await send(ws.owner.headers, 'PATCH', `/api/v1/listening/mentions/${printers.id}`, { relevance: 'relevant' });
    expect(marked.statusCode, marked.body).toBe(200);
    const corrected = await send(ws.owner.headers, 'POST', '/api/v1/listening/intent-corrections', {
      messageId: printers.messageId,
      mentionId: printers.id,
      intent: 'idea',
    });
    expect(json(corrected)).toMatchObject({ mentionIds: [printers.id], learned: false });

    const changed = await send(ws.owner.headers, 'PATCH', `/api/v1/listening/queries/${query.id}`, { query: 'initech NEAR/2 printers' });
    expect(changed.statusCode, changed.body).toBe(200);
    await t.jobs.runDue();
    const kept = await initech();
    expect(kept.map((m) => [m.id, m.relevance, m.intent])).toEqual([[printers.id, 'relevant', 'idea']]);

    // Changed while paused, the text is still matched again: what the paused query shows is what its text matches.
    await send(ws.owner.headers, 'PATCH', `/api/v1/listening/queries/${query.id}`, { isActive: false });
    const paused = await send(ws.owner.headers, 'PATCH', `/api/v1/listening/queries/${query.id}`, { query: 'initech AND hiring' });
    expect(paused.statusCode, paused.body).toBe(200);
    await t.jobs.runDue();
    expect((await initech()).map((m) => m.text)).toEqual(['Initech is hiring']);
  });

  it('forgets mentions only when the text changes: a resumed query keeps one whose message was corrected out of it', async () => {
    const ws = await buildWorkspace(t.db);
    await ingest(ws.owner.headers, [mastodonStatus('c1', { text: 'Acme rocket launch today', createdAt: minutesAgo(50) })]);
    const query = json<{ id: string }>(
      await send(ws.owner.headers, 'POST', '/api/v1/listening/queries', { name: 'Acme', query: 'acme AND NOT intent:spam', kind: 'brand' }),
    );
    await t.jobs.runDue();
    const [mention] = await mentions(ws.owner.headers, `?queryId=${query.id}`);
    const corrected = await send(ws.owner.headers, 'POST', '/api/v1/listening/intent-corrections', {
      messageId: mention!.messageId,
      intent: 'spam',
    });
    expect(corrected.statusCode, corrected.body).toBe(200);

    for (const isActive of [false, true]) await send(ws.owner.headers, 'PATCH', `/api/v1/listening/queries/${query.id}`, { isActive });
    await t.jobs.runDue();
    expect((await mentions(ws.owner.headers, `?queryId=${query.id}`)).map((m) => [m.id, m.intent])).toEqual([[mention!.id, 'spam']]);

    await send(ws.owner.headers, 'PATCH', `/api/v1/listening/queries/${query.id}`, { query: 'acme AND NOT intent:(spam OR idea)' });
    await t.jobs.runDue();
    expect(await mentions(ws.owner.headers, `?queryId=${query.id}`)).toEqual([]);
  });

  it('previews a query on recent messages without saving it', async () => {
    const ws = await buildWorkspace(t.db);
    await ingest(ws.owner.headers, [
      mastodonStatus('p1', { text: 'The Hooli phone is great', createdAt: minutesAgo(3) }),
      mastodonStatus('p2', { text: 'Hooli cloud is down again', createdAt: minutesAgo(2) }),
    ]);
    const preview = json<{ ok: boolean; scanned: number; matched: number; samples: { text: string; sentiment: string | null }[] }>(
      await send(ws.owner.headers, 'POST', '/api/v1/listening/preview', { query: 'hooli AND NOT phone' }),
    );
    expect(preview).toMatchObject({ ok: true, scanned: 2, matched: 1 });
    expect(preview.samples[0]!.text).toBe('Hooli cloud is down again');
    const bad = json<{ ok: boolean; error: { message: string } }>(
      await send(ws.owner.headers, 'POST', '/api/v1/listening/preview', { query: 'hooli AND' }),
    );
    expect(bad.ok).toBe(false);
    expect(bad.error.message.length).toBeGreaterThan(5);
  });
});

describe('listening analytics', () => {
  it('counts volume, sentiment and share of voice from rollups, drops irrelevant mentions, and exports CSV', async () => {
    const ws = await buildWorkspace(t.db);
    const brand = json<{ id: string }>(
      await send(ws.owner.headers, 'POST', '/api/v1/listening/queries', { name: 'Acme', query: 'acme', kind: 'brand' }),
    );
    await send(ws.owner.headers, 'POST', '/api/v1/listening/queries', { name: 'Globex', query: 'globex', kind: 'competitor' });
    await ingest(ws.owner.headers, [
      mastodonStatus('v1', { text: 'acme is great #rockets', account: 1, createdAt: minutesAgo(50) }),
      mastodonStatus('v2', { text: 'acme is awful #rockets', account: 2, createdAt: minutesAgo(40) }),
      mastodonStatus('v3', { text: 'acme again', account: 1, createdAt: minutesAgo(30) }),
      mastodonStatus('v4', { text: 'globex is fine', account: 3, createdAt: minutesAgo(20) }),
    ]);
    const range = `from=${encodeURIComponent(minutesAgo(24 * 60).toISOString())}&to=${encodeURIComponent(new Date().toISOString())}`;
    type Chart = { rows: Record<string, string | number | null>[]; interval?: string };
    const sov = json<Chart>(await send(ws.owner.headers, 'GET', `/api/v1/listening/analytics/share-of-voice?${range}`));
    const totals = sov.rows.filter((r) => r.at === null);
    expect(totals.find((r) => r.query === 'Acme')).toMatchObject({ mentions: 3, share: 0.75 });
    expect(totals.find((r) => r.query === 'Globex')).toMatchObject({ mentions: 1, share: 0.25 });

    const volume = json<VolumeChart>(
      await send(ws.owner.headers, 'GET', `/api/v1/listening/analytics/volume?${range}&queryId=${brand.id}`),
    );
    expect(volume.interval).toBe('hour');
    expect(volume.series.map((s) => s.query)).toEqual(['Acme']);
    expect(sum(volume.series[0]!.mentions)).toBe(3);
    expect(volume.series[0]!.mentions).toHaveLength(volume.at.length);
    const tags = json<Chart>(await send(ws.owner.headers, 'GET', `/api/v1/listening/analytics/top?${range}&of=hashtag`));
    expect(tags.rows[0]).toEqual({ hashtag: 'rockets', mentions: 2 });
    const authors = json<Chart>(
      await send(ws.owner.headers, 'GET', `/api/v1/listening/analytics/top?${range}&of=author&queryId=${brand.id}`),
    );
    expect(authors.rows[0]).toMatchObject({ name: 'User 1', mentions: 2 });
    expect(typeof authors.rows[0]!.influenceWhy).toBe('string');
    const byNetwork = json<Chart>(await send(ws.owner.headers, 'GET', `/api/v1/listening/analytics/breakdown?${range}&by=network`));
    expect(byNetwork.rows).toEqual([expect.objectContaining({ network: 'mastodon', mentions: 4 })]);

    const awful = (await mentions(ws.owner.headers, `?queryId=${brand.id}`)).find((m) => m.text.includes('awful'))!;
    expect((await send(ws.owner.headers, 'PATCH', `/api/v1/listening/mentions/${awful.id}`, { relevance: 'irrelevant' })).statusCode).toBe(
      200,
    );
    const after = json<VolumeChart>(await send(ws.owner.headers, 'GET', `/api/v1/listening/analytics/volume?${range}&queryId=${brand.id}`));
    expect(sum(after.series[0]!.mentions)).toBe(2);
    expect(sum(after.series[0]!.negative)).toBe(0);
    const tagsAfter = json<Chart>(await send(ws.owner.headers, 'GET', `/api/v1/listening/analytics/top?${range}&of=hashtag`));
    expect(tagsAfter.rows[0]).toEqual({ hashtag: 'rockets', mentions: 1 });
    // Marking it irrelevant twice changes nothing more; marking it relevant puts it back.
    await send(ws.owner.headers, 'POST', '/api/v1/listening/mentions/bulk', { ids: [awful.id], relevance: 'irrelevant' });
    await send(ws.owner.headers, 'POST', '/api/v1/listening/mentions/bulk', { ids: [awful.id], relevance: 'relevant' });
    const back = json<VolumeChart>(await send(ws.owner.headers, 'GET', `/api/v1/listening/analytics/volume?${range}&queryId=${brand.id}`));
    expect(sum(back.series[0]!.mentions)).toBe(3);

    const csv = await send(ws.owner.headers, 'GET', `/api/v1/listening/analytics/share-of-voice?${range}&format=csv`);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toBe('at,queryId,query,kind,mentions,share');
    expect(lines.length).toBe(1 + sov.rows.length);
    // The volume export is flat: a row per interval and query, 0 where a query was not heard.
    const everyQuery = json<VolumeChart>(await send(ws.owner.headers, 'GET', `/api/v1/listening/analytics/volume?${range}`));
    expect(everyQuery.series.map((s) => [s.query, sum(s.mentions)])).toEqual([
      ['Acme', 3],
      ['Globex', 1],
    ]);
    const volumeCsv = (await send(ws.owner.headers, 'GET', `/api/v1/listening/analytics/volume?${range}&format=csv`)).body
      .trim()
      .split('\r\n');
    expect(volumeCsv[0]).toBe('at,queryId,query,kind,mentions,positive,negative,neutral,sentiment');
    expect(volumeCsv.length).toBe(1 + everyQuery.at.length * 2);
  });
});
