/**
 * The arrivals' candidate contacts, normalised once per version and kept in the process: an
 * unchanged contact met again is served as it was, any change to it, to its company or to the workspace's
 * identifier fields is normalised again.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Queryable } from '../../platform/db/db.js';
import { buildWorkspace, testApp, type TestApp, type TestWorkspace } from '../../platform/testing/test-app.js';
import { createContact } from '../testing/arrivals.js';
import { candidateContacts } from './arrival.repo.js';
import { candidatePeople } from './candidate-people.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

async function peopleOf(ws: TestWorkspace, ids: string[], identifierFields: string[] = []) {
  return t.db.transaction((tx) => candidatePeople(tx, ws.workspaceId, ids, identifierFields));
}

async function personOf(ws: TestWorkspace, id: string, identifierFields: string[] = []) {
  return (await peopleOf(ws, [id], identifierFields)).get(id)!;
}

async function patch(ws: TestWorkspace, url: string, payload: object): Promise<void> {
  const response = await t.app.inject({ method: 'PATCH', url, headers: ws.owner.headers, payload });
  expect(response.statusCode, response.body).toBe(200);
}

describe('candidate people', () => {
  it('serves an unchanged contact as normalised before, and normalises a changed one again', async () => {
    const ws = await buildWorkspace(t.db);
    const id = await createContact(t, ws.owner.headers, {
      firstName: 'Ana',
      lastName: 'Berg',
      emails: [{ address: 'ana.berg@posteo.de' }],
    });
    const first = await personOf(ws, id);
    expect(first).toMatchObject({ id, given: 'ana', family: 'berg', emails: ['ana.berg@posteo.de'] });
    // Kept from the second sighting (candidate-people.cache.ts).
    const kept = await personOf(ws, id);
    expect(kept).toEqual(first);
    expect(await personOf(ws, id)).toBe(kept);

    await patch(ws, `/api/v1/contacts/${id}`, { lastName: 'Lindqvist' });
    const changed = await personOf(ws, id);
    expect(changed).toMatchObject({ given: 'ana', family: 'lindqvist' });
    expect(await personOf(ws, id)).toBe(changed);
  });

  it('normalises again after a write that leaves the update time as it was', async () => {
    const ws = await buildWorkspace(t.db);
    const id = await createContact(t, ws.owner.headers, { firstName: 'Oksana', lastName: 'Petrenko' });
    expect(await personOf(ws, id)).toMatchObject({ family: 'petrenko' });
    await t.db.query(`UPDATE contacts SET last_name = 'Shevchenko' WHERE workspace_id = $1 AND id = $2`, [ws.workspaceId, id]);
    expect(await personOf(ws, id)).toMatchObject({ family: 'shevchenko' });
  });

  it('normalises again when the contact’s company is renamed', async () => {
    const ws = await buildWorkspace(t.db);
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/companies', headers: ws.owner.headers, payload: { name: 'Acme' } });
    const companyId = (JSON.parse(created.body) as { id: string }).id;
    const id = await createContact(t, ws.owner.headers, { firstName: 'Kai', lastName: 'Moreau', companyId });
    expect(await personOf(ws, id)).toMatchObject({ company: 'acme' });
    await patch(ws, `/api/v1/companies/${companyId}`, { name: 'Globex' });
    expect(await personOf(ws, id)).toMatchObject({ company: 'globex' });
    // A write to the company alone, the contact's row untouched.
    await t.db.query(`UPDATE companies SET name = 'Initech' WHERE workspace_id = $1 AND id = $2`, [ws.workspaceId, companyId]);
    expect(await personOf(ws, id)).toMatchObject({ company: 'initech' });
  });

  it('never serves a person normalised under other identifier fields', async () => {
    const ws = await buildWorkspace(t.db);
    const id = await createContact(t, ws.owner.headers, { firstName: 'Mo', lastName: 'Keller' });
    await t.db.query(`UPDATE contacts SET custom = '{"customer_no": "C-1042"}' WHERE workspace_id = $1 AND id = $2`, [ws.workspaceId, id]);
    expect(await personOf(ws, id, ['customer_no'])).toMatchObject({ nationalId: 'c1042' });
    expect(await personOf(ws, id, [])).toMatchObject({ nationalId: null });
    expect(await personOf(ws, id, ['customer_no'])).toMatchObject({ nationalId: 'c1042' });
  });

  it('leaves out contacts that no longer exist, and those of another workspace', async () => {
    const ws = await buildWorkspace(t.db);
    const other = await buildWorkspace(t.db);
    const kept = await createContact(t, ws.owner.headers, { firstName: 'Lea', lastName: 'Novak' });
    const deleted = await createContact(t, ws.owner.headers, { firstName: 'Ivo', lastName: 'Horvat' });
    expect([...(await peopleOf(ws, [kept, deleted])).keys()].sort()).toEqual([kept, deleted].sort());
    const response = await t.app.inject({ method: 'DELETE', url: `/api/v1/contacts/${deleted}`, headers: ws.owner.headers });
    expect(response.statusCode, response.body).toBe(204);
    expect([...(await peopleOf(ws, [kept, deleted])).keys()]).toEqual([kept]);
    expect((await peopleOf(other, [kept])).size).toBe(0);
  });

  it('reads the candidates through the contacts’ primary key, however many contacts the workspace holds', async () => {
    const ws = await buildWorkspace(t.db);
    const { rows } = await t.db.query<{ id: string }>(
      `INSERT INTO contacts (workspace_id, id, first_name, display_name)
       SELECT $1, gen_random_uuid(), 'p' || g, 'p' || g FROM generate_series(1, 5000) AS g RETURNING id`,
      [ws.workspaceId],
    );
    await t.db.exec('ANALYZE contacts');
    const plan: string[] = [];
    const explaining: Queryable = {
      async query<Row>(sql: string, params?: readonly unknown[]) {
        const explained = await t.db.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`, params);
        plan.push(...explained.rows.map((row) => row['QUERY PLAN']));
        return { rows: [] as Row[], rowCount: 0 };
      },
    };
    const ids = rows.slice(0, 3).map((row) => row.id);
    await candidateContacts(explaining, ws.workspaceId, ids, [null, '1/1', null]);
    expect(plan.join('\n')).toContain('contacts_pkey');
  });
});
