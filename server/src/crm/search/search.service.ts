/** Use case for global search. */
import type { Ctx } from '../../platform/context.js';
import { searchRecords } from './search.repo.js';
import type { SearchQuery, SearchResult } from './search.schema.js';

export async function searchEverything(ctx: Ctx, query: SearchQuery): Promise<{ data: SearchResult[] }> {
  return { data: await searchRecords(ctx, query.q, query.limit ?? 20) };
}
