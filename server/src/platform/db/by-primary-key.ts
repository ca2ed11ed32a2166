/**
 * Rows of a workspace-scoped table by id, each found through its (workspace_id, id) primary key
 * whatever the statistics say. Written as `workspace_id = $1 AND id = ANY($2)`, or as an `EXISTS`
 * the planner turns into a join, the statement's plan follows the row estimates, and those come from
 * the last analysis: when it predates a workspace's growth, the planner takes the workspace for a few
 * rows and reads all of them through any index that starts with `workspace_id` (3 ms a call at
 * 7,000 contacts on PGlite, a join reading all the workspace's contacts to check 200 rows). Here the
 * workspace is hidden from the estimates, and `OFFSET 0` keeps each look-up a look-up of its own.
 * A hidden workspace is estimated at the table's rows over its workspaces, so the primary key wins
 * wherever workspaces hold more than a row or so each; in a table where nearly every workspace holds
 * one row (the analysis then finds the column unique) every index looks alike and any may be taken.
 */
import { hiddenFromPlanner } from './hidden-from-planner.js';

/** A `FROM` item: the rows of `table` whose ids are in the uuid array `ids`, named `alias`, in no particular order. */
export function rowsByIds(table: string, alias: string, workspace: string, ids: string): string {
  return `unnest(${ids}::uuid[]) AS ${alias}_wanted(id)
  CROSS JOIN LATERAL (SELECT * FROM ${table} WHERE workspace_id = ${hiddenFromPlanner(`${workspace}::uuid`)} AND id = ${alias}_wanted.id OFFSET 0) ${alias}`;
}

/** A condition: the row of `table` with the id `id` (an SQL expression) exists in the workspace. */
export function rowExists(table: string, workspace: string, id: string): string {
  return `EXISTS (SELECT 1 FROM ${table} WHERE workspace_id = ${hiddenFromPlanner(`${workspace}::uuid`)} AND id = ${id} OFFSET 0)`;
}
