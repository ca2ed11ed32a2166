/**
 * The WHERE clause of a filtered company list, for segment counts and company exports. Mirrors
 * the filters of GET /api/v1/companies, plus creation dates; scoped by workspace and record access.
 */
import type { Ctx } from '../../platform/context.js';
import { recordScope } from '../shared/record-access.js';
import { hasTags } from '../shared/tags.js';
import { searchCondition } from '../shared/search-text.js';
import type { CompanySegmentFilters } from './segment.schema.js';

export function companyFilters(ctx: Ctx, filters: CompanySegmentFilters, params: unknown[]): { where: string[] } {
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
  const search = filters.q ? searchCondition('co', filters.q, params) : null;
  if (search) where.push(search.where);
  return { where };
}
