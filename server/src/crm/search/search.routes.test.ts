import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorkspace, json, testApp, type TestApp, type TestWorkspace } from '../../platform/testing/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

interface Result {
  type: string;
  id: string;
  title: string;
  subtitle: string | null;
  score: number;
}

async function create(headers: Record<string, string>, url: string, payload: object): Promise<{ id: string }> {
  const response = await t.app.inject({ method: 'POST', url, headers, payload });
  expect(response.statusCode, response.body).toBe(201);
  return json<{ id: string }>(response);
}

async function search(ws: TestWorkspace, q: string, headers = ws.owner.headers): Promise<Result[]> {
  const response = await t.app.inject({ method: 'GET', url: `/api/v1/search?q=${encodeURIComponent(q)}`, headers });
  expect(response.statusCode, response.body).toBe(200);
  return json<{ data: Result[] }>(response).data;
}

describe('global search', () => {
  it('finds contacts and companies together, ranked, and tolerates typos', async () => {
    const ws = await buildWorkspace(t.db);
    const globex = await create(ws.owner.headers, '/api/v1/companies', {
      name: 'Globex Corporation',
      domains: ['globex.example'],
      industry: 'Energy',
    });
    const hank = await create(ws.owner.headers, '/api/v1/contacts', {
      firstName: 'Hank',
      lastName: 'Scorpio',
      title: 'CEO',
      companyId: globex.id,
      emails: [{ address: 'hank@globex.example' }],
    });
    const homer = await create(ws.owner.headers, '/api/v1/contacts', { firstName: 'Homer', lastName: 'Simpson' });

    const found = await search(ws, 'globex');
    expect(found.map((r) => [r.type, r.id])).toEqual([
      ['company', globex.id],
      ['contact', hank.id],
    ]);
    expect(found[0]).toMatchObject({ title: 'Globex Corporation', subtitle: 'Energy · globex.example' });
    expect(found[1]).toMatchObject({ title: 'Hank Scorpio', subtitle: 'CEO · Globex Corporation · hank@globex.example' });
    expect(found[0]!.score).toBeGreaterThanOrEqual(found[1]!.score);

    expect((await search(ws, 'scorpoi')).map((r) => r.id)).toEqual([hank.id]);
    expect((await search(ws, 'hom')).map((r) => r.id)).toEqual([homer.id]);
    expect((await search(ws, 'homer simpson'))[0]).toMatchObject({ type: 'contact', id: homer.id, subtitle: null });
    expect(await search(ws, '!!!')).toEqual([]);
    expect(await search(ws, 'zzzzqqq')).toEqual([]);

    const limited = await t.app.inject({ method: 'GET', url: '/api/v1/search?q=globex&limit=1', headers: ws.owner.headers });
    expect(json<{ data: Result[] }>(limited).data).toHaveLength(1);
    for (const url of ['/api/v1/search', '/api/v1/search?q=', '/api/v1/search?q=a&limit=0', '/api/v1/search?q=a&x=1']) {
      expect((await t.app.inject({ method: 'GET', url, headers: ws.owner.headers })).statusCode, url).toBe(400);
    }
  });

  it('finds a name through the one-letter typos people make: a letter missed, swapped or wrong', async () => {
    const ws = await buildWorkspace(t.db);
    const ada = await create(ws.owner.headers, '/api/v1/contacts', { firstName: 'Ada', lastName: 'Lovelace' });
    const alan = await create(ws.owner.headers, '/api/v1/contacts', { firstName: 'Alan', lastName: 'Turing' });
    const john = await create(ws.owner.headers, '/api/v1/contacts', { firstName: 'John', lastName: 'Smith' });
    const grace = await create(ws.owner.headers, '/api/v1/contacts', { firstName: 'Grace', lastName: 'Hopper' });
    const typos: [string, string][] = [
      ['lovlace', ada.id],
      ['lovelcae', ada.id],
      ['turnig', alan.id],
      ['smiht', john.id],
      ['grase hopper', grace.id],
    ];
    for (const [q, id] of typos) expect((await search(ws, q))[0]?.id, q).toBe(id);
    // Still nothing for words that are nobody's name.
    expect(await search(ws, 'zzzzqqq')).toEqual([]);
  });

  it('respects record access and workspaces', async () => {
    const ws = await buildWorkspace(t.db);
    const limited = await ws.member('agent', { recordScope: 'own' });
    const mine = await create(limited.headers, '/api/v1/contacts', { firstName: 'Wanda', lastName: 'Mine' });
    await create(ws.owner.headers, '/api/v1/contacts', { firstName: 'Wanda', lastName: 'Theirs' });
    await create(ws.owner.headers, '/api/v1/companies', { name: 'Wanda Works' });
    expect((await search(ws, 'wanda', limited.headers)).map((r) => r.id)).toEqual([mine.id]);
    expect(await search(ws, 'wanda')).toHaveLength(3);
    const other = await buildWorkspace(t.db);
    expect(await search(other, 'wanda')).toEqual([]);
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/search?q=wanda' });
    expect(anonymous.statusCode).toBe(401);
  });
});
