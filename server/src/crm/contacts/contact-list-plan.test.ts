/**
 * A contact list is planned once per connection and the plan reused: with its row limit as a
 * parameter PostgreSQL judged the cached plan dearer than a fresh one and planned every request.
 * Tagged lists too, read through `contact_tags`, whose index order serves a rare tag as well as a
 * common one; and searches by name, whose words the planner is not shown.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../platform/context.js';
import type { Db, Queryable } from '../../platform/db/db.js';
import { openFreshDb } from '../../platform/testing/test-db.js';
import { buildWorkspace } from '../../platform/testing/test-app.js';
import { systemActor } from '../../platform/context.js';
import { createContacts, listContacts } from './contact.service.js';

// A database of its own: on a shared one the cap on named statements may already be reached, and
// statements past it run unnamed, so no plan is kept to inspect.
let db: Db;
beforeAll(async () => {
  db = await openFreshDb();
});
afterAll(() => db?.close());

/**
 * Runs `calls` on one connection of a new workspace's owner, after `seed` and ANALYZE, and returns
 * the plan counts of the prepared statements whose text contains every one of `statement`.
 */
async function plansOf(
  seed: (ctx: Ctx) => Promise<unknown>,
  calls: (ctx: Ctx) => Promise<void>,
  statement: string[],
): Promise<{ generic: number }[]> {
  const ws = await buildWorkspace(db);
  const actor = { kind: 'user' as const, userId: ws.owner.userId, role: 'owner' as const, recordScope: 'all' as const, teamIds: [] };
  return db.transaction(async (tx) => {
    // One connection: its prepared statements and their plan counts are visible to it.
    const ctx = { workspaceId: ws.workspaceId, requestId: 'test', actor, db: tx };
    await seed(ctx);
    await tx.query('ANALYZE contacts');
    await tx.query('ANALYZE contact_tags');
    await calls(ctx);
    const { rows } = await tx.query<{ generic: number }>(
      `SELECT generic_plans::int AS generic FROM pg_prepared_statements WHERE ${statement.map((_, i) => `statement LIKE $${i + 1}`).join(' AND ')}`,
      statement.map((part) => `%${part}%`),
    );
    return rows;
  });
}

