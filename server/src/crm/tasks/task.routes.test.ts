import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorkspace, json, testApp, type TestApp } from '../../platform/testing/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

type Headers = Record<string, string>;
interface TaskBody {
  id: string;
  title: string;
  notes: string;
  dueAt: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
  contactId: string | null;
  contactName: string | null;
  companyId: string | null;
  companyName: string | null;
  done: boolean;
  doneAt: string | null;
}

const send = (headers: Headers, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
  t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

async function create<T = { id: string }>(headers: Headers, url: string, payload: object): Promise<T> {
  const response = await send(headers, 'POST', url, payload);
  expect(response.statusCode, response.body).toBe(201);
  return json<T>(response);
}

const task = (headers: Headers, payload: object) => create<TaskBody>(headers, '/api/v1/tasks', payload);

/** Every page of a task list, two at a time. */
async function tasks(headers: Headers, query: string): Promise<TaskBody[]> {
  const all: TaskBody[] = [];
  let cursor: string | null = null;
  do {
    const response = await send(headers, 'GET', `/api/v1/tasks?${query}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
    expect(response.statusCode, response.body).toBe(200);
    const page: { data: TaskBody[]; nextCursor: string | null } = json(response);
    all.push(...page.data);
    cursor = page.nextCursor;
  } while (cursor);
  return all;
}

describe('tasks API', () => {
  it('creates, completes, reopens and deletes a task, recording each change', async () => {
    const ws = await buildWorkspace(t.db);
    const company = await create(ws.owner.headers, '/api/v1/companies', { name: 'Acme' });
    const contact = await create(ws.owner.headers, '/api/v1/contacts', { firstName: 'Ada', lastName: 'Lovelace', companyId: company.id });
    const created = await task(ws.owner.headers, {
      title: '  Send the proposal ',
      notes: 'Include the discount.',
      dueAt: '2026-05-01T09:00:00Z',
      contactId: contact.id,
      companyId: company.id,
    });
    expect(created).toMatchObject({
      title: 'Send the proposal',
      notes: 'Include the discount.',
      dueAt: '2026-05-01T09:00:00.000Z',
      assigneeId: ws.owner.userId,
      assigneeName: 'Olive Owner',
      contactName: 'Ada Lovelace',
      companyName: 'Acme',
      done: false,
      doneAt: null,
    });

    const done = await send(ws.owner.headers, 'PATCH', `/api/v1/tasks/${created.id}`, { done: true });
    expect(done.statusCode).toBe(200);
    const doneTask = json<TaskBody>(done);
    expect(doneTask.done).toBe(true);
    expect(Math.abs(Date.parse(doneTask.doneAt!) - Date.now())).toBeLessThan(60_000);
    const again = json<TaskBody>(
      await send(ws.owner.headers, 'PATCH', `/api/v1/tasks/${created.id}`, { done: true, title: 'Proposal sent' }),
    );
    expect(again.doneAt).toBe(doneTask.doneAt);
    const reopened = json<TaskBody>(await send(ws.owner.headers, 'PATCH', `/api/v1/tasks/${created.id}`, { done: false }));
    expect(reopened).toMatchObject({ done: false, doneAt: null, title: 'Proposal sent' });

    const timeline = json<{ data: { id: string; type: string; subject: string; dueAt: string }[] }>(
      await send(ws.owner.headers, 'GET', `/api/v1/activities?contactId=${contact.id}&type=task`),
    );
    expect(timeline.data).toMatchObject([{ id: created.id, type: 'task', subject: 'Proposal sent', dueAt: '2026-05-01T09:00:00.000Z' }]);

    expect((await send(ws.owner.headers, 'DELETE', `/api/v1/tasks/${created.id}`)).statusCode).toBe(204);
    expect((await send(ws.owner.headers, 'GET', `/api/v1/tasks/${created.id}`)).statusCode).toBe(404);

    const audit = json<{ data: { type: string; data: Record<string, Record<string, unknown>> }[] }>(
      await send(ws.owner.headers, 'GET', `/api/v1/audit-log?subjectId=${created.id}`),
    ).data;
    expect(audit.map((e) => e.type)).toEqual([
      'task.deleted',
      'task.updated',
      'task.updated',
      'task.completed',
      'task.updated',
      'task.created',
    ]);
    expect(audit[4]!.data.after).toMatchObject({ done: true });
    expect(audit[2]!.data).toEqual({ before: { title: 'Send the proposal' }, after: { title: 'Proposal sent' } });
  });

  it('lists done tasks most recently completed first, and sorts by completion, due date or creation, page by page', async () => {
    const ws = await buildWorkspace(t.db);
    const day = (n: number) => `2026-03-${String(n).padStart(2, '0')}T12:00:00.000Z`;
    // Completed in another order than they were due or created in, one of them twice at the same instant.
    const done = [
      ['Early', day(1), day(20)],
      ['Middle', day(2), day(22)],
      ['Late', day(3), day(21)],
      ['Undated', null, day(22)],
    ] as const;
    for (const [title, dueAt, doneAt] of done) {
      const created = await task(ws.owner.headers, { title, dueAt });
      await send(ws.owner.headers, 'PATCH', `/api/v1/tasks/${created.id}`, { done: true });
      await t.db.query('UPDATE activities SET done_at = $1 WHERE workspace_id = $2 AND id = $3', [doneAt, ws.workspaceId, created.id]);
    }
    await task(ws.owner.headers, { title: 'Open', dueAt: day(4) });
    const titles = (list: TaskBody[]) => list.map((x) => x.title);
    const [middle, undated] = (await tasks(ws.owner.headers, 'status=done&sort=-doneAt')).slice(0, 2);
    const tied = [middle!, undated!].sort((x, y) => (x.id < y.id ? 1 : -1)).map((x) => x.title);
    expect(titles(await tasks(ws.owner.headers, 'status=done'))).toEqual([...tied, 'Late', 'Early']);
    expect(titles(await tasks(ws.owner.headers, 'status=done&sort=doneAt'))).toEqual(['Early', 'Late', ...tied.reverse()]);
    expect(titles(await tasks(ws.owner.headers, 'status=done&sort=dueAt'))).toEqual(['Early', 'Middle', 'Late', 'Undated']);
    expect(titles(await tasks(ws.owner.headers, 'status=done&sort=-createdAt'))).toEqual(['Undated', 'Late', 'Middle', 'Early']);
    // Open tasks have no completion: last whichever way completion sorts.
    expect(titles(await tasks(ws.owner.headers, 'status=all&sort=-doneAt')).at(-1)).toBe('Open');
    expect(titles(await tasks(ws.owner.headers, 'status=all&sort=doneAt')).at(-1)).toBe('Open');
    expect((await send(ws.owner.headers, 'GET', '/api/v1/tasks?sort=completed')).statusCode).toBe(400);
  });

  it('lists by assignee, record, status and due date, sorted and paged, with undated tasks last', async () => {
    const ws = await buildWorkspace(t.db);
    const agent = await ws.member('agent');
    const acme = await create(ws.owner.headers, '/api/v1/companies', { name: 'Acme' });
    const wile = await create(ws.owner.headers, '/api/v1/contacts', { firstName: 'Wile', companyId: acme.id });
    const day = (n: number) => `2026-03-${String(n).padStart(2, '0')}T12:00:00.000Z`;
    const a = await task(ws.owner.headers, { title: 'A', dueAt: day(3) });
    const b = await task(ws.owner.headers, { title: 'B', dueAt: day(1), contactId: wile.id });
    const c = await task(ws.owner.headers, { title: 'C', dueAt: null, companyId: acme.id });
    const d = await task(ws.owner.headers, { title: 'D', dueAt: day(2), assigneeId: agent.userId });
    const e = await task(ws.owner.headers, { title: 'E', dueAt: day(5) });
    await send(ws.owner.headers, 'PATCH', `/api/v1/tasks/${e.id}`, { done: true });

    const titles = (list: TaskBody[]) => list.map((x) => x.title);
    expect(titles(await tasks(ws.owner.headers, 'sort=dueAt'))).toEqual(['B', 'D', 'A', 'C']);
    expect(titles(await tasks(ws.owner.headers, ''))).toEqual(['B', 'D', 'A', 'C']);
    expect(titles(await tasks(ws.owner.headers, 'sort=-dueAt'))).toEqual(['A', 'D', 'B', 'C']);
    expect(titles(await tasks(ws.owner.headers, 'sort=createdAt&status=all'))).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(titles(await tasks(ws.owner.headers, 'sort=-createdAt&status=all'))).toEqual(['E', 'D', 'C', 'B', 'A']);
    expect(titles(await tasks(ws.owner.headers, 'status=done'))).toEqual(['E']);
    expect(titles(await tasks(ws.owner.headers, `assigneeId=${agent.userId}`))).toEqual(['D']);
    expect(titles(await tasks(ws.owner.headers, `contactId=${wile.id}`))).toEqual(['B']);
    expect(titles(await tasks(ws.owner.headers, `companyId=${acme.id}`))).toEqual(['B', 'C']);
    expect(titles(await tasks(ws.owner.headers, `dueAfter=${day(2)}&dueBefore=${encodeURIComponent(day(5))}`))).toEqual(['D', 'A']);
    expect([a, b, c, d].every((x) => x.done === false)).toBe(true);

    const unassigned = await task(ws.owner.headers, { title: 'Anyone', assigneeId: null });
    expect(unassigned).toMatchObject({ assigneeId: null, assigneeName: null });
  });

  it("lists everyone's tasks by assignee (me, a colleague, nobody) and due window in the caller's days", async () => {
    const ws = await buildWorkspace(t.db);
    const agent = await ws.member('agent');
    const at = (offsetDays: number, hour = 12) => {
      const day = new Date(Date.now() + offsetDays * 86_400_000);
      return `${day.toISOString().slice(0, 10)}T${String(hour).padStart(2, '0')}:00:00.000Z`;
    };
    const late = await task(ws.owner.headers, { title: 'Late', dueAt: at(-3) });
    const doneLate = await task(ws.owner.headers, { title: 'Done late', dueAt: at(-3) });
    await send(ws.owner.headers, 'PATCH', `/api/v1/tasks/${doneLate.id}`, { done: true });
    await task(ws.owner.headers, { title: 'Today early', dueAt: at(0, 0) });
    await task(ws.owner.headers, { title: 'Today late', dueAt: at(0, 23) });
    await task(agent.headers, { title: 'Theirs, soon', dueAt: at(40) });
    await task(ws.owner.headers, { title: 'Nobody', assigneeId: null });
    await task(ws.owner.headers, { title: 'Undated' });

    const titles = async (query: string, headers = ws.owner.headers) => (await tasks(headers, query)).map((x) => x.title);
    expect(await titles('status=open')).toEqual(['Late', 'Today early', 'Today late', 'Theirs, soon', 'Nobody', 'Undated']);
    expect(await titles('assigneeId=me')).toEqual(['Late', 'Today early', 'Today late', 'Undated']);
    expect(await titles('assigneeId=me', agent.headers)).toEqual(['Theirs, soon']);
    expect(await titles(`assigneeId=${agent.userId}`)).toEqual(['Theirs, soon']);
    expect(await titles('assigneeId=unassigned')).toEqual(['Nobody']);
    expect(await titles('due=overdue&tz=UTC')).toEqual(['Late']);
    // A done task is no longer overdue, whatever the status asked for.
    expect(await titles('due=overdue&status=all')).toEqual(['Late']);
    expect(await titles('due=today&tz=UTC')).toEqual(['Today early', 'Today late']);
    expect(await titles('due=none&status=all')).toEqual(['Nobody', 'Undated']);
    expect(await titles('due=thisWeek&assigneeId=me&status=all')).toEqual(
      (await tasks(ws.owner.headers, 'assigneeId=me&status=all'))
        .filter((x) => {
          if (!x.dueAt) return false;
          const monday = new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
          monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
          const due = Date.parse(x.dueAt);
          return due >= monday.getTime() && due < monday.getTime() + 7 * 86_400_000;
        })
        .map((x) => x.title),
    );
    expect(late.assigneeId).toBe(ws.owner.userId);

    for (const [query, field] of [
      ['due=tomorrow', 'due'],
      ['due=today&tz=Mars/Olympus', 'tz'],
      ['assigneeId=someone', 'assigneeId'],
    ] as const) {
      const response = await send(ws.owner.headers, 'GET', `/api/v1/tasks?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(json<{ errors: { field: string }[] }>(response).errors.map((e) => e.field.replace(/^querystring\./, ''))).toContain(field);
    }
  });

  it('rejects bad input with a problem naming the field and writes nothing', async () => {
    const ws = await buildWorkspace(t.db);
    const other = await buildWorkspace(t.db);
    const foreignContact = await create(other.owner.headers, '/api/v1/contacts', { firstName: 'Foreign' });
    const cases: { payload: object; field: string }[] = [
      { payload: {}, field: 'title' },
      { payload: { title: 42 }, field: 'title' },
      { payload: { title: '   ' }, field: 'title' },
      { payload: { title: 'x', priority: 'high' }, field: 'priority' },
      { payload: { title: 'x', dueAt: 'tomorrow' }, field: 'dueAt' },
      // 2026 typed without its century: it read back as no date and failed every task list.
      { payload: { title: 'x', dueAt: '0026-12-06T10:00:00Z' }, field: 'dueAt' },
      { payload: { title: 'x', dueAt: '0999-12-06T10:00:00Z' }, field: 'dueAt' },
      { payload: { title: 'x', done: true }, field: 'done' },
      { payload: { title: 'x', assigneeId: other.owner.userId }, field: 'assigneeId' },
      { payload: { title: 'x', assigneeId: 'me' }, field: 'assigneeId' },
      { payload: { title: 'x', contactId: foreignContact.id }, field: 'contactId' },
      { payload: { title: 'x', companyId: '00000000-0000-4000-8000-000000000000' }, field: 'companyId' },
      { payload: { title: 'x', notes: 'x'.repeat(100_001) }, field: 'notes' },
    ];
    for (const { payload, field } of cases) {
      const response = await send(ws.owner.headers, 'POST', '/api/v1/tasks', payload);
      expect(response.statusCode, JSON.stringify(payload).slice(0, 200)).toBe(400);
      const problem = json<{ code: string; errors: { field: string }[] }>(response);
      expect(problem.code).toBe('validation_failed');
      expect(problem.errors.map((e) => e.field)).toContain(field);
    }
    expect(await tasks(ws.owner.headers, 'status=all')).toHaveLength(0);

    const kept = await task(ws.owner.headers, { title: 'Keep' });
    for (const { payload, field } of [
      { payload: { done: 'yes' }, field: 'done' },
      { payload: { title: '' }, field: 'title' },
      { payload: { dueAt: '0026-12-06T10:00:00+01:00' }, field: 'dueAt' },
      { payload: { assigneeId: other.owner.userId }, field: 'assigneeId' },
      { payload: { contactId: foreignContact.id }, field: 'contactId' },
    ]) {
      const response = await send(ws.owner.headers, 'PATCH', `/api/v1/tasks/${kept.id}`, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(json<{ errors: { field: string }[] }>(response).errors.map((e) => e.field)).toContain(field);
    }
    expect(json<TaskBody>(await send(ws.owner.headers, 'GET', `/api/v1/tasks/${kept.id}`))).toMatchObject({
      title: 'Keep',
      dueAt: null,
      assigneeId: ws.owner.userId,
      contactId: null,
      done: false,
    });
    const myDay = await send(ws.owner.headers, 'GET', '/api/v1/my-day');
    expect(myDay.statusCode, myDay.body).toBe(200);
  });

  it('limits members with record scope "own" to tasks on records they may see and tasks given to them', async () => {
    const ws = await buildWorkspace(t.db);
    const limited = await ws.member('agent', { recordScope: 'own' });
    const mine = await create(limited.headers, '/api/v1/contacts', { firstName: 'Mine' });
    const theirs = await create(ws.owner.headers, '/api/v1/contacts', { firstName: 'Theirs' });
    const myTask = await task(limited.headers, { title: 'Mine', contactId: mine.id });
    const theirTask = await task(ws.owner.headers, { title: 'Theirs', contactId: theirs.id });
    const theirTodo = await task(ws.owner.headers, { title: 'Their to-do' });
    const givenToMe = await task(ws.owner.headers, { title: 'For you', contactId: theirs.id, assigneeId: limited.userId });

    expect((await tasks(limited.headers, 'status=all')).map((x) => x.id).sort()).toEqual([myTask.id, givenToMe.id].sort());
    // Nor do the filters of the task list widen it: nobody's tasks and a colleague's stay those on records they may see.
    const unassignedMine = await task(limited.headers, { title: 'Nobody, mine', contactId: mine.id, assigneeId: null });
    await task(ws.owner.headers, { title: 'Nobody, theirs', contactId: theirs.id, assigneeId: null });
    expect((await tasks(limited.headers, 'assigneeId=unassigned&status=all')).map((x) => x.id)).toEqual([unassignedMine.id]);
    expect((await tasks(limited.headers, `assigneeId=${ws.owner.userId}&status=all`)).map((x) => x.title)).toEqual([]);
    expect((await tasks(limited.headers, 'due=none&status=all')).map((x) => x.id).sort()).toEqual(
      [myTask.id, givenToMe.id, unassignedMine.id].sort(),
    );
    for (const id of [theirTask.id, theirTodo.id]) {
      expect((await send(limited.headers, 'GET', `/api/v1/tasks/${id}`)).statusCode).toBe(404);
      expect((await send(limited.headers, 'PATCH', `/api/v1/tasks/${id}`, { done: true })).statusCode).toBe(404);
      expect((await send(limited.headers, 'DELETE', `/api/v1/tasks/${id}`)).statusCode).toBe(404);
    }
    expect((await send(limited.headers, 'PATCH', `/api/v1/tasks/${givenToMe.id}`, { done: true })).statusCode).toBe(200);
    const sneaky = await send(limited.headers, 'POST', '/api/v1/tasks', { title: 'x', contactId: theirs.id });
    expect(sneaky.statusCode).toBe(400);
    expect(json<{ errors: { field: string }[] }>(sneaky).errors.map((e) => e.field)).toEqual(['contactId']);
    expect(json<TaskBody>(await send(ws.owner.headers, 'GET', `/api/v1/tasks/${theirTask.id}`)).done).toBe(false);
  });

  it('lets viewers read tasks but not write them', async () => {
    const ws = await buildWorkspace(t.db);
    const viewer = await ws.member('viewer');
    const existing = await task(ws.owner.headers, { title: 'Read only' });
    expect((await tasks(viewer.headers, 'status=open')).map((x) => x.id)).toEqual([existing.id]);
    expect((await send(viewer.headers, 'POST', '/api/v1/tasks', { title: 'No' })).statusCode).toBe(403);
    expect((await send(viewer.headers, 'PATCH', `/api/v1/tasks/${existing.id}`, { done: true })).statusCode).toBe(403);
    expect((await send(viewer.headers, 'DELETE', `/api/v1/tasks/${existing.id}`)).statusCode).toBe(403);
  });
});
