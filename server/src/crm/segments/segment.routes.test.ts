import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorkspace, json, testApp, type TestApp } from '../../platform/testing/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

interface SegmentView {
  id: string;
  name: string;
  entity: string;
  filters: Record<string, unknown>;
  sort: string | null;
  ownerId: string | null;
  shared: boolean;
}

describe('segments (saved views)', () => {
  it('saves, lists, counts, changes and deletes views; shared ones are seen by all and changed by owner or admin', async () => {
    const ws = await buildWorkspace(t.db);
    const agent = await ws.member('agent');
    const admin = await ws.member('admin');
    const send = (method: 'POST' | 'PATCH' | 'DELETE' | 'GET', url: string, headers: Record<string, string>, payload?: object) =>
      t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
    for (const [firstName, lifecycleStage, tags] of [
      ['Ann', 'customer', ['vip']],
      ['Bob', 'customer', []],
      ['Cy', 'lead', ['vip']],
    ] as const) {
      expect((await send('POST', '/contacts', ws.owner.headers, { firstName, lifecycleStage, tags })).statusCode).toBe(201);
    }
    expect((await send('POST', '/companies', ws.owner.headers, { name: 'Initech', industry: 'Software' })).statusCode).toBe(201);
    expect((await send('POST', '/companies', ws.owner.headers, { name: 'Umbrella', industry: 'Pharma' })).statusCode).toBe(201);

    const created = await send('POST', '/segments', agent.headers, {
      name: 'VIP customers',
      entity: 'contact',
      filters: { stage: ['customer'], tag: ['vip'] },
      sort: '-createdAt',
      shared: true,
    });
    expect(created.statusCode, created.body).toBe(201);
    const vip = json<SegmentView>(created);
    expect(vip).toMatchObject({ name: 'VIP customers', entity: 'contact', sort: '-createdAt', shared: true, ownerId: agent.userId });
    const privateView = json<SegmentView>(
      await send('POST', '/segments', agent.headers, { name: 'My leads', entity: 'contact', filters: { stage: ['lead'] } }),
    );
    const companies = json<SegmentView>(
      await send('POST', '/segments', ws.owner.headers, { name: 'Software', entity: 'company', filters: { industry: 'software' } }),
    );

    expect(json<{ count: number }>(await send('GET', `/segments/${vip.id}/count`, ws.owner.headers))).toEqual({ count: 1 });
    expect(json<{ count: number }>(await send('GET', `/segments/${privateView.id}/count`, agent.headers))).toEqual({ count: 1 });
    expect(json<{ count: number }>(await send('GET', `/segments/${companies.id}/count`, ws.owner.headers))).toEqual({ count: 1 });
    const members = json<{ data: { firstName: string }[] }>(await send('GET', `/segments/${vip.id}/contacts`, ws.owner.headers));
    expect(members.data.map((c) => c.firstName)).toEqual(['Ann']);

    const mine = json<{ data: SegmentView[] }>(await send('GET', '/segments', agent.headers)).data.map((s) => s.name);
    expect(mine).toEqual(['My leads', 'VIP customers']);
    const ownerSees = json<{ data: SegmentView[] }>(await send('GET', '/segments?entity=contact', ws.owner.headers)).data;
    expect(ownerSees.map((s) => s.name)).toEqual(['VIP customers']);
    expect((await send('GET', `/segments/${privateView.id}`, ws.owner.headers)).statusCode).toBe(404);

    expect((await send('PATCH', `/segments/${vip.id}`, ws.owner.headers, { name: 'Top' })).statusCode).toBe(200);
    const viewer = await ws.member('viewer');
    expect((await send('PATCH', `/segments/${vip.id}`, viewer.headers, { name: 'Mine now' })).statusCode).toBe(403);
    const changed = await send('PATCH', `/segments/${vip.id}`, agent.headers, { filters: { stage: ['customer'] }, sort: null });
    expect(json<SegmentView>(changed)).toMatchObject({ name: 'Top', filters: { stage: ['customer'] }, sort: null });
    expect(json<{ count: number }>(await send('GET', `/segments/${vip.id}/count`, agent.headers))).toEqual({ count: 2 });
    expect((await send('DELETE', `/segments/${vip.id}`, viewer.headers)).statusCode).toBe(403);
    expect((await send('DELETE', `/segments/${vip.id}`, admin.headers)).statusCode).toBe(204);
    expect((await send('GET', `/segments/${vip.id}`, agent.headers)).statusCode).toBe(404);

    const audit = json<{ data: { type: string }[] }>(await send('GET', `/audit-log?subjectId=${vip.id}`, ws.owner.headers));
    expect(audit.data.map((e) => e.type)).toEqual(['segment.deleted', 'segment.changed', 'segment.changed', 'segment.created']);
  });

  it('rejects filters that the list of its entity does not have, naming the field', async () => {
    const ws = await buildWorkspace(t.db);
    const save = (entity: string, filters: object, extra: object = {}) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/segments',
        headers: ws.owner.headers,
        payload: { name: 'X', entity, filters, ...extra },
      });
    const cases: [string, object, string][] = [
      ['contact', { shoeSize: 9 }, 'filters.shoeSize'],
      ['contact', { industry: 'Software' }, 'filters.industry'],
      ['company', { stage: ['lead'] }, 'filters.stage'],
      ['contact', { stage: ['royalty'] }, 'filters.stage.0'],
      ['contact', { ownerId: 'nobody' }, 'filters.ownerId'],
      ['contact', { createdAfter: 'yesterday' }, 'filters.createdAfter'],
    ];
    for (const [entity, filters, field] of cases) {
      const response = await save(entity, filters);
      expect(response.statusCode, JSON.stringify(filters)).toBe(400);
      expect(json<{ errors: { field: string }[] }>(response).errors.map((e) => e.field)).toContain(field);
    }
    expect((await save('contact', {}, { sort: 'shoeSize' })).statusCode).toBe(400);
    // A name of spaces would be saved as an empty entry in the views menu.
    const blank = await save('contact', {}, { name: '   ' });
    expect(blank.statusCode, blank.body).toBe(400);
    expect(json<{ errors: { field: string }[] }>(blank).errors.map((e) => e.field)).toEqual(['name']);
    const kept = json<{ id: string }>(await save('contact', {}));
    const renamed = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/segments/${kept.id}`,
      headers: ws.owner.headers,
      payload: { name: ' \t ' },
    });
    expect(renamed.statusCode, renamed.body).toBe(400);
    expect(json<{ errors: { field: string }[] }>(renamed).errors.map((e) => e.field)).toEqual(['name']);
    expect((await save('deal', {})).statusCode).toBe(400);
    const other = await buildWorkspace(t.db);
    const theirs = json<{ id: string }>(await save('contact', {}, { shared: true }));
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/segments/${theirs.id}`, headers: other.owner.headers })).statusCode).toBe(
      404,
    );
  });

  it('lists views by name as readers expect, accented initials among their letters and either case together', async () => {
    const ws = await buildWorkspace(t.db);
    for (const name of ['zoe', 'Élodie', 'Zoë', 'anna', 'Émile', 'Bob']) {
      const saved = await t.app.inject({
        method: 'POST',
        url: '/api/v1/segments',
        headers: ws.owner.headers,
        payload: { name, entity: 'contact', filters: {} },
      });
      expect(saved.statusCode, saved.body).toBe(201);
    }
    const listed = json<{ data: SegmentView[] }>(await t.app.inject({ method: 'GET', url: '/api/v1/segments', headers: ws.owner.headers }));
    expect(listed.data.map((s) => s.name)).toEqual(['anna', 'Bob', 'Élodie', 'Émile', 'zoe', 'Zoë']);
  });
});
