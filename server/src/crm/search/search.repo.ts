/**
 * The one query behind global search: the best contacts and the best companies, each found with
 * the same full-text + trigram condition and ranked with the same formula, merged by score.
 */
import type { Ctx } from '../../platform/context.js';
import { recordScope } from '../shared/record-access.js';
import { listLimit } from '../../platform/db/limit.js';
import { prefixSearchWorkspace, searchCondition, searchWithFallback, type SearchMode } from '../shared/search-text.js';
import type { SearchResult } from './search.schema.js';

export function searchRecords(ctx: Ctx, q: string, limit: number): Promise<SearchResult[]> {
  return searchWithFallback(
    ctx.db,
    (mode, db) => searchIn({ ...ctx, db }, q, limit, mode),
    (results) => results.length > 0,
  );
}

async function searchIn(ctx: Ctx, q: string, limit: number, mode: SearchMode): Promise<SearchResult[]> {
  const params: unknown[] = [ctx.workspaceId];
  const contactScope = recordScope(ctx.actor, 'c', params);
  const contactMatch = searchCondition('c', q, params, mode, true);
  const companyScope = recordScope(ctx.actor, 'co', params);
  const companyMatch = searchCondition('co', q, params, mode, true);
  if (!contactMatch || !companyMatch) return [];
  const top = listLimit(limit, params, mode === 'fuzzy');
  const { rows } = await ctx.db.query<SearchResult>(
    `SELECT type, id, title, subtitle, score FROM (
       (SELECT 'contact' AS type, c.id::text AS id, c.display_name AS title,
               NULLIF(concat_ws(' · ', NULLIF(c.title, ''), cc.name, c.emails->0->>'address'), '') AS subtitle,
               (${contactMatch.rank})::float8 AS score
          FROM contacts c LEFT JOIN companies cc ON cc.workspace_id = c.workspace_id AND cc.id = c.company_id
         WHERE ${prefixSearchWorkspace('c', '$1', mode)} AND ${contactScope} AND ${contactMatch.where}
         ORDER BY score DESC, c.id ${top})
       UNION ALL
       (SELECT 'company', co.id::text, co.name,
               NULLIF(concat_ws(' · ', NULLIF(co.industry, ''), co.domains[1]), ''),
               (${companyMatch.rank})::float8 AS score
          FROM companies co
         WHERE ${prefixSearchWorkspace('co', '$1', mode)} AND ${companyScope} AND ${companyMatch.where}
         ORDER BY score DESC, co.id ${top})
     ) found
     ORDER BY score DESC, type, id ${top}`,
    params,
  );
  return rows.map((row) => ({ ...row, score: Math.round(row.score * 10_000) / 10_000 }));
}
