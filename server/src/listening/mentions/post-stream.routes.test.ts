/**
 * The stream a card per post, through the API and the real pipeline: a post several queries
 * matched is one entry listing its mentions of the queries in scope, paged newest first without
 * repeating or skipping a post; a text search over the posts; a bounded count; and the CSV export.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mastodonStatus } from '../../ingest/testing/mastodon-statuses.js';
import { insertConversation } from '../../inbox/testing/conversations.js';
import { systemActor } from '../../platform/context.js';
import { buildWorkspace, json, testApp, type TestApp, type TestWorkspace } from '../../platform/testing/test-app.js';
import { hear, saveQuery } from '../testing/listening-api.js';
import type { MentionedPost } from './mention.schema.js';
import { countPosts, exportPosts, POST_COUNT_BOUND } from './post-stream.service.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

const get = (ws: TestWorkspace, url: string) => t.app.inject({ method: 'GET', url, headers: ws.owner.headers });

async function postsOf(ws: TestWorkspace, query = ''): Promise<MentionedPost[]> {
  const response = await get(ws, `/api/v1/listening/posts${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return json<{ data: MentionedPost[] }>(response).data;
}

/** Every post of the stream, asked for `limit` at a time. */
async function pageThrough(ws: TestWorkspace, query: string, limit: number): Promise<MentionedPost[]> {
  const all: MentionedPost[] = [];
  let cursor: string | null = null;
  do {
    const response = await get(
      ws,
      `/api/v1/listening/posts?${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    expect(response.statusCode, response.body).toBe(200);
    const page = json<{ data: MentionedPost[]; nextCursor: string | null }>(response);
    expect(page.data.length).toBeLessThanOrEqual(limit);
    all.push(...page.data);
    cursor = page.nextCursor;
  } while (cursor && all.length < 100);
  return all;
}

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);
const queriesOf = (post: MentionedPost) => post.mentions.map((m) => m.queryName);

/** A brand and two competitors; posts naming one, two or all three, and one naming none. */
async function threeBrands(): Promise<{ ws: TestWorkspace; acme: string; globex: string; initech: string }> {
  const ws = await buildWorkspace(t.db);
  const acme = await saveQuery(ws, 'acme', 'brand');
  const globex = await saveQuery(ws, 'globex', 'competitor');
  const initech = await saveQuery(ws, 'initech', 'competitor');
  const sameMinute = minutesAgo(30);
  await hear(ws, [
    mastodonStatus('b1', { text: 'Acme rockets are great', account: 1, createdAt: minutesAgo(40) }),
    // Three posts sent in the same millisecond: each is one entry however the page ends among them.
    mastodonStatus('b2', { text: 'Globex or Initech, which is cheaper?', account: 2, createdAt: sameMinute }),
    mastodonStatus('b3', { text: 'Acme beats Globex and Initech on price', account: 3, createdAt: sameMinute }),
    mastodonStatus('b4', { text: 'Initech support answered quickly', account: 4, createdAt: sameMinute }),
    mastodonStatus('b5', { text: 'Nothing about any brand here', account: 5, createdAt: minutesAgo(20) }),
    mastodonStatus('b6', { text: 'Switched from Acme to Globex last month. Best decision ever.', account: 6, createdAt: minutesAgo(10) }),
  ]);
  return { ws, acme, globex, initech };
}

describe('the stream a card per post', () => {
  it('lists a post several queries matched once, with a mention per query in scope, newest first', async () => {
    const { ws, acme, globex } = await threeBrands();
    const all = await postsOf(ws);
    expect(all.map((p) => [p.text, queriesOf(p)])).toEqual([
      ['Switched from Acme to Globex last month. Best decision ever.', ['acme', 'globex']],
      // Posts sent together come in message id order, which is the order they were stored in here only by chance.
      ...all.slice(1, 4).map((p) => [p.text, queriesOf(p)]),
      ['Acme rockets are great', ['acme']],
    ]);
    expect(
      all
        .slice(1, 4)
        .map((p) => [p.text, queriesOf(p)])
        .sort(),
    ).toEqual([
      ['Acme beats Globex and Initech on price', ['acme', 'globex', 'initech']],
      ['Globex or Initech, which is cheaper?', ['globex', 'initech']],
      ['Initech support answered quickly', ['initech']],
    ]);
    // The mention stream keeps a card per mention: the same posts are nine mentions there.
    const mentions = json<{ data: unknown[] }>(await get(ws, '/api/v1/listening/mentions')).data;
    expect(mentions).toHaveLength(9);

    const switched = all[0]!;
    expect(switched.author).toMatchObject({ handle: expect.stringContaining('user6'), displayName: 'User 6' });
    expect(switched.mentions.map((m) => m.queryId)).toEqual([acme, globex]);
    // Read per subject: Acme is left, Globex praised.
    expect(switched.mentions.map((m) => [m.sentiment, m.readAboutSubject])).toEqual([
      ['neutral', true],
      ['positive', true],
    ]);

    // A group shows only its queries' mentions; one query, only its own.
    const competitors = await postsOf(ws, '?kind=competitor');
    expect(competitors.map(queriesOf).sort()).toEqual([['globex'], ['globex', 'initech'], ['globex', 'initech'], ['initech']]);
    expect((await postsOf(ws, `?queryId=${acme}`)).map(queriesOf)).toEqual([['acme'], ['acme'], ['acme']]);
  });

  it('pages through posts without repeating or skipping one, also among posts sent together', async () => {
    const { ws } = await threeBrands();
    const whole = (await postsOf(ws)).map((p) => p.messageId);
    for (const [query, limit] of [
      ['', 1],
      ['', 2],
      ['kind=competitor', 1],
    ] as const) {
      const paged = await pageThrough(ws, query, limit);
      const expected = query ? (await postsOf(ws, `?${query}`)).map((p) => p.messageId) : whole;
      expect(
        paged.map((p) => p.messageId),
        `${query} ${limit}`,
      ).toEqual(expected);
    }
    // A position in the mention stream is none in the post stream.
    const mentionCursor = json<{ nextCursor: string }>(await get(ws, '/api/v1/listening/mentions?limit=1')).nextCursor;
    const refused = await get(ws, `/api/v1/listening/posts?cursor=${encodeURIComponent(mentionCursor)}`);
    expect(refused.statusCode).toBe(400);
  });

  it('applies the filters per mention: a post shows the mentions that pass them', async () => {
    const { ws } = await threeBrands();
    const positive = await postsOf(ws, '?sentiment=positive');
    const switched = positive.find((p) => p.text.startsWith('Switched'))!;
    expect(queriesOf(switched)).toEqual(['globex']);
    expect(positive.every((p) => p.mentions.every((m) => m.sentiment === 'positive'))).toBe(true);

    const [acmeMention] = (await postsOf(ws)).find((p) => p.text.startsWith('Acme beats'))!.mentions;
    const marked = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/listening/mentions/${acmeMention!.id}`,
      headers: ws.owner.headers,
      payload: { relevance: 'irrelevant' },
    });
    expect(marked.statusCode, marked.body).toBe(200);
    const unreviewed = (await postsOf(ws, '?relevance=unreviewed')).find((p) => p.text.startsWith('Acme beats'))!;
    expect(queriesOf(unreviewed)).toEqual(['globex', 'initech']);
    const irrelevant = await postsOf(ws, '?relevance=irrelevant');
    expect(irrelevant.map((p) => [p.text, queriesOf(p), p.mentions[0]!.relevance])).toEqual([
      ['Acme beats Globex and Initech on price', ['acme'], 'irrelevant'],
    ]);
  });

  it('selects the posts whose sentiment was not analysed, in both streams and the count', async () => {
    const ws = await buildWorkspace(t.db);
    await saveQuery(ws, 'acme', 'brand');
    await hear(ws, [
      mastodonStatus('u1', { text: 'Acme support never answers, I am so disappointed', account: 1, createdAt: minutesAgo(3) }),
      mastodonStatus('u2', {
        text: 'Mein Acme Wasserkocher ist schon kaputt und der Kundendienst antwortet nicht auf meine Nachrichten.',
        account: 2,
        createdAt: minutesAgo(2),
        language: 'de',
      }),
    ]);
    const unanalysed = await postsOf(ws, '?sentiment=unanalysed');
    expect(unanalysed.map((p) => [p.language, p.mentions.map((m) => [m.sentiment, m.sentimentScore])])).toEqual([['de', [[null, null]]]]);
    expect((await postsOf(ws, '?sentiment=negative')).map((p) => p.language)).toEqual(['en']);
    const mentions = json<{ data: { language: string }[] }>(await get(ws, '/api/v1/listening/mentions?sentiment=unanalysed')).data;
    expect(mentions.map((m) => m.language)).toEqual(['de']);
    expect(json(await get(ws, '/api/v1/listening/posts/count?sentiment=unanalysed'))).toEqual({ count: 1, exact: true });
    expect((await get(ws, '/api/v1/listening/posts?sentiment=unknown')).statusCode).toBe(400);
  });

  it('searches the posts’ words, with the other filters, in the post and in the mention stream', async () => {
    const { ws, globex } = await threeBrands();
    const texts = async (query: string) => (await postsOf(ws, query)).map((p) => p.text).sort();
    expect(await texts('?q=price')).toEqual(['Acme beats Globex and Initech on price']);
    // Every word, case aside, whole words only.
    expect(await texts('?q=ACME%20rockets')).toEqual(['Acme rockets are great']);
    expect(await texts('?q=acme%20support')).toEqual([]);
    expect(await texts('?q=rocket')).toEqual([]);
    expect(await texts(`?q=initech&queryId=${globex}`)).toEqual([
      'Acme beats Globex and Initech on price',
      'Globex or Initech, which is cheaper?',
    ]);
    // A text without a word filters nothing, as the CRM's searches do.
    expect(await texts('?q=%21%21%21')).toHaveLength(5);
    const mentions = json<{ data: { text: string }[] }>(await get(ws, '/api/v1/listening/mentions?q=cheaper')).data;
    expect(mentions.map((m) => m.text)).toEqual(['Globex or Initech, which is cheaper?', 'Globex or Initech, which is cheaper?']);

    for (const url of ['/api/v1/listening/posts', '/api/v1/listening/mentions', '/api/v1/listening/posts/count']) {
      const long = await get(ws, `${url}?q=${'a'.repeat(201)}`);
      expect(long.statusCode, url).toBe(400);
      expect(json<{ errors: { field: string }[] }>(long).errors[0]!.field, url).toMatch(/q/);
    }
  });

  it('counts the posts of the stream and its filters', async () => {
    const { ws, acme } = await threeBrands();
    const count = async (query: string) => json<{ count: number; exact: boolean }>(await get(ws, `/api/v1/listening/posts/count${query}`));
    expect(await count('')).toEqual({ count: 5, exact: true });
    expect(await count('?kind=competitor')).toEqual({ count: 4, exact: true });
    expect(await count(`?queryId=${acme}`)).toEqual({ count: 3, exact: true });
    expect(await count('?q=initech&sentiment=neutral')).toEqual({
      count: (await postsOf(ws, '?q=initech&sentiment=neutral')).length,
      exact: true,
    });
    const backwards = await get(ws, `/api/v1/listening/posts/count?from=${minutesAgo(1).toISOString()}&to=${minutesAgo(60).toISOString()}`);
    expect(backwards.statusCode).toBe(400);
  });

  it('stops counting at the bound, or when its time is spent, and says there are more', async () => {
    const ws = await buildWorkspace(t.db);
    const queryId = await saveQuery(ws, 'acme');
    const now = Date.now();
    const { id: conversationId } = await insertConversation(t.db, ws.workspaceId, { network: 'mastodon', identity: null, messages: [] });
    await t.db.query(
      `INSERT INTO messages (workspace_id, id, conversation_id, network, external_id, direction, text, sent_at, received_at)
       SELECT $1, gen_random_uuid(), $2, 'mastodon', 'bulk-' || n, 'in', 'Acme post ' || n, $4::timestamptz - n * interval '1 second', now()
         FROM generate_series(1, $3::int) n`,
      [ws.workspaceId, conversationId, POST_COUNT_BOUND + 1, new Date(now)],
    );
    await t.db.query(
      `INSERT INTO mentions (workspace_id, id, query_id, message_id, conversation_id, network, sent_at, matched_at)
       SELECT $1, gen_random_uuid(), $2, m.id, $3, m.network, m.sent_at, now() FROM messages m WHERE m.workspace_id = $1`,
      [ws.workspaceId, queryId, conversationId],
    );
    const count = async (query: string) => json<{ count: number; exact: boolean }>(await get(ws, `/api/v1/listening/posts/count${query}`));
    expect(await count('')).toEqual({ count: POST_COUNT_BOUND, exact: false });
    expect(await count(`?from=${new Date(now - 99_500).toISOString()}`)).toEqual({ count: 99, exact: true });
    // Out of time after its first step, a count says what it found so far.
    const ctx = { workspaceId: ws.workspaceId, db: t.db, requestId: 'test', actor: systemActor() };
    expect(await countPosts(ctx, {}, 0)).toEqual({ count: 100, exact: false });
    expect(await countPosts(ctx, { from: new Date(now - 99_500).toISOString() }, 0)).toEqual({ count: 99, exact: true });
  });

  it('exports the stream’s posts as CSV, a row per post, formulas written as text', async () => {
    const ws = await buildWorkspace(t.db);
    await saveQuery(ws, 'acme', 'brand');
    await saveQuery(ws, 'globex', 'competitor');
    const author = mastodonStatus('x1', {
      text: '=HYPERLINK("http://evil.example") acme and globex are fine',
      account: 7,
      createdAt: minutesAgo(5),
    });
    await hear(ws, [
      { ...author, account: { ...(author.account as object), display_name: '@SUM(1+1)' } },
      mastodonStatus('x2', { text: 'Acme outage again. Globex works great for us.', account: 8, createdAt: minutesAgo(4) }),
      mastodonStatus('x3', { text: 'Globex, "quoted"', account: 9, createdAt: minutesAgo(3) }),
    ]);
    const response = await get(ws, '/api/v1/listening/posts/export?kind=brand');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.headers['content-disposition']).toMatch(/attachment; filename="mentions-\d{4}-\d{2}-\d{2}\.csv"/);
    const lines = response.body
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('sentAt,network,author,authorHandle,title,text,url,queries,sentiment,intent,relevance');
    // The brand's posts only, newest first, and only the brand's query listed.
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(
      /^\d{4}-.*,mastodon,User 8,.*,Acme outage again\. Globex works great for us\.,https:\/\/example\.social\/@user8\/x2,acme,negative,/,
    );
    expect(lines[2]).toContain(`,'@SUM(1+1),`);
    expect(lines[2]).toContain(`,"'=HYPERLINK(""http://evil.example"") acme and globex are fine",`);

    // Every query's reading of a post read per subject, when they differ.
    const all = (await get(ws, '/api/v1/listening/posts/export')).body.split('\r\n');
    const outage = all.find((line) => line.includes('Acme outage again'))!;
    expect(outage).toContain(',acme; globex,acme: negative; globex: positive,');
    expect(all.find((line) => line.includes('quoted'))).toContain(',"Globex, ""quoted""",');
  });

  it('holds at most the cap of the newest posts', async () => {
    const { ws } = await threeBrands();
    const ctx = { workspaceId: ws.workspaceId, db: t.db, requestId: 'test', actor: systemActor() };
    let csv = '';
    for await (const chunk of await exportPosts(ctx, {}, 2)) csv += chunk;
    const lines = csv.trim().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('Switched from Acme to Globex');
  });
});
