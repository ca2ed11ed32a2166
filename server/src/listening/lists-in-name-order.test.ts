/**
 * Saved queries and alerts list as people read names, as contacts and teams do: accented initials
 * among their letters and either case together, page after page.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorkspace, json, testApp, type TestApp } from '../platform/testing/test-app.js';

const NAMES = ['zoe', 'Élodie', 'Zoë', 'anna', 'Émile', 'Bob'];
const IN_ORDER = ['anna', 'Bob', 'Élodie', 'Émile', 'zoe', 'Zoë'];

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

describe('listening lists', () => {
  it('list saved queries and alerts in name order, across pages', async () => {
    const ws = await buildWorkspace(t.db);
    const send = async (method: 'GET' | 'POST', url: string, payload?: object) => {
      const response = await t.app.inject({ method, url, headers: ws.owner.headers, ...(payload ? { payload } : {}) });
      expect(response.statusCode, response.body).toBeLessThan(300);
      return response;
    };
    for (const name of NAMES) {
      await send('POST', '/api/v1/listening/queries', { name, query: `brand${NAMES.indexOf(name)}`, kind: 'brand' });
      await send('POST', '/api/v1/listening/alerts', { name, queryKind: 'brand', trigger: 'volume' });
    }
    const queries: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { data: { name: string }[]; nextCursor: string | null } = json(
        await send('GET', `/api/v1/listening/queries?limit=4${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`),
      );
      queries.push(...page.data.map((q) => q.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(queries).toEqual(IN_ORDER);
    const alerts = json<{ data: { name: string }[] }>(await send('GET', '/api/v1/listening/alerts'));
    expect(alerts.data.map((a) => a.name)).toEqual(IN_ORDER);
  });
});
