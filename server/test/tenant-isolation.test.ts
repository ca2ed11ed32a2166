/**
 * Proves one workspace can never read or change another's data, through every API route the app
 * serves: routes added by any domain are covered without editing this file.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorkspace, json, testApp, type TestApp, type TestWorkspace } from '../src/platform/testing/test-app.js';
import { apiRoutes, probeBody, queryIdParams, recordIds, snapshot } from './isolation-support.js';
import { seedWorkspaceRecords } from './seed-records.js';

let t: TestApp;
let victim: TestWorkspace;
let intruder: TestWorkspace;
let victimIds: string[];
let secrets: string[];

beforeAll(async () => {
  t = await testApp();
  victim = await buildWorkspace(t.db);
  intruder = await buildWorkspace(t.db);
  secrets = await seedWorkspaceRecords(t, victim);
  await seedWorkspaceRecords(t, intruder);
  await t.deps.relay.flush();
  victimIds = await recordIds(t.db, victim.workspaceId);
});

function leaks(body: string): string[] {
  return [...victimIds, ...secrets].filter((needle) => body.includes(needle));
}

describe('tenant isolation', () => {
  it('has records of many kinds to probe with', () => {
    expect(victimIds.length).toBeGreaterThan(5);
  });

  it('never serves or changes another workspace’s records through any route with an id', async () => {
    const before = await snapshot(t.db, victim.workspaceId);
    const routes = apiRoutes(t).filter((r) => r.url.includes(':'));
    expect(routes.length).toBeGreaterThan(5);
    for (const route of routes) {
      for (const id of victimIds) {
        const url = route.url.replace(/:[a-zA-Z]+/g, id);
        const response = await t.app.inject({
          method: route.method as 'GET',
          url,
          headers: intruder.owner.headers,
          payload: probeBody(route.method),
        });
        expect(
          response.statusCode,
          `${route.method} ${route.url} with a foreign id answered ${response.statusCode}`,
        ).toBeGreaterThanOrEqual(400);
        expect(leaks(response.body), `${route.method} ${route.url} leaked`).toEqual([]);
      }
    }
    expect(await snapshot(t.db, victim.workspaceId)).toBe(before);
  });

  it('never lists another workspace’s records, even when filtering by their ids', async () => {
    const routes = apiRoutes(t).filter((r) => r.method === 'GET' && !r.url.includes(':') && r.url !== '/api/v1/events');
    for (const route of routes) {
      const plain = await t.app.inject({ method: 'GET', url: route.url, headers: intruder.owner.headers });
      expect(leaks(plain.body), `GET ${route.url} leaked`).toEqual([]);
      for (const param of queryIdParams(route)) {
        for (const id of victimIds) {
          const filtered = await t.app.inject({ method: 'GET', url: `${route.url}?${param}=${id}`, headers: intruder.owner.headers });
          expect(leaks(filtered.body), `GET ${route.url}?${param}= leaked`).toEqual([]);
        }
      }
    }
  });

  it('cannot point its own records at another workspace’s records', async () => {
    const before = await snapshot(t.db, victim.workspaceId);
    const foreign = victimIds[0]!;
    const attempts = [
      { url: '/api/v1/contacts', payload: { firstName: 'X', companyId: foreign } },
      { url: '/api/v1/contacts', payload: { firstName: 'X', ownerId: victim.owner.userId } },
      { url: '/api/v1/teams', payload: { name: 'Spies', memberIds: [victim.owner.userId] } },
    ];
    for (const attempt of attempts) {
      const response = await t.app.inject({ method: 'POST', url: attempt.url, headers: intruder.owner.headers, payload: attempt.payload });
      expect(response.statusCode, JSON.stringify(attempt)).toBe(400);
    }
    expect(await snapshot(t.db, victim.workspaceId)).toBe(before);
    const session = json<{ workspace: { id: string } }>(
      await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: intruder.owner.headers }),
    );
    expect(session.workspace.id).toBe(intruder.workspaceId);
  });
});
