/**
 * The nightly rescoring is planned per workspace at 03:00 on its clock: a queued job in the
 * database (so a restart keeps the plan), queued once however often the planner runs, and
 * planned again for the following night once it has run.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorkspace, testApp, type TestApp, type TestWorkspace } from '../platform/testing/test-app.js';
import { planNightlyScoring } from './score.jobs.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

async function nights(ws: TestWorkspace): Promise<{ runAt: Date; status: string }[]> {
  const { rows } = await t.db.query<{ runAt: Date; status: string }>(
    `SELECT run_at AS "runAt", status FROM jobs WHERE workspace_id = $1 AND name = 'relationship.score-nightly' ORDER BY run_at`,
    [ws.workspaceId],
  );
  return rows;
}

async function scoredContacts(ws: TestWorkspace): Promise<number> {
  const { rows } = await t.db.query<{ count: number }>('SELECT count(*)::int AS count FROM contact_scores WHERE workspace_id = $1', [
    ws.workspaceId,
  ]);
  return rows[0]!.count;
}

describe('nightly rescoring', () => {
  it('runs at 03:00 in the workspace’s business-hours time zone, else UTC, and plans the next night after each', async () => {
    const utc = await buildWorkspace(t.db);
    const tokyo = await buildWorkspace(t.db);
    const policy = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/inbox/sla-policy',
      headers: tokyo.owner.headers,
      payload: {
        firstResponseMinutes: 60,
        nextResponseMinutes: null,
        resolutionMinutes: null,
        businessHours: { timezone: 'Asia/Tokyo', days: { mon: [['09:00', '17:00']] } },
      },
    });
    expect(policy.statusCode, policy.body).toBe(200);
    const contact = await t.app.inject({
      method: 'POST',
      url: '/api/v1/contacts',
      headers: utc.owner.headers,
      payload: { firstName: 'Nia' },
    });
    expect(contact.statusCode).toBe(201);

    const now = new Date('2026-06-01T12:00:00Z');
    await planNightlyScoring(t.db, now);
    await planNightlyScoring(t.db, new Date('2026-06-01T13:00:00Z'));
    expect(await nights(utc)).toEqual([{ runAt: new Date('2026-06-02T03:00:00Z'), status: 'queued' }]);
    expect(await nights(tokyo)).toEqual([{ runAt: new Date('2026-06-01T18:00:00Z'), status: 'queued' }]);

    await t.jobs.runDue(new Date('2026-06-02T03:00:00Z'));
    expect(await scoredContacts(utc)).toBe(1);
    await planNightlyScoring(t.db, new Date('2026-06-02T04:00:00Z'));
    expect((await nights(utc)).map((n) => [n.runAt.toISOString(), n.status])).toEqual([
      ['2026-06-02T03:00:00.000Z', 'done'],
      ['2026-06-03T03:00:00.000Z', 'queued'],
    ]);
  });
});
