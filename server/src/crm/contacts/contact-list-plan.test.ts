/**
 * A contact list is planned once per connection and the plan reused: with its row limit as a
 * parameter PostgreSQL judged the cached plan dearer than a fresh one and planned every request.
 * Tagged lists too, read through `contact_tags`, whose index order serves a rare tag as well as a
 * common one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../platform/db/db.js';
import { openFreshDb } from '../../platform/testing/test-db.js';
import { buildWorkspace } from '../../platform/testing/test-app.js';
import { createContacts, listContacts } from './contact.service.js';

// A database of its own: on a shared one the cap on named statements may already be reached, and
// statements past it run unnamed, so no plan is kept to inspect.
let db: Db;
beforeAll(async () => {
  db = await openFreshDb();
});
afterAll(() => db?.close());

describe('contact list plans', () => {
  it('serves repeated pages from the cached plan', async () => {
    const ws = await buildWorkspace(db);
    const actor = { kind: 'user' as const, userId: ws.owner.userId, role: 'owner' as const, recordScope: 'all' as const, teamIds: [] };
    const plans = await db.transaction(async (tx) => {
      // One connection: its prepared statements and their plan counts are visible to it.
      const ctx = { workspaceId: ws.workspaceId, requestId: 'test', actor, db: tx };
      // Enough rows that a plan for an unknown limit (a tenth of the matches) costs more than one for 51.
      await createContacts(
        ctx,
        Array.from({ length: 4_000 }, (_, i) => ({ firstName: `Plan${i}`, lifecycleStage: 'customer' as const })),
      );
      await tx.query('ANALYZE contacts');
      for (let call = 0; call < 8; call++) {
        const page = await listContacts(ctx, { stage: ['customer'], limit: 50 });
        expect(page.data).toHaveLength(50);
      }
      const { rows } = await tx.query<{ generic: number; custom: number }>(
        `SELECT generic_plans::int AS generic, custom_plans::int AS custom FROM pg_prepared_statements
          WHERE statement LIKE '%FROM contacts c LEFT JOIN companies co%' AND statement LIKE '%lifecycle_stage = ANY%'`,
      );
      return rows;
    });
    expect(plans).toHaveLength(1);
    // PostgreSQL plans the first five calls for their values, then settles on the cached plan.
    expect(plans[0]!.generic).toBeGreaterThanOrEqual(3);
  });

  it('serves repeated tagged pages from one cached plan, whichever the tag', async () => {
    const ws = await buildWorkspace(db);
    const actor = { kind: 'user' as const, userId: ws.owner.userId, role: 'owner' as const, recordScope: 'all' as const, teamIds: [] };
    const plans = await db.transaction(async (tx) => {
      const ctx = { workspaceId: ws.workspaceId, requestId: 'test', actor, db: tx };
      await createContacts(
        ctx,
        Array.from({ length: 2_000 }, (_, i) => ({ firstName: `Tagged${i}`, tags: i % 25 === 0 ? ['rare'] : ['common'] })),
      );
      await tx.query('ANALYZE contacts');
      await tx.query('ANALYZE contact_tags');
      for (let call = 0; call < 10; call++) {
        const page = await listContacts(ctx, { tag: [call % 2 ? 'rare' : 'common'], sort: '-createdAt', limit: 50 });
        expect(page.data).toHaveLength(50);
      }
      const { rows } = await tx.query<{ generic: number }>(
        `SELECT generic_plans::int AS generic FROM pg_prepared_statements WHERE statement LIKE '%FROM contact_tags t JOIN contacts c%'`,
      );
      return rows;
    });
    expect(plans).toHaveLength(1);
    expect(plans[0]!.generic).toBeGreaterThanOrEqual(4);
  });
});
