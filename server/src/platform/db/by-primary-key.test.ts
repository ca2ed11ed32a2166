/**
 * Look-ups by id keep to the primary key when the statistics are from before the workspace grew,
 * where `workspace_id = $1 AND id = ANY($2)` and a joined `EXISTS` read all of the workspace's rows.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorkspace, testApp, type TestApp } from '../testing/test-app.js';
import { rowExists, rowsByIds } from './by-primary-key.js';

let t: TestApp;
let workspaceId: string;
let ids: string[];

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Index Cond'?: string;
  Plans?: PlanNode[];
}

function scansOf(node: PlanNode): PlanNode[] {
  return [...(node['Node Type'].includes('Scan') ? [node] : []), ...(node.Plans ?? []).flatMap(scansOf)];
}

async function companyScans(sql: string, params: unknown[]): Promise<PlanNode[]> {
  const { rows } = await t.db.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(`EXPLAIN (FORMAT JSON) ${sql}`, params);
  return scansOf(rows[0]!['QUERY PLAN'][0].Plan).filter((scan) => scan['Relation Name'] === 'companies');
}

const BY_PRIMARY_KEY = expect.objectContaining({ 'Index Name': 'companies_pkey', 'Index Cond': expect.stringContaining('id =') });

beforeAll(async () => {
  t = await testApp();
  ({ workspaceId } = await buildWorkspace(t.db));
  // Statistics from before the workspace had companies, as between two analyses of a growing table.
  await t.db.exec('ANALYZE companies');
  const { rows } = await t.db.query<{ id: string }>(
    `INSERT INTO companies (workspace_id, id, name, search_text)
     SELECT $1, gen_random_uuid(), 'Company ' || g, 'company ' || g FROM generate_series(1, 3000) AS g RETURNING id`,
    [workspaceId],
  );
  ids = rows.slice(0, 40).map((row) => row.id);
});

describe('by primary key', () => {
  it('reads rows by id through the primary key, one look-up each', async () => {
    expect(await companyScans(`SELECT c.id FROM ${rowsByIds('companies', 'c', '$1', '$2')}`, [workspaceId, ids])).toEqual([BY_PRIMARY_KEY]);
    const { rows } = await t.db.query<{ id: string }>(`SELECT c.id FROM ${rowsByIds('companies', 'c', '$1', '$2')}`, [
      workspaceId,
      [...ids, ids[0], '00000000-0000-7000-8000-000000000000'],
    ]);
    expect(rows.map((row) => row.id).sort()).toEqual([...ids, ids[0]].sort());
  });

  it('checks that rows exist one probe each, not by reading the workspace', async () => {
    const sql = `SELECT u.id FROM unnest($2::uuid[]) AS u(id) WHERE ${rowExists('companies', '$1', 'u.id')}`;
    expect(await companyScans(sql, [workspaceId, ids])).toEqual([BY_PRIMARY_KEY]);
    const { rows } = await t.db.query<{ id: string }>(sql, [workspaceId, [ids[1], '00000000-0000-7000-8000-000000000000']]);
    expect(rows).toEqual([{ id: ids[1] }]);
  });

  it('finds nothing of another workspace', async () => {
    const other = await buildWorkspace(t.db);
    const { rows } = await t.db.query(`SELECT c.id FROM ${rowsByIds('companies', 'c', '$1', '$2')}`, [other.workspaceId, ids]);
    expect(rows).toEqual([]);
  });

  it('is what a plain look-up is not: the plain forms read the whole workspace here', async () => {
    const plain = await companyScans('SELECT c.id FROM companies c WHERE c.workspace_id = $1 AND c.id = ANY($2::uuid[])', [
      workspaceId,
      ids,
    ]);
    const joined = await companyScans(
      'SELECT u.id FROM unnest($2::uuid[]) AS u(id) WHERE EXISTS (SELECT 1 FROM companies c WHERE c.workspace_id = $1 AND c.id = u.id)',
      [workspaceId, ids],
    );
    expect([...plain, ...joined].some((scan) => !String(scan['Index Cond'] ?? '').includes('id ='))).toBe(true);
  });
});
