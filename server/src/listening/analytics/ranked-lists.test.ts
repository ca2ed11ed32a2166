/**
 * Top-N reads the monthly ranked lists by rank: a list of 5,000 authors is read through its index
 * in count order up to the depth, never sorted whole (the every-query list was, at 172,782 authors
 * a month, because `query_id IS NULL` gives the planner no order).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorkspace, testApp, type TestApp } from '../../platform/testing/test-app.js';
import { rankedTerms, rankedTermsSql } from './analytics.repo.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

const MONTHS = ['2026-10-01', '2026-11-01'];

/**
 * The plan with sorting priced out: a Sort left in it means no index gives the list in count order.
 * (With sorting allowed, a small list may rightly be sorted; a month of 172,782 authors may not.)
 */
async function plan(sql: string, params: unknown[]): Promise<string> {
  return t.db.transaction(async (tx) => {
    await tx.query('SET LOCAL enable_sort = off');
    const { rows } = await tx.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`, params);
    return rows.map((row) => row['QUERY PLAN']).join('\n');
  });
}

describe('ranked term lists', () => {
  it('reads the every-query and the per-query lists in count order through their own indexes', async () => {
    const ws = await buildWorkspace(t.db);
    const queryId = crypto.randomUUID();
    await t.db.query(
      `INSERT INTO listening_queries (workspace_id, id, name, query, kind, created_at, updated_at) VALUES ($1, $2, 'acme', 'acme', 'brand', now(), now())`,
      [ws.workspaceId, queryId],
    );
    for (const list of [null, queryId]) {
      await t.db.query(
        `INSERT INTO mention_term_months (workspace_id, query_id, month, kind, term, mentions)
         SELECT $1, $2::uuid, m::date, 'author', 'author-' || g, 1 + (g * 7919) % 5000
           FROM generate_series(1, 5000) g, unnest($3::text[]) m`,
        [ws.workspaceId, list, MONTHS],
      );
    }
    await t.db.exec('ANALYZE mention_term_months');

    const everyQuery = await plan(rankedTermsSql(false), [ws.workspaceId, 'author', MONTHS, 40]);
    expect(everyQuery).toContain('mention_term_months_rank_all');
    expect(everyQuery).not.toMatch(/\bSort\b/);
    const perQuery = await plan(rankedTermsSql(true), [ws.workspaceId, 'author', MONTHS, [queryId], 40]);
    expect(perQuery).toMatch(/mention_term_months_rank\b/);
    expect(perQuery).not.toMatch(/\bSort\b/);

    const ranked = await rankedTerms(t.db, ws.workspaceId, 'author', null, MONTHS, 3);
    expect(ranked.map((r) => [r.month, r.mentions])).toEqual([
      ['2026-10-01', 5000],
      ['2026-10-01', 4999],
      ['2026-10-01', 4998],
      ['2026-11-01', 5000],
      ['2026-11-01', 4999],
      ['2026-11-01', 4998],
    ]);
  });
});
