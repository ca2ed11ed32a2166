/**
 * Listening as its tests drive it, through the worker's shared test app as a workspace's owner: a
 * saved query, and posts heard through the ingest API (Mastodon statuses).
 */
import { expect } from 'vitest';
import { json, testApp, type TestWorkspace } from '../../platform/testing/test-app.js';

export async function saveQuery(ws: TestWorkspace, query: string, kind = 'brand'): Promise<string> {
  const { app } = await testApp();
  const saved = await app.inject({
    method: 'POST',
    url: '/api/v1/listening/queries',
    headers: ws.owner.headers,
    payload: { name: query, query, kind },
  });
  expect(saved.statusCode, saved.body).toBe(201);
  return json<{ id: string }>(saved).id;
}

export async function hear(ws: TestWorkspace, statuses: readonly Record<string, unknown>[]): Promise<void> {
  const { app } = await testApp();
  const content = statuses.map((status) => JSON.stringify(status)).join('\n');
  const ingested = await app.inject({
    method: 'POST',
    url: '/api/v1/ingest/files',
    headers: ws.owner.headers,
    payload: { format: 'mastodon', content },
  });
  expect(ingested.statusCode, ingested.body).toBe(200);
}
