/**
 * A cursor is taken back only in the order it was given for: under another sort, another search,
 * or ranked where it was sorted (and the other way round), its position means nothing, and it used
 * to give an empty page, or the first page again, with a 200.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorkspace, json, testApp, type TestApp, type TestWorkspace } from '../../platform/testing/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

function get(ws: TestWorkspace, url: string) {
  return t.app.inject({ method: 'GET', url, headers: ws.owner.headers });
}

async function cursorOf(ws: TestWorkspace, url: string): Promise<string> {
  const response = await get(ws, url);
  expect(response.statusCode, response.body).toBe(200);
  const { nextCursor } = json<{ nextCursor: string | null }>(response);
  expect(nextCursor, url).not.toBeNull();
  return nextCursor!;
}

async function expectRefused(ws: TestWorkspace, url: string) {
  const response = await get(ws, url);
  expect(response.statusCode, url).toBe(400);
  expect(json<{ errors: { field: string; reason: string }[] }>(response).errors, url).toEqual([
    { field: 'cursor', reason: expect.stringContaining('another order of this list') },
  ]);
}

async function expectTaken(ws: TestWorkspace, url: string) {
  const response = await get(ws, url);
  expect(response.statusCode, url).toBe(200);
  expect(json<{ data: unknown[] }>(response).data.length, url).toBeGreaterThan(0);
}

async function create(ws: TestWorkspace, url: string, payload: object) {
  const response = await t.app.inject({ method: 'POST', url, headers: ws.owner.headers, payload });
  expect(response.statusCode, response.body).toBe(201);
}

describe('list cursors', () => {
  for (const list of ['contacts', 'companies'] as const) {
    it(`are refused by the ${list} list in another sort, another search, or ranked where sorted`, async () => {
      const ws = await buildWorkspace(t.db);
      for (const name of ['Smith Alpha', 'Smith Beta', 'Smith Gamma', 'Jones Delta', 'Jones Epsilon']) {
        await create(
          ws,
          `/api/v1/${list}`,
          list === 'contacts' ? { firstName: name.split(' ')[1], lastName: name.split(' ')[0] } : { name },
        );
      }
      const base = `/api/v1/${list}?limit=2`;
      const byCreation = await cursorOf(ws, `${base}&sort=createdAt`);
      await expectTaken(ws, `${base}&sort=createdAt&cursor=${byCreation}`);
      await expectRefused(ws, `${base}&sort=-updatedAt&cursor=${byCreation}`);
      await expectRefused(ws, `${base}&sort=name&cursor=${byCreation}`);
      await expectRefused(ws, `${base}&cursor=${byCreation}`);
      await expectRefused(ws, `${base}&q=smith&cursor=${byCreation}`);

      const ranked = await cursorOf(ws, `${base}&q=smith`);
      await expectTaken(ws, `${base}&q=SMITH&cursor=${ranked}`);
      await expectRefused(ws, `${base}&q=jones&cursor=${ranked}`);
      await expectRefused(ws, `${base}&q=smith&sort=name&cursor=${ranked}`);
      await expectRefused(ws, `${base}&cursor=${ranked}`);

      // A cursor given out before cursors named their order.
      const unmarked = Buffer.from(JSON.stringify({ v: 'jones delta', id: '00000000-0000-4000-8000-000000000000' })).toString('base64url');
      await expectRefused(ws, `${base}&cursor=${unmarked}`);
    });
  }

  it('are refused by the task list in another sort, also one a status implies', async () => {
    const ws = await buildWorkspace(t.db);
    for (const day of [1, 2, 3]) await create(ws, '/api/v1/tasks', { title: `Call ${day}`, dueAt: `2030-01-0${day}T09:00:00Z` });
    const byDue = await cursorOf(ws, '/api/v1/tasks?limit=1&sort=dueAt');
    await expectTaken(ws, `/api/v1/tasks?limit=1&cursor=${byDue}`);
    await expectRefused(ws, `/api/v1/tasks?limit=1&sort=createdAt&cursor=${byDue}`);
    await expectRefused(ws, `/api/v1/tasks?limit=1&sort=-dueAt&cursor=${byDue}`);
    await expectRefused(ws, `/api/v1/tasks?limit=1&status=done&cursor=${byDue}`);
  });

  it('page past the longest names a record may have, whatever their letters', async () => {
    const ws = await buildWorkspace(t.db);
    // A name's cursor holds the name: 200 letters of three bytes each, twice for a contact.
    const long = (letter: string) => letter.repeat(200);
    await create(ws, '/api/v1/contacts', { firstName: long('名'), lastName: long('前') });
    await create(ws, '/api/v1/contacts', { firstName: long('語'), lastName: long('前') });
    await create(ws, '/api/v1/companies', { name: long('名') });
    await create(ws, '/api/v1/companies', { name: long('語') });
    for (const list of ['contacts', 'companies']) {
      const cursor = await cursorOf(ws, `/api/v1/${list}?limit=1&sort=name`);
      await expectTaken(ws, `/api/v1/${list}?limit=1&sort=name&cursor=${cursor}`);
    }
  });
});
