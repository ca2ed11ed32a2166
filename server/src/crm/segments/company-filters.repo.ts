/**
 * The WHERE clause of a filtered company list, for segment counts and company exports. Mirrors
 * the filters of GET /api/v1/companies, plus creation dates, and selects by `q` as the list does
 * (see searchWithFallback); scoped by workspace and record access.
 */
import type { Ctx } from '../../platform/context.js';
import { recordScope } from '../shared/record-access.js';
import { hasTags } from '../shared/tags.js';
import { isSearch, searchCondition, searchModeOf, type SearchMode } from '../shared/search-text.js';
import type { CompanySegmentFilters } from './segment.schema.js';

/** `mode` is how `q` selects, as searchWithFallback decides it; null for a read without one. */
export function companyFilters(ctx: Ctx, filters: CompanySegmentFilters, params: unknown[], mode: SearchMode | null): { where: string[] } {
  params.push(ctx.workspaceId);
  const where = [`co.workspace_id = $${params.length}`, recordScope(ctx.actor, 'co', params)];
  if (filters.tag?.length) where.push(hasTags('co', filters.tag, params));
  if (filters.industry !== undefined) {
    params.push(filters.industry.trim());
    where.push(`lower(co.industry) = lower($${params.length})`);
  }
  for (const [key, column] of [
    ['ownerId', 'owner_id'],
    ['teamId', 'team_id'],
  ] as const) {
    const value = filters[key];
    if (value) {
      params.push(value);
      where.push(`co.${column} = $${params.length}`);
    }
  }
  if (filters.createdAfter) {
    params.push(filters.createdAfter);
    where.push(`co.created_at >= $${params.length}`);
  }
  if (filters.createdBefore) {
    params.push(filters.createdBefore);
    where.push(`co.created_at < $${params.length}`);
  }
  if (!isSearch(filters.q)) return { where };
  if (!mode) throw new Error('A search is applied in the mode searchWithFallback decides for it');
  where.push(searchCondition('co', filters.q, params, mode)!.where);
  return { where };
}

/**
 * How `q` selects among the companies the other filters leave (see searchWithFallback), for a read in
 * parts that must keep to one mode: by prefix if any company matches so; null without a search.
 */
export async function companySearchMode(ctx: Ctx, filters: CompanySegmentFilters): Promise<SearchMode | null> {
  if (!isSearch(filters.q)) return null;
  const params: unknown[] = [];
  const { where } = companyFilters(ctx, filters, params, 'prefix');
  return searchModeOf(ctx.db, 'companies co', where, params);
}
