/**
 * A ranked company search pages through all its matches with the cursor, best first, as one big
 * page holds them: it used to answer one page and no cursor.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorkspace, json, testApp, type TestApp, type TestWorkspace } from '../../platform/testing/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

interface Page {
  data: { id: string }[];
  nextCursor: string | null;
}

async function pageOf(ws: TestWorkspace, url: string): Promise<Page> {
  const response = await t.app.inject({ method: 'GET', url, headers: ws.owner.headers });
  expect(response.statusCode, response.body).toBe(200);
  return json<Page>(response);
}

async function pagedIds(ws: TestWorkspace, q: string, limit: number): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 100; page++) {
    const url: string = `/api/v1/companies?q=${encodeURIComponent(q)}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`;
    const body = await pageOf(ws, url);
    ids.push(...body.data.map((company) => company.id));
    cursor = body.nextCursor;
    if (!cursor) return ids;
  }
  throw new Error(`The search for ${q} at limit ${limit} did not end`);
}

describe('a ranked company search in pages', () => {
  it('returns every match exactly once, in the order of one big page, by prefix and typo-tolerant', async () => {
    const ws = await buildWorkspace(t.db);
    // Ranks of every kind: many equal (the word once), higher (in the name and the industry), others apart.
    const companies = [
      ...Array.from({ length: 9 }, (_, i) => ({ name: `North${i} Logistics` })),
      ...Array.from({ length: 4 }, (_, i) => ({ name: `South${i} Logistics`, industry: 'Logistics', domains: [`logistics${i}.example`] })),
      ...Array.from({ length: 3 }, (_, i) => ({ name: `East${i} Freight`, industry: 'Logistics' })),
      ...Array.from({ length: 4 }, (_, i) => ({ name: `West${i} Software` })),
    ];
    for (const payload of companies) {
      const response = await t.app.inject({ method: 'POST', url: '/api/v1/companies', headers: ws.owner.headers, payload });
      expect(response.statusCode, response.body).toBe(201);
    }
    for (const q of ['logist', 'logistcs']) {
      const whole = await pageOf(ws, `/api/v1/companies?q=${q}&limit=500`);
      expect(whole.nextCursor, q).toBeNull();
      expect(whole.data, q).toHaveLength(16);
      const best = whole.data.map((company) => company.id);
      for (const limit of [1, 3, 7]) expect(await pagedIds(ws, q, limit), `${q} at limit ${limit}`).toEqual(best);
    }
  });
});
