/** The mention stream and every chart refuse a range that ends before it starts, with the same problem. */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorkspace, json, testApp, type TestApp } from '../../platform/testing/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

describe('listening date ranges', () => {
  it('answer 400 "from must be before to" alike on the stream and the charts', async () => {
    const ws = await buildWorkspace(t.db);
    const routes = [
      '/api/v1/listening/mentions?',
      '/api/v1/listening/analytics/volume?',
      '/api/v1/listening/analytics/breakdown?by=network&',
      '/api/v1/listening/analytics/top?of=hashtag&',
    ];
    for (const [from, to] of [
      ['2026-10-21T00:00:00.000Z', '2026-10-20T00:00:00.000Z'],
      ['2026-10-20T00:00:00.000Z', '2026-10-20T00:00:00.000Z'],
    ]) {
      for (const route of routes) {
        const response = await t.app.inject({ method: 'GET', url: `${route}from=${from}&to=${to}`, headers: ws.owner.headers });
        expect(response.statusCode, `${route}: ${response.body}`).toBe(400);
        expect(json<{ errors: unknown[] }>(response).errors).toEqual([{ field: 'from', reason: 'must be before to' }]);
      }
    }
  });
});
