/** Saving a listening query: what the API refuses, naming the field. */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorkspace, json, testApp, type TestApp } from '../../platform/testing/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

describe('saved query names', () => {
  it('refuses a name of spaces only, on create and on change, naming the field', async () => {
    const ws = await buildWorkspace(t.db);
    const blank = await t.app.inject({
      method: 'POST',
      url: '/api/v1/listening/queries',
      headers: ws.owner.headers,
      payload: { name: '   ', query: 'acme', kind: 'brand' },
    });
    expect(blank.statusCode, blank.body).toBe(400);
    expect(blank.headers['content-type']).toContain('application/problem+json');
    expect(json<{ errors: { field: string }[] }>(blank).errors).toEqual([{ field: 'name', reason: 'must not be blank' }]);

    const saved = await t.app.inject({
      method: 'POST',
      url: '/api/v1/listening/queries',
      headers: ws.owner.headers,
      payload: { name: ' Acme ', query: 'acme', kind: 'brand' },
    });
    expect(saved.statusCode, saved.body).toBe(201);
    const { id, name } = json<{ id: string; name: string }>(saved);
    expect(name).toBe('Acme');
    const renamed = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/listening/queries/${id}`,
      headers: ws.owner.headers,
      payload: { name: '\t ' },
    });
    expect(renamed.statusCode, renamed.body).toBe(400);
    expect(json<{ errors: { field: string }[] }>(renamed).errors).toEqual([{ field: 'name', reason: 'must not be blank' }]);
  });
});
