/**
 * The look-up behind linking identities to a contact that now holds their address or handle runs
 * on every contact created or changed (the relay links a batch of new senders' contacts at once),
 * so it must read only the holders, whatever the number of identities in the workspace.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Queryable } from '../../platform/db/db.js';
import { planOf, scansOf, type PlanNode } from '../../platform/testing/query-plans.js';
import { buildWorkspace, testApp, type TestApp } from '../../platform/testing/test-app.js';
import { unlinkedIdentitiesHolding } from './rule-links.repo.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

interface AnalysedNode extends PlanNode {
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Rows Removed by Filter'?: number;
}

/** Runs the statements it is given under EXPLAIN ANALYZE, keeping the plans, and answers with their rows. */
function analysing(): Queryable & { plans: AnalysedNode[] } {
  const plans: AnalysedNode[] = [];
  return {
    plans,
    async query<Row>(sql: string, params?: readonly unknown[]) {
      plans.push(await planOf(t.db, sql, params, true));
      return t.db.query<Row>(sql, params);
    },
  };
}

/** Rows a scan of social_identities read, kept or filtered out, over all its loops. */
function identityRowsRead(plan: AnalysedNode): number {
  return (scansOf(plan) as AnalysedNode[])
    .filter((scan) => scan['Relation Name'] === 'social_identities')
    .reduce((sum, scan) => sum + ((scan['Actual Rows'] ?? 0) + (scan['Rows Removed by Filter'] ?? 0)) * (scan['Actual Loops'] ?? 1), 0);
}

describe('unlinked identities holding an address or handle', () => {
  it('reads only the holders of the addresses and handles, not every identity of the workspace', async () => {
    const ws = await buildWorkspace(t.db);
    await t.db.query(
      `INSERT INTO social_identities (workspace_id, id, network, external_id, handle, display_name, email, first_seen_at, last_seen_at, matched_at)
       SELECT $1, gen_random_uuid(), 'email', 'sender-' || g, 'sender' || g, 'Sender ' || g, 'sender' || g || '@mail.test', now(), now(), now()
         FROM generate_series(1, 20000) AS g`,
      [ws.workspaceId],
    );
    await t.db.exec('ANALYZE social_identities');

    const nobody = analysing();
    const none = await unlinkedIdentitiesHolding(
      nobody,
      ws.workspaceId,
      Array.from({ length: 100 }, (_, i) => `stranger${i}@mail.test`),
      ['stranger'],
    );
    expect(none).toEqual([]);
    expect(identityRowsRead(nobody.plans[0]!)).toBe(0);

    const some = analysing();
    const found = await unlinkedIdentitiesHolding(some, ws.workspaceId, ['sender7@mail.test', 'nobody@mail.test'], ['sender42']);
    expect(found.map((identity) => identity.handle).sort()).toEqual(['sender42', 'sender7']);
    // Each holder read once by its key and once again by id to lock it.
    expect(identityRowsRead(some.plans[0]!)).toBeLessThanOrEqual(4);
  });
});
