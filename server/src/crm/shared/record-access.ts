/**
 * Record-level access for CRM records: a member limited to "own" sees records they own; "team"
 * adds records assigned to their teams. Applied inside every query, never after fetching.
 */
import type { Actor } from '../../platform/context.js';

/** An SQL condition on `alias` and the params it appends (positions continue from `params`). */
export function recordScope(actor: Actor, alias: string, params: unknown[]): string {
  if (actor.recordScope === 'all' || actor.kind === 'system') return 'true';
  params.push(actor.userId);
  const own = `${alias}.owner_id = $${params.length}`;
  if (actor.recordScope === 'own') return `(${own})`;
  params.push(actor.teamIds);
  return `(${own} OR ${alias}.team_id = ANY($${params.length}::uuid[]))`;
}
