/**
 * The inbox search finds conversations by their customer (identity name, handle, e-mail; the linked
 * contact's words) through trigram indexes, each subquery run once, not by reading every identity
 * or contact of the workspace for each search.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../platform/context.js';
import type { Db, Queryable } from '../platform/db/db.js';
import { openFreshDb } from '../platform/testing/test-db.js';
import { buildWorkspace } from '../platform/testing/test-app.js';
import { countConversations, listConversations } from './conversation.repo.js';

// A database of its own: the plans depend on what the tables hold.
let db: Db;
beforeAll(async () => {
  db = await openFreshDb();
});
afterAll(() => db?.close());

/** Runs the reads in one transaction, noting each statement, and returns the plan of each statement on conversations. */
function plansOf(ctx: Ctx, reads: (ctx: Ctx) => Promise<void>): Promise<{ sql: string; plan: string }[]> {
  return db.transaction(async (tx) => {
    const statements: { sql: string; params: readonly unknown[] }[] = [];
    const noting: Queryable = {
      query<Row>(sql: string, params?: readonly unknown[]) {
        statements.push({ sql, params: params ?? [] });
        return tx.query<Row>(sql, params);
      },
    };
    await reads({ ...ctx, db: noting });
    const plans = [];
    for (const { sql, params } of statements.filter((statement) => statement.sql.includes('conversations c'))) {
      const { rows } = await tx.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`, params);
      plans.push({ sql, plan: rows.map((row) => row['QUERY PLAN']).join('\n') });
    }
    return plans;
  });
}

describe('the inbox search by customer', () => {
  it('reads identities and contacts through their trigram indexes', async () => {
    const ws = await buildWorkspace(db);
    const actor = { kind: 'user' as const, userId: ws.owner.userId, role: 'owner' as const, recordScope: 'all' as const, teamIds: [] };
    const ctx: Ctx = { workspaceId: ws.workspaceId, requestId: 'test', actor, db };
    const surnames = ['Johnson', 'Sato', 'Okafor', 'Garcia'];
    await db.query(
      `INSERT INTO contacts (workspace_id, id, first_name, last_name, display_name, search_text)
       SELECT $1, gen_random_uuid(), 'Given' || n, s, 'Given' || n || ' ' || s, lower('given' || n || ' ' || s)
         FROM generate_series(1, 20000) n, LATERAL (SELECT ($2::text[])[1 + n % 4] AS s) surname`,
      [ws.workspaceId, surnames],
    );
    await db.query(
      `INSERT INTO social_identities (workspace_id, id, network, external_id, handle, display_name, email, contact_id, first_seen_at, last_seen_at)
       SELECT c.workspace_id, gen_random_uuid(), 'email', 'ext' || c.first_name, lower(c.first_name) || '@mail.example', c.display_name,
              lower(c.first_name) || '@mail.example', c.id, now(), now()
         FROM contacts c WHERE c.workspace_id = $1`,
      [ws.workspaceId],
    );
    await db.query(
      `INSERT INTO social_identities (workspace_id, id, network, external_id, handle, display_name, first_seen_at, last_seen_at)
       VALUES ($1, gen_random_uuid(), 'meta', '6512345678901234', '6512345678901234', 'Mia Rossi', now(), now())`,
      [ws.workspaceId],
    );
    await db.query(
      `INSERT INTO conversations (workspace_id, id, network, thread_key, subject, identity_id, contact_id, preview, last_message_at, created_at, updated_at)
       SELECT i.workspace_id, gen_random_uuid(), i.network, 'thread-' || i.external_id, 'Order ' || i.external_id, i.id, i.contact_id,
              'Where is my order?', now() - random() * interval '30 days', now(), now()
         FROM social_identities i WHERE i.workspace_id = $1`,
      [ws.workspaceId],
    );
    for (const table of ['contacts', 'social_identities', 'conversations']) await db.query(`VACUUM ANALYZE ${table}`);

    for (const [q, found] of [
      ['Rossi', 1],
      ['given17@mail.example', 1],
      ['zzzqqq', 0],
    ] as const) {
      const plans = await plansOf(ctx, async (c) => {
        expect((await listConversations(c, { q }, null, 50)).rows, q).toHaveLength(found);
        expect((await countConversations(c, { q })).views.all, q).toBe(found);
      });
      expect(plans, q).toHaveLength(2);
      for (const { sql, plan } of plans) {
        expect(plan, `${q}: ${sql}`).toMatch(/Bitmap Index Scan on social_identities_search/);
        expect(plan, `${q}: ${sql}`).toMatch(/Bitmap Index Scan on contacts_trgm/);
        expect(plan, `${q}: ${sql}`).not.toMatch(/Seq Scan on (social_identities|contacts)\b/);
      }
    }
  });
});
