import { beforeAll, describe, expect, it } from 'vitest';
import { Type } from 'typebox';
import { createLogger } from '../observability/logger.js';
import { buildWorkspace, testApp, type TestApp } from '../testing/test-app.js';
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
  it('run a batched kind in batches of one workspace, each job once, and retry a failed batch whole', async () => {
    const name = `test.batched.${Math.random()}`;
    const calls: { workspaceId: string | null; who: string[] }[] = [];
    let failNext = true;
    const job = defineJob({
      name,
      payload: Type.Object({ who: Type.String() }),
      handler: async () => {
        throw new Error('a batched kind runs through its batch handler');
      },
      batch: {
        size: 3,
        handler: async ({ workspaceId }, payloads) => {
          if (failNext) {
            failNext = false;
            throw new Error('database busy');
          }
          calls.push({ workspaceId, who: payloads.map((p) => p.who) });
        },
      },
    });
    const [a, b] = [await buildWorkspace(t.db), await buildWorkspace(t.db)];
    const runAt = new Date(Date.now() - 1000);
    const people = ['ada', 'grace', 'alan', 'edsger', 'barbara'];
    await enqueueJobs(t.db, job, [
      ...people.map((who) => ({ payload: { who: `a:${who}` }, options: { runAt, workspaceId: a.workspaceId } })),
      ...people.map((who) => ({ payload: { who: `b:${who}` }, options: { runAt, workspaceId: b.workspaceId } })),
    ]);
    const runner = createJobRunner(t.db, [job], log);
    const now = Date.now();
    expect(await runner.runDue(new Date(now))).toBe(10);
    // The first batch failed and waits for its retry; the other seven jobs ran.
    expect(calls.flatMap((c) => c.who)).toHaveLength(7);
    expect(await runner.runDue(new Date(now + 60_000))).toBe(3);
    const seen = calls.flatMap((c) => c.who).sort();
    expect(seen).toEqual([...people.map((p) => `a:${p}`), ...people.map((p) => `b:${p}`)].sort());
    for (const call of calls) {
      expect(call.who.length).toBeLessThanOrEqual(3);
      const prefix = call.workspaceId === a.workspaceId ? 'a:' : 'b:';
      expect(call.who.every((who) => who.startsWith(prefix))).toBe(true);
    }
    const { rows } = await t.db.query<{ status: string; attempts: number; n: number }>(
      'SELECT status, attempts, count(*)::int AS n FROM jobs WHERE name = $1 GROUP BY 1, 2 ORDER BY 2',
      [name],
    );
    expect(rows).toEqual([
      { status: 'done', attempts: 1, n: 7 },
      { status: 'done', attempts: 2, n: 3 },
    ]);
  });

  it('stop after the job in hand, leaving a backlog for the next start', async () => {
    const name = `test.backlog.${Math.random()}`;
    let ran = 0;
    const job = defineJob({
      name,
      payload: Type.Object({}),
      handler: async () => {
        ran++;
        await new Promise((resolve) => setTimeout(resolve, 20));
      },
    });
    await enqueueJobs(
      t.db,
      job,
      Array.from({ length: 200 }, () => ({ payload: {}, options: { runAt: new Date(Date.now() - 1000) } })),
    );
    const runner = createJobRunner(t.db, [job], log);
    runner.start(5);
    while (ran === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const stopping = Date.now();
    await runner.stop();
    expect(Date.now() - stopping).toBeLessThan(1_000);
    expect(ran).toBeLessThan(200);
    const { rows } = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM jobs WHERE name = $1 AND status = 'queued'`, [name]);
    expect(rows[0]!.n).toBe(200 - ran);
  });
});
