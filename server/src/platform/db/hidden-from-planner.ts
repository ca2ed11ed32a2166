/**
 * An expression the planner is not shown: `(SELECT expression)` runs once per execution (an
 * InitPlan) and can still drive an index scan, but its value cannot steer the row estimates. A
 * prepared statement is planned for its values on its first five calls; after that PostgreSQL keeps
 * one generic plan only if it costs less than the plans made for the values, planning included. For
 * a statement whose best plan is the same whatever its values (a search by words goes through its
 * full-text index either way), hiding the values the estimates would read makes both cost the same,
 * so the generic plan is kept and the statement is no longer planned on every call.
 */
export function hiddenFromPlanner(expression: string): string {
  return `(SELECT ${expression})`;
}
