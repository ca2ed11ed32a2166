/**
 * Every read of a search beside the ranked list (a saved view's count, a sorted page, an export's
 * batch, and the test whether anything matches as typed that decides how they all select) finds a
 * name through the full-text index, also a name nobody has. Asked for one row, the test was planned
 * as a sequential scan that stops at the first match, and reads the whole table when there is none.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../platform/context.js';
import type { Db, Queryable } from '../../platform/db/db.js';
import { openFreshDb } from '../../platform/testing/test-db.js';
import { buildWorkspace } from '../../platform/testing/test-app.js';
import { contactSearchMode, listContacts } from '../contacts/contact.repo.js';
import { createContacts } from '../contacts/contact.service.js';
import { contactBatch } from '../exports/export.repo.js';
import { countContacts } from '../segments/segment.repo.js';

// A database of its own: the plans depend on what the tables hold.
let db: Db;
beforeAll(async () => {
  db = await openFreshDb();
});
afterAll(() => db?.close());

/** Runs the reads in one transaction, noting each statement, and returns the plan of each statement on contacts. */
function plansOf(ctx: Ctx, reads: (ctx: Ctx) => Promise<void>): Promise<{ sql: string; plan: string }[]> {
  return db.transaction(async (tx) => {
    const statements: { sql: string; params: readonly unknown[] }[] = [];
    const noting: Queryable = {
      query<Row>(sql: string, params?: readonly unknown[]) {
        if (!sql.startsWith('SET LOCAL')) statements.push({ sql, params: params ?? [] });
        return tx.query<Row>(sql, params);
      },
    };
    await reads({ ...ctx, db: noting });
    const plans = [];
    for (const { sql, params } of statements.filter((statement) => statement.sql.includes('FROM contacts c'))) {
      const { rows } = await tx.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`, params);
      plans.push({ sql, plan: rows.map((row) => row['QUERY PLAN']).join('\n') });
    }
    return plans;
  });
}

describe('search reads beside the ranked list', () => {
  it('find a name, or that nobody has it, through the full-text index', async () => {
    const ws = await buildWorkspace(db);
    const actor = { kind: 'user' as const, userId: ws.owner.userId, role: 'owner' as const, recordScope: 'all' as const, teamIds: [] };
    const ctx: Ctx = { workspaceId: ws.workspaceId, requestId: 'test', actor, db };
    const surnames = ['Johnson', 'Sato', 'Okafor', 'Garcia'];
    await createContacts(ctx, [
      ...Array.from({ length: 3_000 }, (_, i) => ({ firstName: `Given${i}`, lastName: surnames[i % 4]! })),
      ...Array.from({ length: 3 }, (_, i) => ({ firstName: `Rare${i}`, lastName: 'Lindqvist' })),
    ]);
    await db.query('ANALYZE contacts');

    for (const [q, found] of [
      ['lindqvist', 3],
      ['zzzqqq', 0],
    ] as const) {
      const plans = await plansOf(ctx, async (c) => {
        const mode = await contactSearchMode(c, { q });
        expect(mode).toBe(found ? 'prefix' : 'fuzzy');
        expect(await countContacts(c, { q })).toBe(found);
        expect((await listContacts(c, { q, sort: '-createdAt' }, null, 50)).rows).toHaveLength(found);
        expect((await contactBatch(c, { q }, mode, null)).rows).toHaveLength(found);
      });
      // The tests whether anything matches (the sorted list makes its own) and the count by prefix,
      // then the page and the batch by prefix when something does. The typo-tolerant reads when
      // nothing does are planned for their words, as the ranked list's are.
      const byPrefix = plans.filter(({ sql }) => !sql.includes('<%'));
      expect(byPrefix.length, q).toBe(found ? 5 : 3);
      for (const { sql, plan } of byPrefix) {
        expect(plan, `${q}: ${sql}`).toMatch(/Bitmap Index Scan on contacts_fts/);
        expect(plan, `${q}: ${sql}`).not.toMatch(/Seq Scan on contacts/);
      }
    }
  });
});
