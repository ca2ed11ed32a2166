import { beforeAll, describe, expect, it } from 'vitest';
import { Type } from 'typebox';
import { createLogger } from '../observability/logger.js';
import { testApp, type TestApp } from '../testing/test-app.js';
import { defineJob, enqueueJob, enqueueJobs } from './job.js';
import { createJobRunner } from './runner.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

const log = createLogger('silent');

describe('durable jobs', () => {
  it('survive a restart: a timer queued by one runner is run by the next', async () => {
    const ran: string[] = [];
    const key = `restart-${Math.random()}`;
    const job = defineJob({
      name: `test.remind.${key}`,
      payload: Type.Object({ who: Type.String() }),
      handler: async (_ctx, p) => void ran.push(p.who),
    });
    const first = createJobRunner(t.db, [job], log);
    const due = new Date(Date.now() + 3_600_000);
    await enqueueJob(t.db, job, { who: 'ada' }, { runAt: due });
    expect(await first.runDue(new Date())).toBe(0);
    // "Restart": a new runner over the same database.
    const second = createJobRunner(t.db, [job], log);
    expect(await second.runDue(new Date(due.getTime() + 1000))).toBe(1);
    expect(ran).toEqual(['ada']);
    expect(await second.runDue(new Date(due.getTime() + 2000))).toBe(0);
  });

  it('retry with backoff and give up after the last attempt', async () => {
    let calls = 0;
    const name = `test.flaky.${Math.random()}`;
    const job = defineJob({
      name,
      payload: Type.Object({}),
      maxAttempts: 3,
      backoffMs: () => 60_000,
      handler: async () => {
        calls++;
        throw new Error('provider down');
      },
    });
    const runner = createJobRunner(t.db, [job], log);
    await enqueueJob(t.db, job, {});
    let now = Date.now();
    for (let i = 0; i < 5; i++) {
      await runner.runDue(new Date(now));
      now += 61_000;
    }
    expect(calls).toBe(3);
    const { rows } = await t.db.query<{ status: string; last_error: string }>('SELECT status, last_error FROM jobs WHERE name = $1', [
      name,
    ]);
    expect(rows[0]).toEqual({ status: 'failed', last_error: 'provider down' });
  });

  it('reject invalid payloads when enqueued and run recurring timers again', async () => {
    const name = `test.tick.${Math.random()}`;
    let ticks = 0;
    const job = defineJob({ name, payload: Type.Object({}), everyMs: 60_000, handler: async () => void ticks++ });
    await expect(enqueueJob(t.db, defineJob({ ...job, payload: Type.Object({ n: Type.Integer() }) }), { n: 'x' })).rejects.toThrow(
      /invalid payload/,
    );
    const runner = createJobRunner(t.db, [job], log);
    await runner.scheduleRecurring();
    await runner.scheduleRecurring();
    const start = Date.now() + 1000;
    expect(await runner.runDue(new Date(start))).toBe(1);
    expect(await runner.runDue(new Date(start + 30_000))).toBe(0);
    expect(await runner.runDue(new Date(start + 61_000))).toBe(1);
    expect(ticks).toBe(2);
  });

  it('queue many at once, each key once, and run each with its own payload', async () => {
    const name = `test.bulk.${Math.random()}`;
    const ran: string[] = [];
    const job = defineJob({ name, payload: Type.Object({ who: Type.String() }), handler: async (_ctx, p) => void ran.push(p.who) });
    const runAt = new Date(Date.now() - 1000);
    await enqueueJob(t.db, job, { who: 'queued before' }, { runAt, uniqueKey: `${name}:ada` });
    await enqueueJobs(t.db, job, [
      { payload: { who: 'ada again' }, options: { runAt, uniqueKey: `${name}:ada` } },
      { payload: { who: 'grace' }, options: { runAt, uniqueKey: `${name}:grace` } },
      { payload: { who: 'grace twice' }, options: { runAt, uniqueKey: `${name}:grace` } },
      { payload: { who: 'alan' }, options: { runAt } },
    ]);
    await expect(enqueueJobs(t.db, job, [{ payload: { who: 'x' } }, { payload: { who: 1 } }])).rejects.toThrow(/invalid payload/);
    expect(await createJobRunner(t.db, [job], log).runDue(new Date())).toBe(3);
    expect(ran.sort()).toEqual(['alan', 'grace', 'queued before']);
  });
});
