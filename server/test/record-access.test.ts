/**
 * Record-level access, tested like tenant isolation: a member limited to their own records probes
 * every CRM record route with a colleague's record ids and must neither see nor change them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { RouteInfo } from '../src/app.js';
import { buildWorkspace, testApp, type Member, type TestApp, type TestWorkspace } from '../src/platform/testing/test-app.js';
import { apiRoutes, probeBody, snapshot } from './isolation-support.js';
import { seedWorkspaceRecords } from './seed-records.js';

const RECORD_ROUTES = /^\/api\/v1\/(contacts|companies|activities|tasks|duplicates)(\/|$)/;

let t: TestApp;
let ws: TestWorkspace;
let limited: Member;
let colleagueIds: string[];
let secrets: string[];

beforeAll(async () => {
  t = await testApp();
  ws = await buildWorkspace(t.db);
  secrets = await seedWorkspaceRecords(t, ws);
  // The seeded records' events are handled now, so their follow-up work does not land mid-probe.
  await t.deps.relay.flush();
  limited = await ws.member('agent', { recordScope: 'own' });
  const { rows } = await t.db.query<{ id: string }>(
    `SELECT id::text FROM contacts WHERE workspace_id = $1
     UNION ALL SELECT id::text FROM companies WHERE workspace_id = $1`,
    [ws.workspaceId],
  );
  colleagueIds = rows.map((r) => r.id);
  const activities = await t.db
    .query<{ id: string }>(`SELECT id::text FROM activities WHERE workspace_id = $1`, [ws.workspaceId])
    .catch(() => ({ rows: [] as { id: string }[] }));
  colleagueIds.push(...activities.rows.map((r) => r.id));
  const duplicates = await t.db.query<{ id: string }>(`SELECT id::text FROM duplicate_candidates WHERE workspace_id = $1`, [
    ws.workspaceId,
  ]);
  expect(duplicates.rows.length, 'the seeded workspace has a duplicate pair to probe with').toBeGreaterThan(0);
  colleagueIds.push(...duplicates.rows.map((r) => r.id));
});

describe('record-level access (scope "own")', () => {
  it('cannot read, change or delete a colleague’s records through any record route', async () => {
    expect(colleagueIds.length).toBeGreaterThanOrEqual(1);
    const before = await snapshot(t.db, ws.workspaceId);
    const routes = apiRoutes(t).filter((r) => RECORD_ROUTES.test(r.url) && r.url.includes(':'));
    for (const route of routes) {
      for (const id of colleagueIds) {
        const url = route.url.replace(/:[a-zA-Z]+/g, id);
        const response = await t.app.inject({
          method: route.method as 'GET',
          url,
          headers: limited.headers,
          payload: probeBody(route.method),
        });
        expect(response.statusCode, `${route.method} ${route.url} answered ${response.statusCode}`).toBeGreaterThanOrEqual(400);
        expect(
          secrets.filter((s) => response.body.includes(s)),
          `${route.method} ${route.url} leaked`,
        ).toEqual([]);
      }
    }
    expect(await snapshot(t.db, ws.workspaceId)).toBe(before);
  });

  it('does not list a colleague’s records', async () => {
    // Routes that need query ids (a merge preview) are lookups, not lists: the suite above covers ids.
    const needsIds = (r: RouteInfo) => ((r.schema?.querystring as { required?: string[] } | undefined)?.required ?? []).length > 0;
    const routes = apiRoutes(t).filter((r) => RECORD_ROUTES.test(r.url) && r.method === 'GET' && !r.url.includes(':') && !needsIds(r));
    expect(routes.length).toBeGreaterThanOrEqual(1);
    for (const route of routes) {
      const response = await t.app.inject({ method: 'GET', url: route.url, headers: limited.headers });
      expect(response.statusCode).toBe(200);
      expect(
        secrets.filter((s) => response.body.includes(s)),
        `GET ${route.url} leaked`,
      ).toEqual([]);
    }
  });
});
