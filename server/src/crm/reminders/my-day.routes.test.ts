import { beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../platform/context.js';
import { notify } from '../../platform/notifications/notification.service.js';
import { buildWorkspace, json, testApp, type Member, type TestApp } from '../../platform/testing/test-app.js';
import { addDays } from './calendar.js';
import { myDay } from './my-day.service.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

type Headers = Record<string, string>;
interface MyDayBody {
  overdue: { title: string }[];
  today: { title: string }[];
  upcoming: { title: string }[];
  dates: { contactName: string; kind: string; label: string | null; date: string; nextOccurrence: string; daysAway: number }[];
  notifications: number;
}

const send = (headers: Headers, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

async function create(headers: Headers, url: string, payload: object): Promise<{ id: string }> {
  const response = await send(headers, 'POST', url, payload);
  expect(response.statusCode, response.body).toBe(201);
  return json(response);
}

const titles = (list: { title: string }[]) => list.map((x) => x.title);
const HOUR = 3_600_000;

function ctxOf(workspaceId: string, member: Member): Ctx {
  return {
    workspaceId,
    db: t.db,
    requestId: 'test',
    actor: { kind: 'user', userId: member.userId, role: 'agent', recordScope: 'all', teamIds: [] },
  };
}

describe('my day', () => {
  it('groups my open tasks into overdue, today and the next 7 days, with dates coming up and unread notifications', async () => {
    const ws = await buildWorkspace(t.db);
    const agent = await ws.member('agent');
    const now = Date.now();
    const utcToday = new Date(now).toISOString().slice(0, 10);
    const task = (title: string, dueAt: number | null, extra: object = {}) =>
      create(ws.owner.headers, '/api/v1/tasks', { title, dueAt: dueAt === null ? null : new Date(dueAt).toISOString(), ...extra });
    await task('Overdue', now - 72 * HOUR);
    await task('Today', Date.parse(`${utcToday}T00:01:00Z`));
    await task('In three days', now + 72 * HOUR);
    await task('In ten days', now + 240 * HOUR);
    await task('Undated', null);
    await task('Not mine', now, { assigneeId: agent.userId });
    const done = await task('Done', now - 72 * HOUR);
    await send(ws.owner.headers, 'PATCH', `/api/v1/tasks/${done.id}`, { done: true });

    const inFive = addDays(utcToday, 5);
    await create(ws.owner.headers, '/api/v1/contacts', {
      firstName: 'Soon',
      importantDates: [
        { kind: 'birthday', date: `1980-${inFive.slice(5)}` },
        { kind: 'custom', date: addDays(utcToday, 40), label: 'Too far' },
      ],
    });
    await create(ws.owner.headers, '/api/v1/contacts', {
      firstName: 'Today',
      importantDates: [{ kind: 'renewal', date: utcToday, label: 'Renewal' }],
    });
    await create(agent.headers, '/api/v1/contacts', {
      firstName: 'Theirs',
      importantDates: [{ kind: 'birthday', date: `1970-${inFive.slice(5)}` }],
    });
    await notify(t.db, { workspaceId: ws.workspaceId, userId: ws.owner.userId, kind: 'test', title: 'Unread' });

    const response = await send(ws.owner.headers, 'GET', '/api/v1/my-day?tz=UTC');
    expect(response.statusCode, response.body).toBe(200);
    const day = json<MyDayBody>(response);
    expect(titles(day.overdue)).toEqual(['Overdue']);
    expect(titles(day.today)).toEqual(['Today']);
    expect(titles(day.upcoming)).toEqual(['In three days']);
    expect(day.dates.map((d) => [d.contactName, d.kind, d.label, d.daysAway])).toEqual([
      ['Today', 'renewal', 'Renewal', 0],
      ['Soon', 'birthday', null, 5],
      ['Theirs', 'birthday', null, 5],
    ]);
    expect(day.dates[1]!.nextOccurrence).toBe(inFive);
    expect(day.notifications).toBe(1);

    const limited = await ws.member('agent', { recordScope: 'own' });
    await create(limited.headers, '/api/v1/tasks', { title: 'Mine', dueAt: new Date(now + 72 * HOUR).toISOString() });
    const theirs = json<MyDayBody>(await send(limited.headers, 'GET', '/api/v1/my-day'));
    expect(titles(theirs.upcoming)).toEqual(['Mine']);
    expect(theirs.dates).toEqual([]);
    expect(theirs.notifications).toBe(0);
  });

  it('starts the day at midnight in the time zone asked for', async () => {
    const ws = await buildWorkspace(t.db);
    const me = ws.owner;
    // 20:00 UTC on 10 March is already 11 March in Tokyo (+09:00) and still the morning in Honolulu (-10:00).
    const now = new Date('2026-03-10T20:00:00Z');
    await create(me.headers, '/api/v1/tasks', { title: 'Tokyo morning', dueAt: '2026-03-10T16:00:00Z' });
    await create(me.headers, '/api/v1/tasks', { title: 'UTC afternoon', dueAt: '2026-03-10T14:00:00Z' });
    await create(me.headers, '/api/v1/tasks', { title: 'Late evening', dueAt: '2026-03-10T23:30:00Z' });

    const utc = await myDay(ctxOf(ws.workspaceId, me), 'UTC', now);
    expect([titles(utc.overdue), titles(utc.today), titles(utc.upcoming)]).toEqual([
      [],
      ['UTC afternoon', 'Tokyo morning', 'Late evening'],
      [],
    ]);
    const tokyo = await myDay(ctxOf(ws.workspaceId, me), 'Asia/Tokyo', now);
    expect([titles(tokyo.overdue), titles(tokyo.today), titles(tokyo.upcoming)]).toEqual([
      ['UTC afternoon'],
      ['Tokyo morning', 'Late evening'],
      [],
    ]);
    const honolulu = await myDay(ctxOf(ws.workspaceId, me), 'Pacific/Honolulu', now);
    expect([titles(honolulu.overdue), titles(honolulu.today), titles(honolulu.upcoming)]).toEqual([
      [],
      ['UTC afternoon', 'Tokyo morning', 'Late evening'],
      [],
    ]);
  });

  it('refuses a time zone it does not know, naming the field', async () => {
    const ws = await buildWorkspace(t.db);
    for (const tz of ['Mars/Olympus_Mons', 'x'.repeat(65), 'UTC;DROP']) {
      const response = await send(ws.owner.headers, 'GET', `/api/v1/my-day?tz=${encodeURIComponent(tz)}`);
      expect(response.statusCode, tz).toBe(400);
      expect(json<{ errors: { field: string }[] }>(response).errors[0]!.field).toMatch(/tz$/);
    }
    const unknownParam = await send(ws.owner.headers, 'GET', '/api/v1/my-day?when=today');
    expect(unknownParam.statusCode).toBe(400);
  });
});
