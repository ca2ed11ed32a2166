/** Runs a registered action on a mention: checks the role and the parameters, then records who did what. */
import Value from 'typebox/value';
import { ROLE_RANK, type Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/db.js';
import { recordEvents } from '../../platform/events/event.js';
import { forbidden, invalid, notFound } from '../../platform/http/errors.js';
import { reasonOf } from '../../platform/http/field-problems.js';
import { getMention } from '../mentions/mention.service.js';
import { mentionAction, type ActionResult } from './index.js';

export async function runMentionAction(ctx: Ctx, db: Db, mentionId: string, name: string, params: unknown): Promise<ActionResult> {
  const action = mentionAction(name);
  if (!action) throw notFound('Action');
  if (ROLE_RANK[ctx.actor.role] < ROLE_RANK[action.role]) throw forbidden(`${action.label} needs the ${action.role} role`);
  if (!Value.Check(action.params, params)) {
    throw invalid(
      [...Value.Errors(action.params, params)]
        .slice(0, 5)
        .map((e) => ({ field: e.instancePath.replace(/^\//, '') || 'params', reason: reasonOf(e, action.params) })),
    );
  }
  const mention = await getMention(ctx, mentionId);
  const result = await action.run(ctx, db, mention, params as never);
  await recordEvents(db, [
    {
      workspaceId: ctx.workspaceId,
      type: 'mention.action_taken',
      subjectType: 'mention',
      subjectId: mention.id,
      actorId: ctx.actor.userId,
      data: { action: name, params: params as Record<string, unknown>, result: { ...result } },
    },
  ]);
  return result;
}
