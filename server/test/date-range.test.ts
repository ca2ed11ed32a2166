/**
 * Dates the API takes are within the years 1 to 9999, in bodies, query strings and path
 * parameters alike: before, a year 0000 failed in the database (500) and a time past 9999 in UTC
 * was stored and answered as `+010000-…`.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorkspace, json, testApp, type TestApp, type TestWorkspace } from '../src/platform/testing/test-app.js';

let t: TestApp;
let ws: TestWorkspace;
beforeAll(async () => {
  t = await testApp();
  ws = await buildWorkspace(t.db);
});

interface Problem {
  status: number;
  errors: { field: string; reason: string }[];
}

async function problemOf(method: 'GET' | 'PATCH', url: string, payload?: object): Promise<Problem> {
  const response = await t.app.inject({ method, url, headers: ws.owner.headers, ...(payload ? { payload } : {}) });
  expect(response.statusCode, response.body).toBe(400);
  return json<Problem>(response);
}

describe('dates out of the years 1 to 9999', () => {
  const someId = '01a24f1d-2023-7f89-b458-052d8cd7a584';

  it.each([
    ['GET', '/api/v1/contacts?createdAfter=0000-01-01T00:00:00Z', 'createdAfter'],
    ['GET', '/api/v1/listening/mentions?from=0000-01-01T00:00:00Z', 'from'],
    ['GET', '/api/v1/tasks?dueAfter=0000-06-01T00:00:00Z', 'dueAfter'],
  ] as const)('%s %s answers 400 naming the parameter', async (method, url, field) => {
    const problem = await problemOf(method, url);
    expect(problem.errors).toEqual([expect.objectContaining({ field: expect.stringContaining(field) })]);
    expect(problem.errors[0]!.reason).toMatch(/years 1 to 9999/);
  });

  it('refuses a snooze that is already in the year 10000 in UTC', async () => {
    const problem = await problemOf('PATCH', `/api/v1/conversations/${someId}`, {
      status: 'snoozed',
      snoozedUntil: '9999-12-31T23:59:59-14:00',
    });
    expect(problem.errors).toEqual([expect.objectContaining({ field: 'snoozedUntil', reason: expect.stringMatching(/years 1 to 9999/) })]);
  });

  it('still takes the first and the last moments of the range, with any offset', async () => {
    for (const at of ['0001-01-01T00:00:00Z', '9999-12-31T23:59:59Z', '9999-12-31T23:59:59+14:00', '2026-01-31t09:00:00z']) {
      const response = await t.app.inject({
        method: 'GET',
        url: `/api/v1/contacts?createdAfter=${encodeURIComponent(at)}`,
        headers: ws.owner.headers,
      });
      expect(response.statusCode, `${at}: ${response.body}`).toBe(200);
    }
  });
});
