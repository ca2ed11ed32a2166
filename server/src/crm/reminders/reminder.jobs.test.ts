/**
 * Reminder sweeps run inline through the app's job runner at chosen moments. The moments lie in
 * the past, so only the one-off runs these tests queue are due (and other suites' recurring timers
 * sharing the database stay untouched).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { enqueueJob } from '../../platform/jobs/job.js';
import { createJobRunner } from '../../platform/jobs/runner.js';
import { createLogger } from '../../platform/observability/logger.js';
import { buildWorkspace, json, testApp, type Member, type TestApp } from '../../platform/testing/test-app.js';
import { runImportJob } from '../imports/import.job.js';
import { dueTaskRemindersJob, importantDateRemindersJob, reminderJobs } from './reminder.jobs.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

type Headers = Record<string, string>;
interface NotificationBody {
  kind: string;
  title: string;
  body: string;
  subjectType: string | null;
  subjectId: string | null;
}

const send = (headers: Headers, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

async function create(headers: Headers, url: string, payload: object): Promise<{ id: string }> {
  const response = await send(headers, 'POST', url, payload);
  expect(response.statusCode, response.body).toBe(201);
  return json(response);
}

async function notificationsOf(member: Member): Promise<NotificationBody[]> {
  return json<{ data: NotificationBody[] }>(await send(member.headers, 'GET', '/api/v1/notifications')).data;
}

/** Queues one run of `job` at `at` and runs what is due then, like the runner would at that moment. */
async function runAt(job: typeof dueTaskRemindersJob, at: string): Promise<void> {
  await enqueueJob(t.db, job, {}, { runAt: new Date(at) });
  await t.jobs.runDue(new Date(at));
}

describe('task reminders', () => {
  it('notifies the assignee once when an open task falls due, and again after a new due date', async () => {
    const ws = await buildWorkspace(t.db);
    const agent = await ws.member('agent');
    const contact = await create(ws.owner.headers, '/api/v1/contacts', { firstName: 'Ada', lastName: 'Lovelace' });
    const first = await create(ws.owner.headers, '/api/v1/tasks', {
      title: 'Call Ada',
      dueAt: '2025-01-01T10:00:00Z',
      assigneeId: agent.userId,
      contactId: contact.id,
    });
    await create(ws.owner.headers, '/api/v1/tasks', { title: 'Later', dueAt: '2025-01-01T11:00:00Z', assigneeId: agent.userId });
    const finished = await create(ws.owner.headers, '/api/v1/tasks', {
      title: 'Done',
      dueAt: '2025-01-01T09:00:00Z',
      assigneeId: agent.userId,
    });
    await send(ws.owner.headers, 'PATCH', `/api/v1/tasks/${finished.id}`, { done: true });

    await runAt(dueTaskRemindersJob, '2025-01-01T10:05:00Z');
    expect(await notificationsOf(agent)).toMatchObject([
      { kind: 'task.due', title: 'Task due: Call Ada', body: 'About Ada Lovelace', subjectType: 'task', subjectId: first.id },
    ]);
    const { rows } = await t.db.query<{ remindedAt: Date }>(
      'SELECT reminded_at AS "remindedAt" FROM activities WHERE workspace_id = $1 AND id = $2',
      [ws.workspaceId, first.id],
    );
    expect(rows[0]!.remindedAt.toISOString()).toBe('2025-01-01T10:05:00.000Z');

    await runAt(dueTaskRemindersJob, '2025-01-01T11:30:00Z');
    expect((await notificationsOf(agent)).map((n) => n.title)).toEqual(['Task due: Later', 'Task due: Call Ada']);

    await send(ws.owner.headers, 'PATCH', `/api/v1/tasks/${first.id}`, { dueAt: '2025-01-02T10:00:00Z' });
    await runAt(dueTaskRemindersJob, '2025-01-02T10:01:00Z');
    expect((await notificationsOf(agent)).map((n) => n.title)).toEqual(['Task due: Call Ada', 'Task due: Later', 'Task due: Call Ada']);
    expect(await notificationsOf(ws.owner)).toEqual([]);
  });

  it('keeps a queued timer through a restart: a second runner on the same database fires it', async () => {
    const ws = await buildWorkspace(t.db);
    await create(ws.owner.headers, '/api/v1/tasks', { title: 'Survive the restart', dueAt: '2025-03-01T09:00:00Z' });
    await enqueueJob(t.db, dueTaskRemindersJob, {}, { runAt: new Date('2025-03-01T09:00:00Z') });
    const uniqueKey = `test-recurring:${ws.workspaceId}`;
    await enqueueJob(t.db, importantDateRemindersJob, {}, { runAt: new Date('2025-03-01T09:00:00Z'), uniqueKey });

    // The process that queued the timers is gone; a new one starts over the same database.
    const restarted = createJobRunner(t.db, [...reminderJobs, runImportJob], createLogger('silent'));
    expect(await restarted.runDue(new Date('2025-03-01T09:00:30Z'))).toBeGreaterThanOrEqual(2);
    expect((await notificationsOf(ws.owner)).map((n) => n.title)).toEqual(['Task due: Survive the restart']);

    // A recurring timer queues its next run as a row too, so it also outlives the process.
    const { rows } = await t.db.query<{ runAt: Date; status: string }>('SELECT run_at AS "runAt", status FROM jobs WHERE unique_key = $1', [
      uniqueKey,
    ]);
    expect(rows).toEqual([{ runAt: new Date('2025-03-01T10:00:30Z'), status: 'queued' }]);
    await t.db.query('DELETE FROM jobs WHERE unique_key = $1', [uniqueKey]);
  });
});

describe('important date reminders', () => {
  it("notifies the contact's owner on the day, a week ahead of renewals, and on 28 February for 29 February dates", async () => {
    const ws = await buildWorkspace(t.db);
    const agent = await ws.member('agent');
    const contact = (firstName: string, importantDates: object[], ownerHeaders = agent.headers) =>
      create(ownerHeaders, '/api/v1/contacts', { firstName, importantDates });
    await contact('Leap', [{ kind: 'anniversary', date: '2000-02-29', label: 'Customer since' }]);
    await contact('Birthday', [{ kind: 'birthday', date: '1990-02-28' }]);
    await contact('Renewal', [{ kind: 'renewal', date: '2025-03-07', label: 'Plan renewal' }]);
    await contact('Tomorrow', [{ kind: 'birthday', date: '1990-03-01' }]);
    await contact('Owner', [{ kind: 'birthday', date: '1985-02-28' }], ws.owner.headers);

    await runAt(importantDateRemindersJob, '2025-02-28T06:00:00Z');
    await runAt(importantDateRemindersJob, '2025-02-28T07:00:00Z');
    expect((await notificationsOf(agent)).map((n) => n.title).sort()).toEqual([
      'Birthday: birthday today',
      'Leap: Customer since today',
      'Renewal: Plan renewal in 7 days',
    ]);
    expect((await notificationsOf(ws.owner)).map((n) => [n.title, n.kind, n.subjectType])).toEqual([
      ['Owner: birthday today', 'contact.important_date', 'contact'],
    ]);

    await runAt(importantDateRemindersJob, '2025-03-07T06:00:00Z');
    expect((await notificationsOf(agent))[0]!.title).toBe('Renewal: Plan renewal today');
    expect(await notificationsOf(agent)).toHaveLength(4);
  });
});
