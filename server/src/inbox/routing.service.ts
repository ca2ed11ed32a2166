/** Use cases for routing rules and team assignment settings (admin configuration). */
import type { Ctx } from '../platform/context.js';
import type { Db, Queryable } from '../platform/db/db.js';
import { newId } from '../platform/db/ids.js';
import { changes, recordEvents, type NewEvent } from '../platform/events/event.js';
import { cursorNotGivenOut, decodeCursor, encodeCursor, isCursorId } from '../platform/http/cursor.js';
import { blank, type FieldProblem, invalid, notFound } from '../platform/http/errors.js';
import { isMember, teamExists } from './conversation.repo.js';
import * as repo from './routing.repo.js';
import type {
  RoutingRule,
  RoutingRuleInput,
  RoutingRuleListQuery,
  RoutingRulePatch,
  TeamInboxSettings,
  TeamInboxSettingsInput,
} from './routing.schema.js';

function event(ctx: Ctx, type: string, subjectType: string, id: string, data: Record<string, unknown>): NewEvent {
  return { workspaceId: ctx.workspaceId, type, subjectType, subjectId: id, actorId: ctx.actor.userId, data };
}

export async function getTeamInboxSettings(ctx: Ctx, teamId: string): Promise<TeamInboxSettings> {
  const settings = await repo.findTeamSettings(ctx.db, ctx.workspaceId, teamId);
  if (!settings) throw notFound('Team');
  return settings;
}

export async function putTeamInboxSettings(ctx: Ctx, db: Db, teamId: string, input: TeamInboxSettingsInput): Promise<TeamInboxSettings> {
  return db.transaction(async (tx) => {
    const before = await repo.findTeamSettings(tx, ctx.workspaceId, teamId);
    if (!before) throw notFound('Team');
    await repo.saveTeamSettings(tx, ctx.workspaceId, teamId, input.assignment, new Date());
    const after = (await repo.findTeamSettings(tx, ctx.workspaceId, teamId))!;
    if (before.assignment !== after.assignment) {
      await recordEvents(tx, [
        event(
          ctx,
          'team.inbox_settings_updated',
          'team',
          teamId,
          changes({ assignment: before.assignment }, { assignment: after.assignment }),
        ),
      ]);
    }
    return after;
  });
}

async function checkRule(ctx: Ctx, db: Queryable, rule: RoutingRule): Promise<void> {
  const problems: FieldProblem[] = [];
  if (!rule.name) problems.push(blank('name'));
  // A keyword of spaces only matches nothing, so the rule would silently never apply.
  (rule.conditions.keywords ?? []).forEach((keyword, i) => {
    if (!keyword.trim()) problems.push(blank(`conditions.keywords.${i}`));
  });
  if (rule.actions.teamId && !(await teamExists(db, ctx.workspaceId, rule.actions.teamId))) {
    problems.push({ field: 'actions.teamId', reason: 'is not a team of this workspace' });
  }
  if (rule.actions.assigneeId && !(await isMember(db, ctx.workspaceId, rule.actions.assigneeId))) {
    problems.push({ field: 'actions.assigneeId', reason: 'is not a member of this workspace' });
  }
  if (problems.length) throw invalid(problems);
}

export async function createRule(ctx: Ctx, db: Db, input: RoutingRuleInput): Promise<RoutingRule> {
  return db.transaction(async (tx) => {
    const now = new Date();
    const rule: RoutingRule = {
      id: newId(),
      name: input.name.trim(),
      position: input.position ?? (await repo.nextPosition(tx, ctx.workspaceId)),
      enabled: input.enabled ?? true,
      conditions: input.conditions,
      actions: input.actions,
      createdAt: now,
      updatedAt: now,
    };
    await checkRule(ctx, tx, rule);
    await repo.insertRule(tx, ctx.workspaceId, rule, ctx.actor.userId);
    await recordEvents(tx, [event(ctx, 'routing_rule.created', 'routing_rule', rule.id, { after: rule })]);
    return rule;
  });
}

export async function getRule(ctx: Ctx, id: string): Promise<RoutingRule> {
  const rule = await repo.findRule(ctx.db, ctx.workspaceId, id);
  if (!rule) throw notFound('Routing rule');
  return rule;
}

export async function listRules(ctx: Ctx, query: RoutingRuleListQuery) {
  const limit = query.limit ?? 50;
  const cursor = decodeCursor(query.cursor);
  // Positions are whole numbers from 0 (an int column, which 1.5 or 1e308 failed in).
  if (cursor && (!Number.isInteger(cursor.v) || Number(cursor.v) < 0 || Number(cursor.v) > 2 ** 31 - 1 || !isCursorId(cursor.id))) {
    throw cursorNotGivenOut();
  }
  const after = cursor ? { position: cursor.v as number, id: cursor.id } : null;
  const result = await repo.listRules(ctx.db, ctx.workspaceId, after, limit);
  const last = result.rows.at(-1);
  return { data: result.rows, nextCursor: result.hasMore && last ? encodeCursor({ v: last.position, id: last.id }) : null };
}

export async function updateRule(ctx: Ctx, db: Db, id: string, patch: RoutingRulePatch): Promise<RoutingRule> {
  return db.transaction(async (tx) => {
    const before = await repo.findRule(tx, ctx.workspaceId, id);
    if (!before) throw notFound('Routing rule');
    const after: RoutingRule = {
      ...before,
      name: patch.name?.trim() ?? before.name,
      position: patch.position ?? before.position,
      enabled: patch.enabled ?? before.enabled,
      conditions: patch.conditions ?? before.conditions,
      actions: patch.actions ?? before.actions,
      updatedAt: new Date(),
    };
    await checkRule(ctx, tx, after);
    await repo.updateRule(tx, ctx.workspaceId, after);
    const { updatedAt: _b, ...b } = before;
    const { updatedAt: _a, ...a } = after;
    await recordEvents(tx, [event(ctx, 'routing_rule.updated', 'routing_rule', id, changes(b, a))]);
    return after;
  });
}

export async function deleteRule(ctx: Ctx, db: Db, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await repo.findRule(tx, ctx.workspaceId, id);
    if (!before) throw notFound('Routing rule');
    await repo.deleteRule(tx, ctx.workspaceId, id);
    await recordEvents(tx, [event(ctx, 'routing_rule.deleted', 'routing_rule', id, { before })]);
  });
}
