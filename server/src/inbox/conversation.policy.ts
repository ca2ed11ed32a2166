/**
 * Record-level access for conversations, the inbox's counterpart of the CRM's record scope: a
 * member limited to "own" sees conversations assigned to them; "team" adds their teams' ones.
 */
import type { Actor } from '../platform/context.js';

/** An SQL condition on the conversation `alias` and the params it appends. */
export function conversationScope(actor: Actor, alias: string, params: unknown[]): string {
  if (actor.recordScope === 'all' || actor.kind === 'system') return 'true';
  params.push(actor.userId);
  const own = `${alias}.assignee_id = $${params.length}`;
  if (actor.recordScope === 'own') return `(${own})`;
  params.push(actor.teamIds);
  return `(${own} OR ${alias}.team_id = ANY($${params.length}::uuid[]))`;
}
