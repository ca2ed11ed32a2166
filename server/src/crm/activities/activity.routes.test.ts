import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorkspace, json, testApp, type TestApp } from '../../platform/testing/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

type Headers = Record<string, string>;
interface ActivityBody {
  id: string;
  type: string;
  contactId: string | null;
  companyId: string | null;
  subject: string;
  body: string;
  occurredAt: string;
  durationMinutes: number | null;
  direction: string | null;
  authorId: string | null;
  authorName: string | null;
  systemEvent: string | null;
  data: Record<string, unknown>;
}
type Page = { data: ActivityBody[]; nextCursor: string | null };

const send = (headers: Headers, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
  t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

async function create<T = { id: string }>(headers: Headers, url: string, payload: object): Promise<T> {
  const response = await send(headers, 'POST', url, payload);
  expect(response.statusCode, response.body).toBe(201);
  return json<T>(response);
}

const log = (headers: Headers, payload: object) => create<ActivityBody>(headers, '/api/v1/activities', payload);

async function timeline(headers: Headers, query: string): Promise<ActivityBody[]> {
  const all: ActivityBody[] = [];
  let cursor: string | null = null;
  do {
    const response = await send(headers, 'GET', `/api/v1/activities?${query}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
    expect(response.statusCode, response.body).toBe(200);
    const page: Page = json<Page>(response);
    all.push(...page.data);
    cursor = page.nextCursor;
  } while (cursor);
  return all;
}

describe('activities API', () => {
  it("logs notes, calls, meetings and e-mails and shows a contact's timeline newest first", async () => {
    const ws = await buildWorkspace(t.db);
    const ada = await create(ws.owner.headers, '/api/v1/contacts', { firstName: 'Ada' });
    const call = await log(ws.owner.headers, {
      type: 'call',
      contactId: ada.id,
      subject: 'Discovery call',
      body: 'Wants the analytics add-on.',
      occurredAt: '2026-01-10T09:00:00.123456Z',
      durationMinutes: 25,
      direction: 'out',
    });
    expect(call).toMatchObject({
      type: 'call',
      contactId: ada.id,
      companyId: null,
      subject: 'Discovery call',
      occurredAt: '2026-01-10T09:00:00.123Z',
      durationMinutes: 25,
      direction: 'out',
      authorId: ws.owner.userId,
      authorName: 'Olive Owner',
      systemEvent: null,
      data: {},
    });
    await log(ws.owner.headers, { type: 'note', contactId: ada.id, body: 'Prefers e-mail.', occurredAt: '2026-01-12T09:00:00Z' });
    await log(ws.owner.headers, {
      type: 'meeting',
      contactId: ada.id,
      subject: 'Demo',
      durationMinutes: 60,
      occurredAt: '2026-01-11T09:00:00Z',
    });
    await log(ws.owner.headers, {
      type: 'email',
      contactId: ada.id,
      subject: 'Proposal',
      direction: 'in',
      occurredAt: '2026-01-11T09:00:00Z',
    });
    const now = await log(ws.owner.headers, { type: 'note', contactId: ada.id, subject: 'Just now' });
    expect(Math.abs(Date.parse(now.occurredAt) - Date.now())).toBeLessThan(60_000);

    const entries = await timeline(ws.owner.headers, `contactId=${ada.id}`);
    expect(entries.map((e) => e.subject || e.body)).toEqual(['Just now', 'Prefers e-mail.', 'Proposal', 'Demo', 'Discovery call']);
    const calls = await timeline(ws.owner.headers, `contactId=${ada.id}&type=call&type=meeting`);
    expect(calls.map((e) => e.type)).toEqual(['meeting', 'call']);

    const changed = await send(ws.owner.headers, 'PATCH', `/api/v1/activities/${call.id}`, { durationMinutes: 30, direction: null });
    expect(changed.statusCode).toBe(200);
    expect(json(changed)).toMatchObject({ durationMinutes: 30, direction: null, subject: 'Discovery call' });
    expect((await send(ws.owner.headers, 'DELETE', `/api/v1/activities/${call.id}`)).statusCode).toBe(204);
    expect((await send(ws.owner.headers, 'GET', `/api/v1/activities/${call.id}`)).statusCode).toBe(404);

    const audit = json<{ data: { type: string; data: Record<string, Record<string, unknown>> }[] }>(
      await send(ws.owner.headers, 'GET', `/api/v1/audit-log?subjectId=${call.id}`),
    ).data;
    expect(audit.map((e) => e.type)).toEqual(['activity.deleted', 'activity.updated', 'activity.created']);
    expect(audit[1]!.data).toEqual({ before: { durationMinutes: 25, direction: 'out' }, after: { durationMinutes: 30, direction: null } });
  });

  it("shows on a company's timeline its own entries and its contacts', once each", async () => {
    const ws = await buildWorkspace(t.db);
    const acme = await create(ws.owner.headers, '/api/v1/companies', { name: 'Acme' });
    const other = await create(ws.owner.headers, '/api/v1/companies', { name: 'Other' });
    const wile = await create(ws.owner.headers, '/api/v1/contacts', { firstName: 'Wile', companyId: acme.id });
    const road = await create(ws.owner.headers, '/api/v1/contacts', { firstName: 'Road', companyId: other.id });
    const at = (day: number) => `2026-02-${String(day).padStart(2, '0')}T10:00:00Z`;
    await log(ws.owner.headers, { type: 'note', companyId: acme.id, body: 'company only', occurredAt: at(1) });
    await log(ws.owner.headers, { type: 'note', contactId: wile.id, body: 'contact only', occurredAt: at(2) });
    await log(ws.owner.headers, { type: 'note', contactId: wile.id, companyId: acme.id, body: 'both', occurredAt: at(3) });
    await log(ws.owner.headers, { type: 'note', contactId: road.id, body: 'elsewhere', occurredAt: at(4) });
    await log(ws.owner.headers, { type: 'note', contactId: road.id, companyId: acme.id, body: 'road about acme', occurredAt: at(5) });

    const entries = await timeline(ws.owner.headers, `companyId=${acme.id}`);
    expect(entries.map((e) => e.body)).toEqual(['road about acme', 'both', 'contact only', 'company only']);
    const feed = await timeline(ws.owner.headers, 'type=note');
    expect(feed).toHaveLength(5);

    const both = await send(ws.owner.headers, 'GET', `/api/v1/activities?contactId=${wile.id}&companyId=${acme.id}`);
    expect(both.statusCode).toBe(400);
    const unknown = await send(ws.owner.headers, 'GET', '/api/v1/activities?companyId=00000000-0000-4000-8000-000000000000');
    expect(unknown.statusCode).toBe(404);
  });

  it('rejects bad input with a problem naming the field and writes nothing', async () => {
    const ws = await buildWorkspace(t.db);
    const other = await buildWorkspace(t.db);
    const contact = await create(ws.owner.headers, '/api/v1/contacts', { firstName: 'Valid' });
    const foreignContact = await create(other.owner.headers, '/api/v1/contacts', { firstName: 'Foreign' });
    const foreignCompany = await create(other.owner.headers, '/api/v1/companies', { name: 'Foreign' });
    const on = { contactId: contact.id };
    const cases: { payload: object; field: string }[] = [
      { payload: { ...on, body: 'x' }, field: 'type' },
      { payload: { ...on, type: 'task', body: 'x' }, field: 'type' },
      { payload: { ...on, type: 'system', body: 'x' }, field: 'type' },
      { payload: { ...on, type: 'note', body: 42 }, field: 'body' },
      { payload: { ...on, type: 'note', body: 'x'.repeat(100_001) }, field: 'body' },
      { payload: { ...on, type: 'note', body: 'x', mood: 'happy' }, field: 'mood' },
      { payload: { ...on, type: 'note' }, field: 'body' },
      { payload: { ...on, type: 'note', body: 'x', direction: 'in' }, field: 'direction' },
      { payload: { ...on, type: 'call', direction: 'sideways' }, field: 'direction' },
      { payload: { ...on, type: 'note', body: 'x', durationMinutes: 5 }, field: 'durationMinutes' },
      { payload: { ...on, type: 'call', durationMinutes: '5' }, field: 'durationMinutes' },
      { payload: { ...on, type: 'call', durationMinutes: -1 }, field: 'durationMinutes' },
      { payload: { ...on, type: 'call', occurredAt: 'yesterday' }, field: 'occurredAt' },
      // 1999 typed without its century: it was stored as 0099 and read back as 1999.
      { payload: { ...on, type: 'call', occurredAt: '0099-06-01T00:00:00Z' }, field: 'occurredAt' },
      { payload: { ...on, type: 'call', occurredAt: '1899-12-31T23:59:59Z' }, field: 'occurredAt' },
      { payload: { type: 'note', body: 'x' }, field: 'contactId' },
      { payload: { type: 'note', body: 'x', contactId: 'abc' }, field: 'contactId' },
      { payload: { type: 'note', body: 'x', contactId: '00000000-0000-4000-8000-000000000000' }, field: 'contactId' },
      { payload: { type: 'note', body: 'x', contactId: foreignContact.id }, field: 'contactId' },
      { payload: { type: 'note', body: 'x', companyId: foreignCompany.id }, field: 'companyId' },
    ];
    for (const { payload, field } of cases) {
      const response = await send(ws.owner.headers, 'POST', '/api/v1/activities', payload);
      expect(response.statusCode, JSON.stringify(payload).slice(0, 200)).toBe(400);
      const problem = json<{ code: string; errors: { field: string }[] }>(response);
      expect(problem.code).toBe('validation_failed');
      expect(problem.errors.map((e) => e.field)).toContain(field);
    }
    expect(await timeline(ws.owner.headers, 'type=note&type=call')).toHaveLength(0);

    const note = await log(ws.owner.headers, { ...on, type: 'note', body: 'keep me' });
    const badPatches: { payload: object; field: string }[] = [
      { payload: { type: 'call' }, field: 'type' },
      { payload: { contactId: foreignContact.id }, field: 'contactId' },
      { payload: { contactId: null }, field: 'contactId' },
      { payload: { body: '' }, field: 'body' },
      { payload: { occurredAt: '0026-12-06T10:00:00Z' }, field: 'occurredAt' },
    ];
    for (const { payload, field } of badPatches) {
      const response = await send(ws.owner.headers, 'PATCH', `/api/v1/activities/${note.id}`, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(json<{ errors: { field: string }[] }>(response).errors.map((e) => e.field)).toContain(field);
    }
    expect(json<ActivityBody>(await send(ws.owner.headers, 'GET', `/api/v1/activities/${note.id}`))).toMatchObject({
      body: 'keep me',
      contactId: contact.id,
    });
    const badCursor = await send(
      ws.owner.headers,
      'GET',
      `/api/v1/activities?cursor=${Buffer.from('{"v":"soon","id":"x"}').toString('base64url')}`,
    );
    expect(badCursor.statusCode).toBe(400);
  });

  it('lets only its author or an admin change a note, and any agent change a call', async () => {
    const ws = await buildWorkspace(t.db);
    const author = await ws.member('agent');
    const colleague = await ws.member('agent');
    const admin = await ws.member('admin');
    const contact = await create(ws.owner.headers, '/api/v1/contacts', { firstName: 'Shared' });
    const note = await log(author.headers, { type: 'note', contactId: contact.id, body: 'mine' });
    const call = await log(author.headers, { type: 'call', contactId: contact.id, subject: 'call' });

    expect((await send(colleague.headers, 'PATCH', `/api/v1/activities/${note.id}`, { body: 'edited' })).statusCode).toBe(403);
    expect((await send(colleague.headers, 'DELETE', `/api/v1/activities/${note.id}`)).statusCode).toBe(403);
    expect((await send(colleague.headers, 'PATCH', `/api/v1/activities/${call.id}`, { subject: 'Call back' })).statusCode).toBe(200);
    expect((await send(author.headers, 'PATCH', `/api/v1/activities/${note.id}`, { body: 'mine, edited' })).statusCode).toBe(200);
    expect((await send(admin.headers, 'PATCH', `/api/v1/activities/${note.id}`, { subject: 'Moderated' })).statusCode).toBe(200);
    expect(json<ActivityBody>(await send(colleague.headers, 'GET', `/api/v1/activities/${note.id}`))).toMatchObject({
      subject: 'Moderated',
      body: 'mine, edited',
    });
    expect((await send(admin.headers, 'DELETE', `/api/v1/activities/${note.id}`)).statusCode).toBe(204);

    const task = await create(author.headers, '/api/v1/tasks', { title: 'Follow up', contactId: contact.id });
    const viaActivities = await send(author.headers, 'PATCH', `/api/v1/activities/${task.id}`, { subject: 'x' });
    expect(viaActivities.statusCode).toBe(409);
    expect(json<{ code: string }>(viaActivities).code).toBe('use_tasks_api');
  });

  it('limits members with record scope "own" to entries about records they may see', async () => {
    const ws = await buildWorkspace(t.db);
    const limited = await ws.member('agent', { recordScope: 'own' });
    const mine = await create(limited.headers, '/api/v1/contacts', { firstName: 'Mine' });
    const theirs = await create(ws.owner.headers, '/api/v1/contacts', { firstName: 'Theirs' });
    const theirCompany = await create(ws.owner.headers, '/api/v1/companies', { name: 'Their Co' });
    const myNote = await log(limited.headers, { type: 'note', contactId: mine.id, body: 'visible' });
    const theirNote = await log(ws.owner.headers, { type: 'note', contactId: theirs.id, body: 'hidden' });
    const theirCompanyNote = await log(ws.owner.headers, { type: 'note', companyId: theirCompany.id, body: 'hidden too' });
    // About my contact at their company: my contact decides.
    const mixed = await log(ws.owner.headers, { type: 'call', contactId: mine.id, companyId: theirCompany.id, subject: 'mixed' });

    const feed = await timeline(limited.headers, 'type=note&type=call');
    expect(feed.map((e) => e.id).sort()).toEqual([myNote.id, mixed.id].sort());
    for (const id of [theirNote.id, theirCompanyNote.id]) {
      expect((await send(limited.headers, 'GET', `/api/v1/activities/${id}`)).statusCode).toBe(404);
      expect((await send(limited.headers, 'PATCH', `/api/v1/activities/${id}`, { body: 'hijacked' })).statusCode).toBe(404);
      expect((await send(limited.headers, 'DELETE', `/api/v1/activities/${id}`)).statusCode).toBe(404);
    }
    expect((await send(limited.headers, 'GET', `/api/v1/activities?contactId=${theirs.id}`)).statusCode).toBe(404);
    expect((await send(limited.headers, 'GET', `/api/v1/activities?companyId=${theirCompany.id}`)).statusCode).toBe(404);
    const sneaky = await send(limited.headers, 'POST', '/api/v1/activities', { type: 'note', contactId: theirs.id, body: 'x' });
    expect(sneaky.statusCode).toBe(400);
    expect(json<{ errors: { field: string }[] }>(sneaky).errors.map((e) => e.field)).toEqual(['contactId']);
    const moved = await send(limited.headers, 'PATCH', `/api/v1/activities/${myNote.id}`, { contactId: theirs.id });
    expect(moved.statusCode).toBe(400);
    expect(json<ActivityBody>(await send(ws.owner.headers, 'GET', `/api/v1/activities/${theirNote.id}`)).body).toBe('hidden');
  });

  it('lets viewers read timelines but not write them', async () => {
    const ws = await buildWorkspace(t.db);
    const viewer = await ws.member('viewer');
    const contact = await create(ws.owner.headers, '/api/v1/contacts', { firstName: 'Read' });
    const note = await log(ws.owner.headers, { type: 'note', contactId: contact.id, body: 'read me' });
    expect((await timeline(viewer.headers, `contactId=${contact.id}`)).map((e) => e.id)).toEqual([note.id]);
    expect((await send(viewer.headers, 'POST', '/api/v1/activities', { type: 'note', contactId: contact.id, body: 'no' })).statusCode).toBe(
      403,
    );
    expect((await send(viewer.headers, 'PATCH', `/api/v1/activities/${note.id}`, { body: 'no' })).statusCode).toBe(403);
    expect((await send(viewer.headers, 'DELETE', `/api/v1/activities/${note.id}`)).statusCode).toBe(403);
  });

  it("deletes a contact's timeline with the contact", async () => {
    const ws = await buildWorkspace(t.db);
    const contact = await create(ws.owner.headers, '/api/v1/contacts', { firstName: 'Gone' });
    const note = await log(ws.owner.headers, { type: 'note', contactId: contact.id, body: 'bye' });
    expect((await send(ws.owner.headers, 'DELETE', `/api/v1/contacts/${contact.id}`)).statusCode).toBe(204);
    expect((await send(ws.owner.headers, 'GET', `/api/v1/activities/${note.id}`)).statusCode).toBe(404);
  });
});
