/** Who may keep which company: the same record-scope rule contacts follow. */
import type { Ctx } from '../../platform/context.js';
import { forbidden } from '../../platform/http/errors.js';

/**
 * A member limited to their own records may only create or keep companies they own (or, with team
 * scope, their teams own); otherwise they could create records they can no longer see.
 */
export function checkCompanyOwnership(ctx: Ctx, ownerId: string | null, teamId: string | null): void {
  const { actor } = ctx;
  if (actor.recordScope === 'all' || actor.kind === 'system') return;
  if (ownerId === actor.userId) return;
  if (actor.recordScope === 'team' && teamId && actor.teamIds.includes(teamId)) return;
  throw forbidden('You can only keep companies you own' + (actor.recordScope === 'team' ? ' or your teams own' : ''));
}
