/** The link statement's plan: a workspace's review pairs are reached by index, however many there are. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Queryable } from '../../platform/db/db.js';
import { newId } from '../../platform/db/ids.js';
import { buildWorkspace, testApp, type TestApp } from '../../platform/testing/test-app.js';
import { recordLinks } from './link.repo.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

/** The statements a call sends, each explained (not run) in place of running it. */
async function plansOf(call: (db: Queryable) => Promise<unknown>): Promise<string> {
  const plans: string[] = [];
  await call({
    query: async <Row>(sql: string, params: readonly unknown[] = []) => {
      const { rows } = await t.db.query<Record<string, string>>(`EXPLAIN ${sql}`, params);
      plans.push(rows.map((row) => Object.values(row)[0]).join('\n'));
      return { rows: [] as Row[], rowCount: 0 };
    },
  });
  return plans.join('\n');
}

describe('recording links', () => {
  it('settles the linked identities’ review pairs through the index, not by reading every pair', async () => {
    const ws = await buildWorkspace(t.db);
    await t.db.query(
      `INSERT INTO duplicate_candidates (workspace_id, id, kind, left_id, right_id, probability, weight, decision, created_at, updated_at)
       SELECT $1, gen_random_uuid(), 'identity', gen_random_uuid(), gen_random_uuid(), 0.5, 1, 'review', now(), now()
         FROM generate_series(1, 6000)`,
      [ws.workspaceId],
    );
    await t.db.exec('ANALYZE duplicate_candidates');
    const link = (decidedBy: string | null) => ({
      identityId: newId(),
      contactId: newId(),
      method: 'rule' as const,
      rule: 'email' as const,
      probability: null,
      weight: null,
      evidence: [],
      decidedBy,
    });
    const plans = await plansOf((db) => recordLinks(db, ws.workspaceId, [link(null), link(ws.owner.userId)], new Date()));
    expect(plans).toMatch(/Index Scan using duplicate_candidates_workspace_id_kind_left_id_right_id_key/);
    expect(plans).not.toMatch(/Seq Scan on duplicate_candidates|duplicate_candidates_open/);
  });
});
