import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorkspace, json, testApp, type TestApp } from '../../platform/testing/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

type Headers = Record<string, string>;
interface CompanyBody {
  id: string;
  name: string;
  domains: string[];
  industry: string;
  size: string;
  ownerId: string | null;
  tags: string[];
  custom: Record<string, unknown>;
  contactCount: number;
}

const send = (headers: Headers, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
  t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

async function createCompany(headers: Headers, payload: object): Promise<CompanyBody> {
  const response = await send(headers, 'POST', '/api/v1/companies', payload);
  expect(response.statusCode, response.body).toBe(201);
  return json<CompanyBody>(response);
}

async function createContact(headers: Headers, payload: object): Promise<{ id: string; companyId: string | null }> {
  const response = await send(headers, 'POST', '/api/v1/contacts', payload);
  expect(response.statusCode, response.body).toBe(201);
  return json(response);
}

async function auditOf(headers: Headers, subjectId: string) {
  const response = await send(headers, 'GET', `/api/v1/audit-log?subjectId=${subjectId}`);
  return json<{ data: { type: string; data: Record<string, unknown> }[] }>(response).data;
}

describe('companies API', () => {
  it('creates, reads, changes and deletes a company, recording each change', async () => {
    const ws = await buildWorkspace(t.db);
    const company = await createCompany(ws.owner.headers, {
      name: '  Analytical Engines  ',
      domains: ['Analytical.EXAMPLE', 'analytical.example', 'bücher.example'],
      industry: 'Computing',
      size: '51-200',
      tags: ['key', 'KEY', 'partner'],
    });
    expect(company).toMatchObject({
      name: 'Analytical Engines',
      domains: ['analytical.example', 'xn--bcher-kva.example'],
      industry: 'Computing',
      size: '51-200',
      ownerId: ws.owner.userId,
      tags: ['key', 'partner'],
      contactCount: 0,
    });
    await createContact(ws.owner.headers, { firstName: 'Ada', companyId: company.id });

    const read = await send(ws.owner.headers, 'GET', `/api/v1/companies/${company.id}`);
    expect(json<CompanyBody>(read).contactCount).toBe(1);

    const changed = await send(ws.owner.headers, 'PATCH', `/api/v1/companies/${company.id}`, { size: '201-1000', industry: 'Hardware' });
    expect(changed.statusCode).toBe(200);
    expect(json(changed)).toMatchObject({ name: 'Analytical Engines', size: '201-1000', industry: 'Hardware', contactCount: 1 });

    const removed = await send(ws.owner.headers, 'DELETE', `/api/v1/companies/${company.id}`);
    expect(removed.statusCode).toBe(204);
    expect((await send(ws.owner.headers, 'GET', `/api/v1/companies/${company.id}`)).statusCode).toBe(404);

    const events = await auditOf(ws.owner.headers, company.id);
    expect(events.map((e) => e.type)).toEqual(['company.deleted', 'company.updated', 'company.created']);
    expect(events[1]!.data).toEqual({
      before: { size: '51-200', industry: 'Computing' },
      after: { size: '201-1000', industry: 'Hardware' },
    });
    expect(events[2]!.data.after).toMatchObject({ name: 'Analytical Engines' });
  });

  it('rejects bad input with a problem naming the field and writes nothing', async () => {
    const ws = await buildWorkspace(t.db);
    const other = await buildWorkspace(t.db);
    const cases: { payload: object; field: string }[] = [
      { payload: {}, field: 'name' },
      { payload: { name: 42 }, field: 'name' },
      { payload: { name: '   ' }, field: 'name' },
      { payload: { name: 'A', revenue: 9 }, field: 'revenue' },
      { payload: { name: 'A', domains: ['ok.example', 'https://acme.example/about'] }, field: 'domains.1' },
      { payload: { name: 'A', domains: 'acme.example' }, field: 'domains' },
      { payload: { name: 'A', size: 'huge' }, field: 'size' },
      { payload: { name: 'A', ownerId: other.owner.userId }, field: 'ownerId' },
      { payload: { name: 'A', ownerId: 'nobody' }, field: 'ownerId' },
      { payload: { name: 'A', teamId: '00000000-0000-4000-8000-000000000000' }, field: 'teamId' },
      { payload: { name: 'A', custom: { unknown_field: 'x' } }, field: 'custom.unknown_field' },
    ];
    for (const { payload, field } of cases) {
      const response = await send(ws.owner.headers, 'POST', '/api/v1/companies', payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      const problem = json<{ code: string; errors: { field: string }[] }>(response);
      expect(problem.code).toBe('validation_failed');
      expect(problem.errors.map((e) => e.field)).toContain(field);
    }
    const list = json<{ data: unknown[] }>(await send(ws.owner.headers, 'GET', '/api/v1/companies'));
    expect(list.data).toHaveLength(0);
    const badCursor = await send(
      ws.owner.headers,
      'GET',
      `/api/v1/companies?sort=createdAt&cursor=${Buffer.from('{"v":"x","id":"y"}').toString('base64url')}`,
    );
    expect(badCursor.statusCode).toBe(400);
  });

  it('refuses line breaks and control characters in its name, industry and tags, in words', async () => {
    const ws = await buildWorkspace(t.db);
    const reason = 'must be one line of text, without line breaks, tabs or other control characters';
    const cases: { payload: object; field: string }[] = [
      { payload: { name: 'Acme\nline2' }, field: 'name' },
      { payload: { name: 'Acme', industry: 'Retail\u2028' }, field: 'industry' },
      { payload: { name: 'Acme', tags: ['ok', 'b\tad'] }, field: 'tags.1' },
    ];
    for (const { payload, field } of cases) {
      const response = await send(ws.owner.headers, 'POST', '/api/v1/companies', payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(json<{ errors: { field: string; reason: string }[] }>(response).errors).toEqual([{ field, reason }]);
    }
    const acme = await createCompany(ws.owner.headers, { name: 'Acme — “Ünïcode” 株式会社' });
    const renamed = await send(ws.owner.headers, 'PATCH', `/api/v1/companies/${acme.id}`, { name: 'Acme\r\nInc' });
    expect(renamed.statusCode).toBe(400);
    expect(json<{ errors: { field: string; reason: string }[] }>(renamed).errors).toEqual([{ field: 'name', reason }]);
    expect(json<CompanyBody>(await send(ws.owner.headers, 'GET', `/api/v1/companies/${acme.id}`)).name).toBe('Acme — “Ünïcode” 株式会社');
  });

  it('validates custom values against the company field definitions', async () => {
    const ws = await buildWorkspace(t.db);
    const define = await send(ws.owner.headers, 'POST', '/api/v1/custom-fields', {
      entity: 'company',
      key: 'tier',
      label: 'Tier',
      type: 'select',
      options: ['gold', 'silver'],
    });
    expect(define.statusCode).toBe(201);
    expect((await createCompany(ws.owner.headers, { name: 'Gold Inc', custom: { tier: 'gold' } })).custom).toEqual({ tier: 'gold' });
    const bad = await send(ws.owner.headers, 'POST', '/api/v1/companies', { name: 'Tin Inc', custom: { tier: 'tin' } });
    expect(bad.statusCode).toBe(400);
    expect(json<{ errors: { field: string }[] }>(bad).errors.map((e) => e.field)).toEqual(['custom.tier']);
  });

  it('lists with filters, sorting and cursor pagination, finds by typo-tolerant search, and counts contacts', async () => {
    const ws = await buildWorkspace(t.db);
    const names = ['Zeta Logistics', 'Acme Rockets', 'Bücherwurm Verlag', 'Cobol Systems', 'Orbit Dynamics'];
    const ids: Record<string, string> = {};
    for (const [i, name] of names.entries()) {
      const company = await createCompany(ws.owner.headers, {
        name,
        industry: i % 2 ? 'Aerospace' : 'Software',
        tags: i < 2 ? ['key'] : [],
        domains: [`${name.split(' ')[0]!.toLowerCase().replace('ü', 'u')}.example`],
      });
      ids[name] = company.id;
    }
    await createContact(ws.owner.headers, { firstName: 'One', companyId: ids['Acme Rockets'] });
    await createContact(ws.owner.headers, { firstName: 'Two', companyId: ids['Acme Rockets'] });

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/companies?limit=2&sort=-name${cursor ? `&cursor=${cursor}` : ''}`;
      const page = json<{ data: CompanyBody[]; nextCursor: string | null }>(await send(ws.owner.headers, 'GET', url));
      seen.push(...page.data.map((c) => c.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...names].sort((a, b) => b.localeCompare(a)));

    const byCreation = json<{ data: CompanyBody[] }>(await send(ws.owner.headers, 'GET', '/api/v1/companies?sort=createdAt&limit=2'));
    expect(byCreation.data.map((c) => c.name)).toEqual(names.slice(0, 2));

    const filtered = json<{ data: CompanyBody[] }>(await send(ws.owner.headers, 'GET', '/api/v1/companies?tag=key&industry=aerospace'));
    expect(filtered.data.map((c) => [c.name, c.contactCount])).toEqual([['Acme Rockets', 2]]);
    const owned = json<{ data: CompanyBody[] }>(await send(ws.owner.headers, 'GET', `/api/v1/companies?ownerId=${ws.owner.userId}`));
    expect(owned.data).toHaveLength(5);

    const search = async (q: string) =>
      json<{ data: CompanyBody[] }>(await send(ws.owner.headers, 'GET', `/api/v1/companies?q=${encodeURIComponent(q)}`)).data.map(
        (c) => c.name,
      );
    expect((await search('rocket'))[0]).toBe('Acme Rockets');
    expect((await search('logistcs'))[0]).toBe('Zeta Logistics');
    expect((await search('bucherwurm'))[0]).toBe('Bücherwurm Verlag');
    expect((await search('cobol.example'))[0]).toBe('Cobol Systems');
    expect(await search('aerospace')).toHaveLength(2);
  });

  it('keeps contacts findable by their company name through a rename', async () => {
    const ws = await buildWorkspace(t.db);
    const company = await createCompany(ws.owner.headers, { name: 'Initech' });
    const contact = await createContact(ws.owner.headers, { firstName: 'Peter', lastName: 'Gibbons', companyId: company.id });
    const findContacts = async (q: string) =>
      json<{ data: { id: string }[] }>(await send(ws.owner.headers, 'GET', `/api/v1/contacts?q=${q}`)).data.map((c) => c.id);
    expect(await findContacts('initech')).toEqual([contact.id]);

    const renamed = await send(ws.owner.headers, 'PATCH', `/api/v1/companies/${company.id}`, { name: 'Intertrode' });
    expect(renamed.statusCode).toBe(200);
    expect(await findContacts('intertrode')).toEqual([contact.id]);
    expect(await findContacts('initech')).toEqual([]);
    expect(await findContacts('gibbons')).toEqual([contact.id]);
  });

  it('detaches contacts when a company is deleted, in the same change, and says so in the event', async () => {
    const ws = await buildWorkspace(t.db);
    const company = await createCompany(ws.owner.headers, { name: 'Doomed Ltd' });
    const kept = await createCompany(ws.owner.headers, { name: 'Survivor Ltd' });
    const a = await createContact(ws.owner.headers, { firstName: 'Anna', companyId: company.id });
    const b = await createContact(ws.owner.headers, { firstName: 'Ben', companyId: company.id });
    const c = await createContact(ws.owner.headers, { firstName: 'Cleo', companyId: kept.id });
    const companyNote = await send(ws.owner.headers, 'POST', '/api/v1/activities', {
      type: 'note',
      companyId: company.id,
      body: 'About Doomed',
    });
    const sharedNote = await send(ws.owner.headers, 'POST', '/api/v1/activities', {
      type: 'note',
      companyId: company.id,
      contactId: a.id,
      body: 'Anna at Doomed',
    });
    expect(companyNote.statusCode).toBe(201);
    expect(sharedNote.statusCode).toBe(201);

    expect((await send(ws.owner.headers, 'DELETE', `/api/v1/companies/${company.id}`)).statusCode).toBe(204);

    for (const contact of [a, b]) {
      const read = json<{ companyId: string | null; companyName: string | null }>(
        await send(ws.owner.headers, 'GET', `/api/v1/contacts/${contact.id}`),
      );
      expect(read).toMatchObject({ companyId: null, companyName: null });
    }
    expect(json<{ companyId: string }>(await send(ws.owner.headers, 'GET', `/api/v1/contacts/${c.id}`)).companyId).toBe(kept.id);
    expect(json<{ data: unknown[] }>(await send(ws.owner.headers, 'GET', '/api/v1/contacts?q=doomed')).data).toHaveLength(0);

    expect((await send(ws.owner.headers, 'GET', `/api/v1/activities/${json<{ id: string }>(companyNote).id}`)).statusCode).toBe(404);
    const survivor = json<{ contactId: string; companyId: string | null }>(
      await send(ws.owner.headers, 'GET', `/api/v1/activities/${json<{ id: string }>(sharedNote).id}`),
    );
    expect(survivor).toMatchObject({ contactId: a.id, companyId: null });

    const [deleted] = await auditOf(ws.owner.headers, company.id);
    expect(deleted!.type).toBe('company.deleted');
    expect((deleted!.data.detachedContactIds as string[]).sort()).toEqual([a.id, b.id].sort());
    expect(deleted!.data.deletedActivities).toBe(1);
    expect(deleted!.data.before).toMatchObject({ name: 'Doomed Ltd' });
  });

  it('limits members with record scope "own" to the companies they own', async () => {
    const ws = await buildWorkspace(t.db);
    const limited = await ws.member('agent', { recordScope: 'own' });
    const mine = await createCompany(limited.headers, { name: 'Mine Co' });
    const theirs = await createCompany(ws.owner.headers, { name: 'Theirs Co' });
    await createContact(ws.owner.headers, { firstName: 'Hidden', companyId: mine.id });
    await createContact(limited.headers, { firstName: 'Shown', companyId: mine.id });

    const list = json<{ data: CompanyBody[] }>(await send(limited.headers, 'GET', '/api/v1/companies'));
    expect(list.data.map((c) => [c.id, c.contactCount])).toEqual([[mine.id, 1]]);
    expect(json<CompanyBody>(await send(ws.owner.headers, 'GET', `/api/v1/companies/${mine.id}`)).contactCount).toBe(2);

    expect((await send(limited.headers, 'GET', `/api/v1/companies/${theirs.id}`)).statusCode).toBe(404);
    expect((await send(limited.headers, 'PATCH', `/api/v1/companies/${theirs.id}`, { name: 'Hijacked' })).statusCode).toBe(404);
    expect((await send(limited.headers, 'DELETE', `/api/v1/companies/${theirs.id}`)).statusCode).toBe(404);
    expect((await send(limited.headers, 'POST', '/api/v1/companies', { name: 'Gift', ownerId: ws.owner.userId })).statusCode).toBe(403);
    expect((await send(limited.headers, 'PATCH', `/api/v1/companies/${mine.id}`, { ownerId: ws.owner.userId })).statusCode).toBe(403);
    expect(json<CompanyBody>(await send(ws.owner.headers, 'GET', `/api/v1/companies/${theirs.id}`)).name).toBe('Theirs Co');
    expect(json<CompanyBody>(await send(ws.owner.headers, 'GET', `/api/v1/companies/${mine.id}`)).ownerId).toBe(limited.userId);
  });

  it('keeps workspaces apart and lets viewers read but not write', async () => {
    const ws = await buildWorkspace(t.db);
    const other = await buildWorkspace(t.db);
    const foreign = await createCompany(other.owner.headers, { name: 'Foreign AG' });
    expect((await send(ws.owner.headers, 'GET', `/api/v1/companies/${foreign.id}`)).statusCode).toBe(404);
    expect((await send(ws.owner.headers, 'PATCH', `/api/v1/companies/${foreign.id}`, { name: 'Mine now' })).statusCode).toBe(404);
    const contact = await send(ws.owner.headers, 'POST', '/api/v1/contacts', { firstName: 'X', companyId: foreign.id });
    expect(contact.statusCode).toBe(400);

    const viewer = await ws.member('viewer');
    expect((await send(viewer.headers, 'GET', '/api/v1/companies')).statusCode).toBe(200);
    expect((await send(viewer.headers, 'POST', '/api/v1/companies', { name: 'No' })).statusCode).toBe(403);
    const own = await createCompany(ws.owner.headers, { name: 'Readable' });
    expect((await send(viewer.headers, 'PATCH', `/api/v1/companies/${own.id}`, { name: 'No' })).statusCode).toBe(403);
    expect((await send(viewer.headers, 'DELETE', `/api/v1/companies/${own.id}`)).statusCode).toBe(403);
  });

  it('replays a create with the same Idempotency-Key', async () => {
    const ws = await buildWorkspace(t.db);
    const headers = { ...ws.owner.headers, 'idempotency-key': 'company-1' };
    const first = await send(headers, 'POST', '/api/v1/companies', { name: 'Once Ltd' });
    const second = await send(headers, 'POST', '/api/v1/companies', { name: 'Once Ltd' });
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(json(second)).toEqual(json(first));
    expect(json<{ data: unknown[] }>(await send(ws.owner.headers, 'GET', '/api/v1/companies')).data).toHaveLength(1);
  });
});
