/**
 * Each workspace's active queries compiled into one index, kept per process and rebuilt only when
 * the queries changed (one cheap version query per batch tells). Matching a message then costs
 * the queries whose terms it contains, not every query.
 */
import type { Queryable } from '../../platform/db/db.js';
import { compileQuery, createQueryIndex, parseQuery, type QueryIndex } from '../query/index.js';
import { activeQueries, queriesVersion } from '../saved-queries/saved-query.repo.js';

interface CachedIndex {
  version: string;
  index: QueryIndex;
  size: number;
}

const cache = new Map<string, CachedIndex>();

export async function workspaceQueryIndex(db: Queryable, workspaceId: string): Promise<CachedIndex> {
  const version = await queriesVersion(db, workspaceId);
  const cached = cache.get(workspaceId);
  if (cached?.version === version) return cached;
  const index = createQueryIndex();
  let size = 0;
  for (const row of await activeQueries(db, workspaceId)) {
    // Saved queries were parsed when saved; one the parser has since grown stricter about is skipped, not fatal.
    const parsed = parseQuery(row.query);
    if (!parsed.ok) continue;
    index.add(row.id, compileQuery(parsed.query));
    size++;
  }
  const entry = { version, index, size };
  cache.set(workspaceId, entry);
  return entry;
}
