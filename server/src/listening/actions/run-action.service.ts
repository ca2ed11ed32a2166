/** Runs a registered action on a mention: checks the role and the parameters, then records who did what. */
import { ROLE_RANK, type Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/db.js';
import { recordEvents } from '../../platform/events/event.js';
import { forbidden, invalid, notFound } from '../../platform/http/errors.js';
import { bodyProblems } from '../../platform/http/validation.js';
import { getMention } from '../mentions/mention.service.js';
import { mentionAction, type ActionResult } from './index.js';

export async function runMentionAction(ctx: Ctx, db: Db, mentionId: string, name: string, params: unknown): Promise<ActionResult> {
  const action = mentionAction(name);
  if (!action) throw notFound('Action');
  if (ROLE_RANK[ctx.actor.role] < ROLE_RANK[action.role]) throw forbidden(`${action.label} needs the ${action.role} role`);
  // The parameters are the request body: checked, and their problems worded, as every route's body is.
  const problems = bodyProblems(action.params, params);
  if (problems.length) throw invalid(problems);
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
