import type { Queryable } from './db.js';

/**
 * A write that runs alone or together with others in one statement (matching on arrival writes a
 * batch's keys, links and review pairs in one round trip). Its SQL reads `$1` as the workspace and
 * `$2` as the time, its own parameters from the position it was built for.
 */
export interface WritePart {
  /** Common table expressions the write needs before it, `name AS (…)` joined by commas, or ''. */
  ctes: string;
  /** One data-modifying statement. */
  sql: string;
  params: unknown[];
}

/** Builds a part whose own parameters start at `$first`; null when it has nothing to write. */
export type WritePartAt = (first: number) => WritePart | null;

/**
 * Runs the parts in one statement (none when none has anything to write). Parts must touch
 * different rows: they all see one snapshot. Every data-modifying CTE runs to completion whether
 * read or not.
 */
export async function runWrites(tx: Queryable, workspaceId: string, at: Date, parts: readonly WritePartAt[]): Promise<void> {
  const params: unknown[] = [workspaceId, at];
  const built: WritePart[] = [];
  for (const part of parts) {
    const write = part(params.length + 1);
    if (write === null) continue;
    built.push(write);
    params.push(...write.params);
  }
  if (built.length === 0) return;
  const ctes = built.flatMap((write, i) => [...(write.ctes ? [write.ctes] : []), `write_${i} AS (${write.sql})`]);
  // The main query names the time, so a statement whose parts do not use it still types `$2`.
  await tx.query(`WITH ${ctes.join(', ')} SELECT $2::timestamptz AS at`, params);
}
