/**
 * The lists keep the API's rule (docs/api.md, Lists): a list takes only the query parameters it
 * knows, and one that takes `limit` (up to 500) also takes `cursor` and answers `nextCursor`, so no
 * record is out of reach. Then the lists that had no cursor, paged through one record at a time.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { insertConversation } from '../src/inbox/testing/conversations.js';
import { insertFiring } from '../src/listening/alerts/alert.repo.js';
import { newId } from '../src/platform/db/ids.js';
import { notify } from '../src/platform/notifications/notification.service.js';
import { buildWorkspace, json, testApp, type TestApp, type TestWorkspace } from '../src/platform/testing/test-app.js';
import { apiRoutes } from './isolation-support.js';

/** Lists whose pages are smaller, as their summaries say: an import carries its whole report, a search answers its best matches. */
const SMALLER_PAGES: Record<string, number> = { 'GET /api/v1/imports': 100, 'GET /api/v1/search': 50 };
/** The best matches of a search are one answer, not a list to page through. */
const NOT_PAGED = new Set(['GET /api/v1/search']);

interface Schema {
  type?: string;
  properties?: Record<string, Schema>;
  additionalProperties?: unknown;
  maximum?: number;
}

let t: TestApp;
let ws: TestWorkspace;
beforeAll(async () => {
  t = await testApp();
  ws = await buildWorkspace(t.db);
});

const get = (url: string) => t.app.inject({ method: 'GET', url, headers: ws.owner.headers });

/** Every record of a list, asked for one a page. */
async function pageThrough<T>(url: string): Promise<T[]> {
  const all: T[] = [];
  let cursor: string | null = null;
  do {
    const response = await get(`${url}${url.includes('?') ? '&' : '?'}limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(response.statusCode, response.body).toBe(200);
    const page = json<{ data: T[]; nextCursor: string | null }>(response);
    expect(page.data.length).toBeLessThanOrEqual(1);
    all.push(...page.data);
    cursor = page.nextCursor;
  } while (cursor && all.length < 50);
  return all;
}

describe('lists', () => {
  it('refuse query parameters they do not know, and page with a cursor wherever they take a limit', () => {
    const lists = apiRoutes(t).filter((route) => {
      const ok = (route.schema?.response as Record<string, Schema> | undefined)?.[200];
      return route.method === 'GET' && ok?.properties?.data?.type === 'array';
    });
    expect(lists.length).toBeGreaterThan(30);
    const failures: string[] = [];
    for (const route of lists) {
      const key = `${route.method} ${route.url}`;
      const query = route.schema?.querystring as Schema | undefined;
      const ok = (route.schema?.response as Record<string, Schema>)[200]!;
      if (query?.additionalProperties !== false) failures.push(`${key} takes query parameters it does not know`);
      const limit = query?.properties?.limit;
      if (!limit) continue;
      if (limit.maximum !== (SMALLER_PAGES[key] ?? 500)) failures.push(`${key} takes a limit up to ${limit.maximum}`);
      if (NOT_PAGED.has(key)) continue;
      if (!query.properties?.cursor || !ok.properties?.nextCursor) failures.push(`${key} takes a limit but no cursor`);
    }
    expect(failures).toEqual([]);
  });

  it('answer an unknown query parameter with a 400 naming it, where they once ignored it', async () => {
    const refused = await get('/api/v1/members?limit=2');
    expect(refused.statusCode).toBe(400);
    expect(json<{ errors: { field: string }[] }>(refused).errors.map((e) => e.field)).toEqual(['querystring.limit']);
  });

  it('reach every notification, import, alert firing and intent correction a page at a time', async () => {
    const at = new Date();
    for (const title of ['First', 'Second', 'Third']) {
      await notify(t.db, { workspaceId: ws.workspaceId, userId: ws.owner.userId, kind: 'mention', title });
    }
    const notifications = await pageThrough<{ title: string }>('/api/v1/notifications');
    expect(notifications.map((n) => n.title).sort()).toEqual(['First', 'Second', 'Third']);
    expect(json<{ data: unknown[] }>(await get('/api/v1/notifications?limit=500')).data).toHaveLength(3);

    for (const name of ['a.csv', 'b.csv', 'c.csv']) {
      const payload = { format: 'csv', fileName: name, content: 'First name\nAda\n' };
      expect((await t.app.inject({ method: 'POST', url: '/api/v1/imports', headers: ws.owner.headers, payload })).statusCode).toBe(201);
    }
    expect((await pageThrough<{ fileName: string }>('/api/v1/imports')).map((i) => i.fileName)).toEqual(['c.csv', 'b.csv', 'a.csv']);

    const post = async (url: string, payload: object) =>
      json<{ id: string }>(await t.app.inject({ method: 'POST', url, headers: ws.owner.headers, payload }));
    const query = await post('/api/v1/listening/queries', { name: 'Rockets', query: 'rocket', kind: 'brand' });
    const alert = await post('/api/v1/listening/alerts', { name: 'Rockets', trigger: 'keyword', keyword: 'rocket', queryId: query.id });
    const firings = [newId(), newId(), newId()];
    for (const id of firings) {
      // Fired in the same millisecond: the id orders them.
      const window = { windowStart: at, windowEnd: at, expected: 1, observed: 5, reason: 'a burst', deliveries: [] };
      await insertFiring(t.db, ws.workspaceId, { id, alertId: alert.id, firedAt: at, ...window });
    }
    const history = await pageThrough<{ id: string }>(`/api/v1/listening/alerts/history?alertId=${alert.id}`);
    expect(history.map((f) => f.id)).toEqual([...firings].sort().reverse());

    const conversation = await insertConversation(t.db, ws.workspaceId, {
      messages: [{ text: 'One' }, { text: 'Two' }, { text: 'Three' }],
    });
    for (const messageId of conversation.messageIds) {
      const corrected = await t.app.inject({
        method: 'POST',
        url: '/api/v1/listening/intent-corrections',
        headers: ws.owner.headers,
        payload: { messageId, intent: 'question' },
      });
      expect(corrected.statusCode, corrected.body).toBe(200);
    }
    const corrections = await pageThrough<{ messageId: string }>('/api/v1/listening/intent-corrections');
    expect(corrections.map((c) => c.messageId).sort()).toEqual([...conversation.messageIds].sort());
  });
});
