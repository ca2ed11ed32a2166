/**
 * The influence stored with each mention (and shown with the top influencers) reads engagement as
 * the likes, shares and replies per post of what Rapport has heard of the author, not one post's
 * counts spread over the thousands of posts on their profile (12 / 4,000: always 0 of 25 points).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mastodonStatus } from '../../ingest/testing/mastodon-statuses.js';
import { dropQueuedDeliveries } from '../../inbox/testing/conversations.js';
import { influenceScore, type SeenPosts } from '../../nlp/influence/influence.js';
import { buildWorkspace, json, testApp, type TestApp, type TestWorkspace } from '../../platform/testing/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => {
  await dropQueuedDeliveries(t.db);
});

const PROFILE = { followers: 30, following: 12, postsCount: 4_000 };

/** A post by the one author, with a profile of 4,000 posts and the counts it got. */
function post(id: string, text: string, minutesAgo: number, counts: { likes: number; shares: number; replies: number }) {
  const status = mastodonStatus(id, { text, account: 9, createdAt: new Date(Date.now() - minutesAgo * 60_000) });
  const account = status.account as Record<string, unknown>;
  return {
    ...status,
    favourites_count: counts.likes,
    reblogs_count: counts.shares,
    replies_count: counts.replies,
    account: { ...account, followers_count: PROFILE.followers, following_count: PROFILE.following, statuses_count: PROFILE.postsCount },
  };
}

async function ingest(ws: TestWorkspace, statuses: object[]) {
  const content = statuses.map((s) => JSON.stringify(s)).join('\n');
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/ingest/files',
    headers: ws.owner.headers,
    payload: { format: 'mastodon', content },
  });
  expect(response.statusCode, response.body).toBe(200);
}

async function saveQuery(ws: TestWorkspace, name: string, query: string) {
  const saved = await t.app.inject({
    method: 'POST',
    url: '/api/v1/listening/queries',
    headers: ws.owner.headers,
    payload: { name, query, kind: 'brand' },
  });
  expect(saved.statusCode, saved.body).toBe(201);
  return json<{ id: string }>(saved).id;
}

async function influenceByText(ws: TestWorkspace, queryId: string): Promise<Record<string, number>> {
  const list = await t.app.inject({ method: 'GET', url: `/api/v1/listening/mentions?queryId=${queryId}`, headers: ws.owner.headers });
  return Object.fromEntries(json<{ data: { text: string; influence: number }[] }>(list).data.map((m) => [m.text, m.influence]));
}

const expected = (seen: SeenPosts) => influenceScore({ ...PROFILE, seen }).score;

describe('an author’s influence', () => {
  it('counts the engagement of the posts heard of them, live, over the history and among the top influencers', async () => {
    const ws = await buildWorkspace(t.db);
    const acme = await saveQuery(ws, 'Acme', 'acme');
    await ingest(ws, [post('p1', 'The Acme rocket launch was great', 30, { likes: 9, shares: 2, replies: 1 })]);
    const first = await influenceByText(ws, acme);
    // One post heard with 12 likes, shares and replies: 12 per post, not 12 / 4,000.
    const onePost = { posts: 1, interactions: 12, repliedTo: 1, shared: 1 };
    expect(first['The Acme rocket launch was great']).toBe(expected(onePost));
    expect(expected(onePost)).toBeGreaterThan(influenceScore(PROFILE).score);

    // A second post heard later without any: 6 per post over the two.
    await ingest(ws, [post('p2', 'Acme again today, nobody cares', 10, { likes: 0, shares: 0, replies: 0 })]);
    const twoPosts = { posts: 2, interactions: 12, repliedTo: 1, shared: 1 };
    expect((await influenceByText(ws, acme))['Acme again today, nobody cares']).toBe(expected(twoPosts));

    // A query matched over the stored history hears both posts again: each mention counts its post.
    const rocket = await saveQuery(ws, 'Any Acme post', 'acme OR rocket');
    await t.jobs.runDue();
    const fourMentions = { posts: 4, interactions: 24, repliedTo: 2, shared: 2 };
    expect(Object.values(await influenceByText(ws, rocket))).toEqual([expected(fourMentions), expected(fourMentions)]);

    const top = await t.app.inject({
      method: 'GET',
      url: `/api/v1/listening/analytics/top?of=influencer&queryId=${acme}`,
      headers: ws.owner.headers,
    });
    expect(top.statusCode, top.body).toBe(200);
    const [author] = json<{ rows: { influence: number; influenceWhy: string }[] }>(top).rows;
    expect(author!.influence).toBe(expected(fourMentions));
    expect(author!.influenceWhy).toContain('6 likes, shares and replies per post over 4 mentions →');
    expect(author!.influenceWhy).toContain('others replied to 2 and shared 2 of 4 mentions →');

    // A deleted query takes its mentions' posts with it.
    expect(
      (await t.app.inject({ method: 'DELETE', url: `/api/v1/listening/queries/${rocket}`, headers: ws.owner.headers })).statusCode,
    ).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: `/api/v1/listening/analytics/top?of=influencer`, headers: ws.owner.headers });
    expect(json<{ rows: { influence: number }[] }>(after).rows[0]!.influence).toBe(expected(twoPosts));
  });

  it('forgets the posts of mentions a changed query no longer matches', async () => {
    const ws = await buildWorkspace(t.db);
    const acme = await saveQuery(ws, 'Acme', 'acme');
    await ingest(ws, [
      post('f1', 'Acme rocket launch', 30, { likes: 9, shares: 2, replies: 1 }),
      post('f2', 'Acme anvil sale', 20, { likes: 0, shares: 0, replies: 0 }),
    ]);
    const changed = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/listening/queries/${acme}`,
      headers: ws.owner.headers,
      payload: { query: 'acme AND rocket' },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    await t.jobs.runDue();
    const top = await t.app.inject({ method: 'GET', url: `/api/v1/listening/analytics/top?of=influencer`, headers: ws.owner.headers });
    expect(json<{ rows: { influenceWhy: string }[] }>(top).rows[0]!.influenceWhy).toContain(
      '12 likes, shares and replies per post over 1 mention →',
    );
  });

  it('reads a post without counts as nothing seen, and a post alone where that is all there is', async () => {
    const ws = await buildWorkspace(t.db);
    const acme = await saveQuery(ws, 'Acme', 'acme');
    const {
      favourites_count: _l,
      reblogs_count: _s,
      replies_count: _r,
      ...uncounted
    } = post('u1', 'Acme without counts', 5, {
      likes: 0,
      shares: 0,
      replies: 0,
    });
    await ingest(ws, [uncounted, post('u2', 'Acme with counts', 4, { likes: 3, shares: 0, replies: 0 })]);
    // Both of the same author, in one batch: one post with counts seen.
    const seen = await influenceByText(ws, acme);
    const onePost = expected({ posts: 1, interactions: 3, repliedTo: 0, shared: 0 });
    expect(seen).toEqual({ 'Acme without counts': onePost, 'Acme with counts': onePost });
  });
});
