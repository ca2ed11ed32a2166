/**
 * The arrival index's look-up path: a key is found through the (workspace, key) index, not by
 * reading the workspace's keys, and its holders come from the index alone once vacuumed.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorkspace, testApp, type TestApp } from '../../platform/testing/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

describe('contact_match_keys', () => {
  it('answers a look-up by key through the (workspace, key) index, however many keys the workspace holds', async () => {
    const ws = await buildWorkspace(t.db);
    await t.db.query(
      `INSERT INTO contact_match_keys (workspace_id, key, contact_id)
       SELECT $1, 'n:' || g, gen_random_uuid() FROM generate_series(1, 5000) AS g`,
      [ws.workspaceId],
    );
    await t.db.exec('ANALYZE contact_match_keys');
    const { rows } = await t.db.query<{ 'QUERY PLAN': string }>(
      'EXPLAIN SELECT contact_id FROM contact_match_keys WHERE workspace_id = $1 AND key = $2 LIMIT 51',
      [ws.workspaceId, 'n:42'],
    );
    expect(rows.map((row) => row['QUERY PLAN']).join('\n')).toContain('contact_match_keys_by_key');
  });

  it('finds the holders of a key in the index alone, reading no table page, once the table is vacuumed', async () => {
    const ws = await buildWorkspace(t.db);
    await t.db.query(
      `INSERT INTO contact_match_keys (workspace_id, key, contact_id)
       SELECT $1, 'n:' || (g % 500), gen_random_uuid() FROM generate_series(1, 5000) AS g`,
      [ws.workspaceId],
    );
    await t.db.exec('VACUUM (ANALYZE) contact_match_keys');
    const { rows } = await t.db.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(
      'EXPLAIN (ANALYZE, FORMAT JSON) SELECT contact_id FROM contact_match_keys WHERE workspace_id = $1 AND key = $2 LIMIT 51',
      [ws.workspaceId, 'n:42'],
    );
    const scan = findScan(rows[0]!['QUERY PLAN'][0].Plan);
    expect(scan).toMatchObject({
      'Node Type': 'Index Only Scan',
      'Index Name': 'contact_match_keys_by_key',
      'Actual Rows': 10,
      'Heap Fetches': 0,
    });
  });
});

interface PlanNode {
  'Node Type': string;
  Plans?: PlanNode[];
}

function findScan(node: PlanNode): PlanNode | undefined {
  if (node['Node Type'].includes('Scan')) return node;
  for (const child of node.Plans ?? []) {
    const found = findScan(child);
    if (found) return found;
  }
  return undefined;
}
