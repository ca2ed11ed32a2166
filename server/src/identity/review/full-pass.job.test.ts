/** The full pass queued by an import that leaves a workspace without a fit of its own, through the importer and the job runner. */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorkspace, json, testApp, type TestApp, type TestWorkspace } from '../../platform/testing/test-app.js';
import type { PersonRecord } from '../matching/index.js';
import { distinctPeople } from '../matching/testing/distinct-people.js';
import { settle } from '../testing/arrivals.js';
import { PERSON_MAPPING, peopleCsv } from '../testing/people-csv.js';
import { FIT_FROM_CONTACTS } from './full-pass.job.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

const NAME_FIELDS = new Set(['given', 'family', 'emailName']);

/** Imports the people as a CSV file the way the web app does, then lets events and jobs run out. */
async function importPeople(ws: TestWorkspace, people: readonly PersonRecord[]): Promise<void> {
  const { csv: content } = peopleCsv(people);
  const uploaded = await t.app.inject({
    method: 'POST',
    url: '/api/v1/imports',
    headers: ws.owner.headers,
    payload: { format: 'csv', fileName: 'people.csv', content },
  });
  expect(uploaded.statusCode, uploaded.body).toBe(201);
  const { id } = json<{ id: string }>(uploaded);
  const payload = { mapping: PERSON_MAPPING, allowPartial: false };
  const started = await t.app.inject({ method: 'POST', url: `/api/v1/imports/${id}/start`, headers: ws.owner.headers, payload });
  expect(started.statusCode, started.body).toBe(202);
  await settle(t);
  const report = json<{ status: string; imported: number }>(
    await t.app.inject({ method: 'GET', url: `/api/v1/imports/${id}`, headers: ws.owner.headers }),
  );
  expect(report).toMatchObject({ status: 'done', imported: people.length });
}

async function openPairsOnNamesAlone(workspaceId: string): Promise<number> {
  const { rows } = await t.db.query<{ evidence: { field: string; weight: number }[] }>(
    `SELECT evidence FROM duplicate_candidates WHERE workspace_id = $1 AND status = 'open'`,
    [workspaceId],
  );
  return rows.filter((pair) => !pair.evidence.some((item) => item.weight > 0 && !NAME_FIELDS.has(item.field))).length;
}

async function fittedOn(workspaceId: string): Promise<number | null> {
  const { rows } = await t.db.query<{ contacts: number }>('SELECT contacts FROM identity_match_models WHERE workspace_id = $1', [
    workspaceId,
  ]);
  return rows[0]?.contacts ?? null;
}

describe('the full pass after an import', () => {
  it('matches an import of 2,000 different people with a fit of their own: no pair queued on names alone', async () => {
    const ws = await buildWorkspace(t.db);
    await importPeople(ws, distinctPeople(2_000, 1, 7));
    expect(await openPairsOnNamesAlone(ws.workspaceId)).toBe(0);
    expect(await fittedOn(ws.workspaceId)).toBe(2_000);
    const { rows: keys } = await t.db.query<{ count: number }>(
      'SELECT count(DISTINCT contact_id)::int AS count FROM contact_match_keys WHERE workspace_id = $1',
      [ws.workspaceId],
    );
    expect(keys[0]!.count).toBe(2_000);
  }, 120_000);

  it('leaves a small workspace with the prior, which proposes namesakes for a look', async () => {
    const ws = await buildWorkspace(t.db);
    // The first people drawn are the namesakes: "John Smith" five times, "Mary Johnson" three times…
    await importPeople(ws, distinctPeople(40, 0, 7));
    expect(40).toBeLessThan(FIT_FROM_CONTACTS);
    expect(await fittedOn(ws.workspaceId)).toBeNull();
    expect(await openPairsOnNamesAlone(ws.workspaceId)).toBeGreaterThan(0);
  });
});