describe('contact list plans', () => {
  it('serves repeated pages from the cached plan', async () => {
    const plans = await plansOf(
      // Enough rows that a plan for an unknown limit (a tenth of the matches) costs more than one for 51.
      (ctx) =>
        createContacts(
          ctx,
          Array.from({ length: 4_000 }, (_, i) => ({ firstName: `Plan${i}`, lifecycleStage: 'customer' as const })),
        ),
      async (ctx) => {
        for (let call = 0; call < 8; call++) {
          const page = await listContacts(ctx, { stage: ['customer'], limit: 50 });
          expect(page.data).toHaveLength(50);
        }
      },
      ['FROM contacts c LEFT JOIN companies co', 'lifecycle_stage = ANY'],
    );
    expect(plans).toHaveLength(1);
    // PostgreSQL plans the first five calls for their values, then settles on the cached plan.
    expect(plans[0]!.generic).toBeGreaterThanOrEqual(3);
  });

  it('serves repeated tagged pages from one cached plan, whichever the tag', async () => {
    const plans = await plansOf(
      (ctx) =>
        createContacts(
          ctx,
          Array.from({ length: 2_000 }, (_, i) => ({ firstName: `Tagged${i}`, tags: i % 25 === 0 ? ['rare'] : ['common'] })),
        ),
      async (ctx) => {
        for (let call = 0; call < 10; call++) {
          const page = await listContacts(ctx, { tag: [call % 2 ? 'rare' : 'common'], sort: '-createdAt', limit: 50 });
          expect(page.data).toHaveLength(50);
        }
      },
      ['FROM contact_tags t JOIN contacts c'],
    );
    expect(plans).toHaveLength(1);
    expect(plans[0]!.generic).toBeGreaterThanOrEqual(4);
  });

  it('serves tagged pages from one cached plan for tags of every size, beside another workspace', async () => {
    // Tags as common and as rare as a real workspace's, most contacts carrying several: the plans
    // for each tag's and workspace's own estimates can look cheaper than the generic one.
    const shares = [0.4, 0.25, 0.15, 0.1, 0.05, 0.03];
    const tagsOf = (i: number) => shares.flatMap((share, t) => ((i * (t + 7)) % 100 < share * 100 ? [`tag${t}`] : []));
    const other = await buildWorkspace(db);
    await createContacts(
      { workspaceId: other.workspaceId, requestId: 'test', actor: systemActor(), db },
      Array.from({ length: 300 }, (_, i) => ({ firstName: `Other${i}`, tags: tagsOf(i) })),
    );
    const plans = await plansOf(
      (ctx) =>
        createContacts(
          ctx,
          Array.from({ length: 3_000 }, (_, i) => ({ firstName: `Sized${i}`, tags: tagsOf(i) })),
        ),
      async (ctx) => {
        for (let call = 0; call < 12; call++) {
          const page = await listContacts(ctx, { tag: [`tag${call % shares.length}`], sort: '-createdAt', limit: 20 });
          expect(page.data.length).toBeGreaterThan(0);
        }
      },
      ['FROM contact_tags t JOIN contacts c', 'LIMIT 21'],
    );
    expect(plans).toHaveLength(1);
    expect(plans[0]!.generic).toBeGreaterThanOrEqual(6);
  });

  it('serves searches for different names from one cached plan', async () => {
    const surnames = ['Johnson', 'Sato', 'Okafor', 'Lindqvist'];
    const plans = await plansOf(
      // Common and rare words alike: planned for its words, a search would be planned on every call.
      (ctx) =>
        createContacts(
          ctx,
          Array.from({ length: 2_000 }, (_, i) => ({ firstName: i % 2 ? 'Anna' : `Given${i}`, lastName: surnames[i % 4]! })),
        ),
      async (ctx) => {
        for (let call = 0; call < 12; call++) {
          const [first, last] = call % 3 === 0 ? ['Anna', 'Sato'] : call % 3 === 1 ? [`Given${call * 4}`, 'Johnson'] : ['Anna', 'Lind'];
          const page = await listContacts(ctx, { q: `${first} ${last}` });
          expect(page.data.length).toBeGreaterThan(0);
          for (const contact of page.data) {
            expect(contact.firstName.toLowerCase().startsWith(first.toLowerCase())).toBe(true);
            expect(contact.lastName.toLowerCase().startsWith(last.toLowerCase())).toBe(true);
          }
        }
      },
      ['FROM contacts c LEFT JOIN companies co', 'search_vector @@ (SELECT to_tsquery'],
    );
    expect(plans).toHaveLength(1);
    expect(plans[0]!.generic).toBeGreaterThanOrEqual(6);
  });

  it('reads a tag typed in any case through the contact_tags index, and other tag filters through the tag keys', async ({
    onTestFinished: onFinished,
  }) => {
    // A database of its own too: what other workspaces hold changes the estimates a tag's rows get.
    const own = await openFreshDb();
    onFinished(() => own.close());
    const ws = await buildWorkspace(own);
    const actor = { kind: 'user' as const, userId: ws.owner.userId, role: 'owner' as const, recordScope: 'all' as const, teamIds: [] };
    const ctx: Ctx = { workspaceId: ws.workspaceId, requestId: 'test', actor, db: own };
    await createContacts(
      ctx,
      Array.from({ length: 3_000 }, (_, i) => ({ firstName: `Keyed${i}`, tags: i % 300 === 0 ? ['Rare', 'Common'] : ['Common'] })),
    );
    await own.query('ANALYZE contacts');
    await own.query('ANALYZE contact_tags');
    // The plan a statement keeps once cached: the one every later page runs.
    const plans: string[] = [];
    const explaining: Queryable = {
      async query<Row>(sql: string, params?: readonly unknown[]) {
        const explained = await own.transaction(async (tx) => {
          await tx.query('SET LOCAL plan_cache_mode = force_generic_plan');
          return tx.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`, params);
        });
        plans.push(explained.rows.map((row) => row['QUERY PLAN']).join('\n'));
        return { rows: [] as Row[], rowCount: 0 };
      },
    };
    await listContacts({ ...ctx, db: explaining }, { tag: ['RARE'], sort: '-createdAt', limit: 50 });
    await listContacts({ ...ctx, db: explaining }, { tag: ['rare'], sort: 'name', limit: 50 });
    await listContacts({ ...ctx, db: explaining }, { tag: ['Rare'], sort: 'updatedAt', limit: 50 });
    expect(plans[0]).toMatch(/Index Only Scan Backward using contact_tags_pkey on contact_tags t/);
    expect(plans[1]).toMatch(/Index (Only )?Scan using contact_tags_name on contact_tags t/);
    for (const plan of plans.slice(0, 2)) expect(plan).not.toMatch(/Sort Key: t\./);
    expect(plans[2]).toMatch(/Bitmap Index Scan on contacts_tag_keys/);
    expect((await listContacts(ctx, { tag: ['RARE'], sort: '-createdAt', limit: 50 })).data).toHaveLength(10);
  });
});
