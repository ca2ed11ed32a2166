/**
 * Pins the plan-relevant part of the hot timeline and task queries: which index serves them. The
 * planner decides from statistics, so each test first fills a workspace with a timeline shaped
 * like a real one (many contacts, some companies, thousands of entries) and analyses it, all in a
 * transaction that is rolled back.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/db.js';
import { buildWorkspace, testApp, type TestApp } from '../../platform/testing/test-app.js';
import { openTasksDue } from '../tasks/task.repo.js';
import { listTimeline } from './activity.repo.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

const someId = '00000000-0000-4000-8000-000000000000';

class RolledBack extends Error {}

/** Realistic volumes: 200 contacts in 20 companies, 10,000 entries (a fifth of them open tasks). */
async function fill(tx: Queryable, workspaceId: string, userId: string) {
  await tx.query(
    `INSERT INTO companies (workspace_id, id, name) SELECT $1, gen_random_uuid(), 'Company ' || n FROM generate_series(1, 20) n`,
    [workspaceId],
  );
  await tx.query(
    `INSERT INTO contacts (workspace_id, id, display_name, company_id)
     SELECT $1, gen_random_uuid(), 'Contact ' || n, (SELECT id FROM companies WHERE workspace_id = $1 ORDER BY id OFFSET n % 20 LIMIT 1)
       FROM generate_series(1, 200) n`,
    [workspaceId],
  );
  await tx.query(
    `WITH people AS (SELECT id, company_id, row_number() OVER (ORDER BY id) AS n FROM contacts WHERE workspace_id = $1)
     INSERT INTO activities (workspace_id, id, type, contact_id, company_id, body, occurred_at, author_id, due_at, assignee_id,
                             created_at, updated_at)
     SELECT $1, gen_random_uuid(), CASE WHEN g % 5 = 0 THEN 'task' ELSE 'note' END, p.id, CASE WHEN g % 3 = 0 THEN p.company_id END,
            'entry ' || g, now() - g * interval '1 hour', $2, CASE WHEN g % 5 = 0 THEN now() + (g % 40) * interval '1 day' END,
            CASE WHEN g % 5 = 0 THEN $2::uuid END, now(), now()
       FROM generate_series(1, 10000) g JOIN people p ON p.n = 1 + g % 200`,
    [workspaceId, userId],
  );
  await tx.query('ANALYZE companies');
  await tx.query('ANALYZE contacts');
  await tx.query('ANALYZE activities');
}

/** The plans of every statement `run` issues (instead of running them), over realistic data. */
async function plans(run: (ctx: Ctx, ids: { contactId: string; companyId: string }) => Promise<unknown>): Promise<string> {
  const ws = await buildWorkspace(t.db);
  const lines: string[] = [];
  await t.db
    .transaction(async (tx) => {
      await fill(tx, ws.workspaceId, ws.owner.userId);
      const { rows } = await tx.query<{ contactId: string; companyId: string }>(
        `SELECT id AS "contactId", company_id AS "companyId" FROM contacts WHERE workspace_id = $1 LIMIT 1`,
        [ws.workspaceId],
      );
      const explaining: Queryable = {
        async query<Row>(sql: string, params?: readonly unknown[]) {
          const result = await tx.query<Record<string, string>>(`EXPLAIN ${sql}`, params);
          lines.push(...result.rows.map((row) => Object.values(row)[0]!));
          return { rows: [] as Row[], rowCount: 0 };
        },
      };
      const actor = { kind: 'user' as const, userId: ws.owner.userId, role: 'owner' as const, recordScope: 'all' as const, teamIds: [] };
      await run({ workspaceId: ws.workspaceId, db: explaining, requestId: 'plan', actor }, rows[0]!);
      throw new RolledBack();
    })
    .catch((error: unknown) => {
      if (!(error instanceof RolledBack)) throw error;
    });
  return lines.join('\n');
}

describe('timeline and task query plans', () => {
  it("reads a contact's timeline through its index", async () => {
    const plan = await plans((ctx, ids) => listTimeline(ctx, { contactId: ids.contactId }, null, 50));
    expect(plan).toContain('activities_contact_timeline');
    expect(plan).not.toMatch(/Seq Scan on activities/);
  });

  it("reads a company's timeline through both timeline indexes", async () => {
    const plan = await plans((ctx, ids) =>
      listTimeline(ctx, { companyId: ids.companyId }, { v: new Date().toISOString(), id: someId }, 50),
    );
    expect(plan).toContain('activities_company_timeline');
    expect(plan).toContain('activities_contact_timeline');
    expect(plan).not.toMatch(/Seq Scan on activities/);
  });

  it("reads a member's open tasks through the open-task index", async () => {
    const plan = await plans((ctx) =>
      openTasksDue(ctx, ctx.actor.userId!, { from: new Date(), to: new Date(Date.now() + 86_400_000) }, 100),
    );
    expect(plan).toContain('activities_open_tasks');
  });
});
