/**
 * The arrival index's look-up path: a key is found through the (workspace, key) index, not by
 * reading the workspace's keys, and its holders come from the index alone once vacuumed.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Queryable } from '../../platform/db/db.js';
import { planOf, scansOf, type PlanNode } from '../../platform/testing/query-plans.js';
import { buildWorkspace, testApp, type TestApp } from '../../platform/testing/test-app.js';
import { contactsForMatching, contactsWithStoredKeys, deleteKeys, keyDeletes, keyWrites } from './contact-keys.repo.js';
import { runWrites } from '../../platform/db/write-part.js';

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
    // VACUUM marks pages all-visible only when no older transaction can still see them as new: the
    // suite's other files run transactions in the same database meanwhile, so it is tried again while
    // one of those may be holding it back.
    let scan: PlanNode | undefined;
    for (let attempt = 0; attempt < 50; attempt++) {
      await t.db.exec('VACUUM (ANALYZE) contact_match_keys');
      const plan = await planOf(
        t.db,
        'SELECT contact_id FROM contact_match_keys WHERE workspace_id = $1 AND key = $2 LIMIT 51',
        [ws.workspaceId, 'n:42'],
        true,
      );
      scan = scansOf(plan)[0];
      if (scan?.['Heap Fetches'] === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(scan).toMatchObject({
      'Node Type': 'Index Only Scan',
      'Index Name': 'contact_match_keys_by_key',
      'Actual Rows': 10,
      'Heap Fetches': 0,
    });
  });
});

/** Runs what it is given under EXPLAIN, and keeps the plans. */
function explaining(): Queryable & { plans: PlanNode[] } {
  const plans: PlanNode[] = [];
  return {
    plans,
    async query<Row>(sql: string, params?: readonly unknown[]) {
      plans.push(await planOf(t.db, sql, params));
      return { rows: [] as Row[], rowCount: 0 };
    },
  };
}

describe('reading contacts to match, and writing their keys', () => {
  it('finds each contact by its primary key even when the statistics say the workspace has none', async () => {
    const ws = await buildWorkspace(t.db);
    // Statistics from before the workspace had contacts, as between two analyses of a growing table,
    // taken while other workspaces hold a few contacts each (as `by-primary-key.ts` needs).
    await t.db.exec(
      `WITH small AS (
         INSERT INTO workspaces (id, name, slug)
         SELECT gen_random_uuid(), 'Small ' || g, 'small-' || gen_random_uuid() FROM generate_series(1, 100) AS g RETURNING id
       )
       INSERT INTO contacts (workspace_id, id, first_name, last_name, display_name, search_text)
       SELECT small.id, gen_random_uuid(), 'Kim', 'Lee ' || g, 'Kim Lee ' || g, 'kim lee ' || g FROM small CROSS JOIN generate_series(1, 5) AS g;
       ANALYZE contacts;`,
    );
    const { rows } = await t.db.query<{ id: string }>(
      `INSERT INTO contacts (workspace_id, id, first_name, last_name, display_name, search_text)
       SELECT $1, gen_random_uuid(), 'Ana', 'Berg ' || g, 'Ana Berg ' || g, 'ana berg ' || g FROM generate_series(1, 2000) AS g
       RETURNING id`,
      [ws.workspaceId],
    );
    const ids = rows.slice(0, 32).map((row) => row.id);
    const db = explaining();
    await contactsForMatching(db, ws.workspaceId, ids);
    await contactsWithStoredKeys(db, ws.workspaceId, ids);
    // Keys are written only for contacts that still exist: checked row by row, not by reading the workspace's contacts.
    await runWrites(db, ws.workspaceId, new Date(), [keyWrites(ids.map((contactId) => ({ key: `n:${contactId}`, contactId })))]);
    expect(db.plans).toHaveLength(3);
    for (const plan of db.plans) {
      const scans = scansOf(plan).filter((scan) => scan['Relation Name'] === 'contacts');
      expect(scans).toEqual([expect.objectContaining({ 'Index Name': 'contacts_pkey', 'Index Cond': expect.stringContaining('id =') })]);
    }
  });
});

describe('deleting keys', () => {
  it('finds each contact’s keys by its primary key even when the statistics say the workspace has none', async () => {
    const ws = await buildWorkspace(t.db);
    // Statistics from before the workspace had keys, as between two analyses of a growing table.
    await t.db.exec('ANALYZE contact_match_keys');
    const { rows } = await t.db.query<{ contactId: string }>(
      `WITH contacts AS (SELECT gen_random_uuid() AS id FROM generate_series(1, 2000))
       INSERT INTO contact_match_keys (workspace_id, key, contact_id)
       SELECT $1, 'n:' || k || ':' || c.id, c.id FROM contacts c CROSS JOIN generate_series(1, 10) AS k
       RETURNING contact_id AS "contactId"`,
      [ws.workspaceId],
    );
    const contactIds = [...new Set(rows.map((row) => row.contactId))].slice(0, 32);
    const db = explaining();
    await deleteKeys(db, ws.workspaceId, contactIds);
    await runWrites(db, ws.workspaceId, new Date(), [keyDeletes(contactIds.map((contactId) => ({ key: `n:1:${contactId}`, contactId })))]);
    expect(db.plans).toHaveLength(2);
    for (const plan of db.plans) {
      const scans = scansOf(plan).filter((scan) => scan['Relation Name'] === 'contact_match_keys' && scan['Node Type'] !== 'Tid Scan');
      expect(scans).toEqual([
        expect.objectContaining({
          'Node Type': 'Index Scan',
          'Index Name': 'contact_match_keys_pkey',
          'Index Cond': expect.stringContaining('contact_id'),
        }),
      ]);
    }
  });
});
