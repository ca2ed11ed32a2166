/** Query plans for tests that assert how a statement reads its rows (`EXPLAIN (FORMAT JSON)`). */
import type { Queryable } from '../db/db.js';

export interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Index Cond'?: string;
  /** With `analyze`: table pages an index-only scan still had to read. */
  'Heap Fetches'?: number;
  Plans?: PlanNode[];
}

/** The plan the database would run for the statement, without running it (`analyze`: run it, with actual figures). */
export async function planOf(db: Queryable, sql: string, params?: readonly unknown[], analyze = false): Promise<PlanNode> {
  const { rows } = await db.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(
    `EXPLAIN (${analyze ? 'ANALYZE, ' : ''}FORMAT JSON) ${sql}`,
    params,
  );
  return rows[0]!['QUERY PLAN'][0].Plan;
}

/** Every scan in the plan, outermost first. */
export function scansOf(node: PlanNode): PlanNode[] {
  return [...(node['Node Type'].includes('Scan') ? [node] : []), ...(node.Plans ?? []).flatMap(scansOf)];
}
