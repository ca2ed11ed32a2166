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

/**
 * The same rule from the other side, for naming colleagues (an @mention): an SQL condition true when
 * the member `membership` (a `memberships` row) may see the conversation `conversation`.
 */
export function memberSeesConversation(membership: string, conversation: string): string {
  return `(${membership}.record_scope = 'all' OR ${conversation}.assignee_id = ${membership}.user_id
    OR (${membership}.record_scope = 'team' AND EXISTS (
      SELECT 1 FROM team_members tm
       WHERE tm.workspace_id = ${membership}.workspace_id AND tm.user_id = ${membership}.user_id AND tm.team_id = ${conversation}.team_id)))`;
}
