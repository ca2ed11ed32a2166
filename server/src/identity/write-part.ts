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
