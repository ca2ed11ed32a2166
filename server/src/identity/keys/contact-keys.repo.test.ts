/** The arrival index's look-up path: a key is found through the (workspace, key) index, not by reading the workspace's keys. */
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
});
