/**
 * Look-ups by id keep to the primary key when the statistics are from before the workspace grew,
 * where `workspace_id = $1 AND id = ANY($2)` and a joined `EXISTS` read all of the workspace's rows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planOf, scansOf, type PlanNode } from '../testing/query-plans.js';
import { testApp, type TestApp } from '../testing/test-app.js';
import { newId } from './ids.js';
import { rowExists, rowsByIds } from './by-primary-key.js';

/** A table of its own, so the statistics the test needs do not depend on what other tests left. */
const TABLE = `by_primary_key_probe_${Date.now().toString(36)}`;

let t: TestApp;
let workspaceId: string;
let ids: string[];

async function probeScans(sql: string, params: unknown[]): Promise<PlanNode[]> {
  return scansOf(await planOf(t.db, sql, params)).filter((scan) => scan['Relation Name'] === TABLE);
}

const BY_PRIMARY_KEY = expect.objectContaining({ 'Index Name': `${TABLE}_pkey`, 'Index Cond': expect.stringContaining('id =') });

beforeAll(async () => {
  t = await testApp();
  workspaceId = newId();
  await t.db.exec(
    `CREATE TABLE ${TABLE} (workspace_id uuid NOT NULL, id uuid NOT NULL, label text NOT NULL, PRIMARY KEY (workspace_id, id));
     CREATE INDEX ${TABLE}_label ON ${TABLE} (workspace_id, label);
     INSERT INTO ${TABLE} (workspace_id, id, label)
     SELECT w.id, gen_random_uuid(), 'small ' || g FROM (SELECT gen_random_uuid() AS id FROM generate_series(1, 300)) w
      CROSS JOIN generate_series(1, 3) AS g;
     ANALYZE ${TABLE};`,
  );
  // Statistics from before this workspace had rows, as between two analyses of a table where one workspace grows.
  const { rows } = await t.db.query<{ id: string }>(
    `INSERT INTO ${TABLE} (workspace_id, id, label) SELECT $1, gen_random_uuid(), 'row ' || g FROM generate_series(1, 3000) AS g RETURNING id`,
    [workspaceId],
  );
  ids = rows.slice(0, 40).map((row) => row.id);
});

afterAll(async () => {
  await t.db.exec(`DROP TABLE ${TABLE}`);
});

describe('by primary key', () => {
  it('reads rows by id through the primary key, one look-up each', async () => {
    expect(await probeScans(`SELECT c.id FROM ${rowsByIds(TABLE, 'c', '$1', '$2')}`, [workspaceId, ids])).toEqual([BY_PRIMARY_KEY]);
    const { rows } = await t.db.query<{ id: string }>(`SELECT c.id FROM ${rowsByIds(TABLE, 'c', '$1', '$2')}`, [
      workspaceId,
      [...ids, ids[0], '00000000-0000-7000-8000-000000000000'],
    ]);
    expect(rows.map((row) => row.id).sort()).toEqual([...ids, ids[0]].sort());
  });

  it('checks that rows exist one probe each, not by reading the workspace', async () => {
    const sql = `SELECT u.id FROM unnest($2::uuid[]) AS u(id) WHERE ${rowExists(TABLE, '$1', 'u.id')}`;
    expect(await probeScans(sql, [workspaceId, ids])).toEqual([BY_PRIMARY_KEY]);
    const { rows } = await t.db.query<{ id: string }>(sql, [workspaceId, [ids[1], '00000000-0000-7000-8000-000000000000']]);
    expect(rows).toEqual([{ id: ids[1] }]);
  });

  it('finds nothing of another workspace', async () => {
    const { rows } = await t.db.query(`SELECT c.id FROM ${rowsByIds(TABLE, 'c', '$1', '$2')}`, [newId(), ids]);
    expect(rows).toEqual([]);
  });

  it('is what a plain look-up is not: the plain forms read the whole workspace here', async () => {
    const plain = await probeScans(`SELECT c.id FROM ${TABLE} c WHERE c.workspace_id = $1 AND c.id = ANY($2::uuid[])`, [workspaceId, ids]);
    const joined = await probeScans(
      `SELECT u.id FROM unnest($2::uuid[]) AS u(id) WHERE EXISTS (SELECT 1 FROM ${TABLE} c WHERE c.workspace_id = $1 AND c.id = u.id)`,
      [workspaceId, ids],
    );
    expect([...plain, ...joined].some((scan) => !String(scan['Index Cond'] ?? '').includes('id ='))).toBe(true);
  });
});
