/**
 * A ranked search pages through all its matches with the cursor, best first, as one big page holds
 * them: it used to answer one page and no cursor, so a caller paging missed every match past it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorkspace, json, testApp, type TestApp, type TestWorkspace } from '../../platform/testing/test-app.js';
import { createContacts } from './contact.service.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

interface Page {
  data: { id: string; displayName: string }[];
  nextCursor: string | null;
}

async function pageOf(ws: TestWorkspace, url: string): Promise<Page> {
  const response = await t.app.inject({ method: 'GET', url, headers: ws.owner.headers });
  expect(response.statusCode, response.body).toBe(200);
  return json<Page>(response);
}

/** The ids of every page of the search at `limit`, following the cursor; `between` runs after the first page. */
async function pagedIds(ws: TestWorkspace, q: string, limit: number, between?: () => Promise<void>): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 100; page++) {
    const url: string = `/api/v1/contacts?q=${encodeURIComponent(q)}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`;
    const body = await pageOf(ws, url);
    ids.push(...body.data.map((contact) => contact.id));
    cursor = body.nextCursor;
    if (!cursor) return ids;
    if (page === 0) await between?.();
  }
  throw new Error(`The search for ${q} at limit ${limit} did not end`);
}

/** A workspace whose contacts match `smith` with ranks of every kind: many equal, higher ones, others apart. */
async function searchedWorkspace(): Promise<TestWorkspace> {
  const ws = await buildWorkspace(t.db);
  const ctx = {
    workspaceId: ws.workspaceId,
    requestId: 'test',
    actor: { kind: 'user' as const, userId: ws.owner.userId, role: 'owner' as const, recordScope: 'all' as const, teamIds: [] },
    db: t.db,
  };
  await createContacts(ctx, [
    ...Array.from({ length: 14 }, (_, i) => ({ firstName: `Given${i}`, lastName: 'Smith' })),
    ...Array.from({ length: 5 }, (_, i) => ({
      firstName: `Twice${i}`,
      lastName: 'Smith',
      emails: [{ address: `smith.${i}@example.com` }],
    })),
    ...Array.from({ length: 4 }, (_, i) => ({ firstName: 'Smithers', lastName: `Other${i}` })),
    { firstName: 'Handle', lastName: 'Only', socialHandles: [{ network: 'mastodon' as const, handle: '@smithy@example.social' }] },
    ...Array.from({ length: 6 }, (_, i) => ({ firstName: `Unrelated${i}`, lastName: 'Jones' })),
  ]);
  return ws;
}

describe('a ranked contact search in pages', () => {
  it('returns every match exactly once, in the order of one big page, by prefix and typo-tolerant', async () => {
    const ws = await searchedWorkspace();
    for (const [q, matches] of [
      ['smith', 24],
      ['smiht', 24],
    ] as const) {
      const whole = await pageOf(ws, `/api/v1/contacts?q=${q}&limit=500`);
      expect(whole.nextCursor, q).toBeNull();
      expect(whole.data, q).toHaveLength(matches);
      const best = whole.data.map((contact) => contact.id);
      for (const limit of [1, 3, 7]) expect(await pagedIds(ws, q, limit), `${q} at limit ${limit}`).toEqual(best);
    }
  });

  it('keeps a typo-tolerant search typo-tolerant on its later pages, whatever was added since the first', async () => {
    const ws = await searchedWorkspace();
    const whole = (await pageOf(ws, '/api/v1/contacts?q=smiht&limit=500')).data.map((contact) => contact.id);
    let added = '';
    const paged = await pagedIds(ws, 'smiht', 3, async () => {
      // Now a contact matches as typed: a search starting now would select by prefix, finding only it.
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/contacts',
        headers: ws.owner.headers,
        payload: { firstName: 'Smihtley', lastName: 'Late' },
      });
      added = json<{ id: string }>(response).id;
    });
    expect(paged.filter((id) => id !== added)).toEqual(whole);
  });
});
