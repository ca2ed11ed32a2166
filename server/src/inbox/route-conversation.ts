/**
 * What happens to a conversation the pipeline just created: the first matching routing rule sets
 * its team, priority, labels or agent, then the team hands it to an agent per its assignment mode.
 * Runs on `conversation.created`, at least once: a conversation is routed only the first time.
 */
import { systemActor, type Ctx } from '../platform/context.js';
import type { Db, Queryable } from '../platform/db/db.js';
import { recordEvents, type DomainEvent } from '../platform/events/event.js';
import { invalid, notFound } from '../platform/http/errors.js';
import { firstMatchingRule } from './assignment.js';
import { customerTier } from './contact-tier.repo.js';
import * as conversations from './conversation.repo.js';
import { applyChange, conversationEvent, saveChange, type ConversationChange } from './conversation.service.js';
import * as repo from './routing.repo.js';
import type { AssignmentMode, RoutingRule } from './routing.schema.js';
import { startClocks } from './sla.service.js';
import { takeTurns } from './team-turns.js';

/** The agent the team's mode picks, taking the turn; null for manual teams or teams without agents. */
async function pickAgent(tx: Queryable, workspaceId: string, teamId: string): Promise<{ userId: string; mode: AssignmentMode } | null> {
  const turns = await takeTurns(tx, workspaceId, [teamId]);
  const picked = turns.pick(teamId);
  await turns.record();
  return picked;
}

/**
 * What a matching rule changes. A rule may outlive the team or member it names; those actions are
 * skipped, the rest apply.
 */
export async function ruleChange(
  rule: RoutingRule | null,
  exists: { team(id: string): Promise<boolean>; member(id: string): Promise<boolean> },
): Promise<ConversationChange> {
  const change: ConversationChange = {};
  if (!rule) return change;
  const { teamId, assigneeId, priority, addLabels } = rule.actions;
  if (teamId && (await exists.team(teamId))) change.teamId = teamId;
  if (assigneeId && (await exists.member(assigneeId))) change.assigneeId = assigneeId;
  if (priority) change.priority = priority;
  if (addLabels) change.addLabels = addLabels;
  return change;
}

/** Routes one new conversation in a transaction of its own; `routeNewConversations` does a relay pass's together. */
export async function routeNewConversation(db: Db, event: DomainEvent): Promise<void> {
  const ctx: Ctx = { workspaceId: event.workspaceId, actor: systemActor(), db, requestId: `event-${event.id}` };
  await db.transaction(async (tx) => {
    const before = await conversations.lockConversation(tx, ctx.workspaceId, ctx.actor, event.subjectId);
    // As `routeNewConversations`: not listening conversations, not spam, not those that arrived resolved.
    if (!before || before.mergedIntoId || !before.inInbox || before.isSpam || before.routedAt || before.status === 'resolved') return;
    const now = new Date();
    const rules = await repo.enabledRules(tx, ctx.workspaceId);
    const text = rules.length ? `${before.subject} ${await repo.conversationText(tx, ctx.workspaceId, before.id)}` : '';
    const tier = rules.some((r) => r.conditions.tiers?.length) ? await customerTier(tx, ctx.workspaceId, before.id) : null;
    const rule = firstMatchingRule(rules, { network: before.network, channelId: before.channelId, text, tier });
    const change = await ruleChange(rule, {
      team: (id) => conversations.teamExists(tx, ctx.workspaceId, id),
      member: (id) => conversations.isMember(tx, ctx.workspaceId, id),
    });
    const teamId = change.teamId ?? before.teamId;
    const picked = !before.assigneeId && !change.assigneeId && teamId ? await pickAgent(tx, ctx.workspaceId, teamId) : null;
    if (picked) change.assigneeId = picked.userId;
    const after = applyChange(before, change, now);
    if (Array.isArray(after)) return;
    await saveChange(ctx, tx, before, after, now);
    await repo.markRouted(tx, ctx.workspaceId, [before.id], now);
    await recordEvents(tx, [
      conversationEvent(ctx, 'conversation.routed', before.id, {
        ruleId: rule?.id ?? null,
        teamId: after.teamId,
        assigneeId: after.assigneeId,
        assignment: picked?.mode ?? null,
      }),
    ]);
    // The clocks run from when the conversation arrived, not from when this handler got to it.
    await startClocks(tx, ctx.workspaceId, before.id, event.occurredAt);
  });
}

/**
 * Hands a conversation to a team as a case: the team takes it, it is open again, and the team's
 * assignment mode picks an agent unless one is already on it. Used when listening turns a
 * mention into a support case.
 */
export async function handToTeam(ctx: Ctx, db: Db, conversationId: string, teamId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await conversations.lockConversation(tx, ctx.workspaceId, ctx.actor, conversationId);
    if (!before) throw notFound('Conversation');
    if (!(await conversations.teamExists(tx, ctx.workspaceId, teamId)))
      throw invalid([{ field: 'teamId', reason: 'is not a team of this workspace' }]);
    const now = new Date();
    if (await conversations.bringIntoInbox(tx, ctx.workspaceId, conversationId))
      await startClocks(tx, ctx.workspaceId, conversationId, now);
    const change: ConversationChange = { teamId, status: 'open' };
    const picked = before.assigneeId && before.teamId === teamId ? null : await pickAgent(tx, ctx.workspaceId, teamId);
    if (picked) change.assigneeId = picked.userId;
    else if (before.teamId !== teamId) change.assigneeId = null;
    const after = applyChange(before, change, now);
    if (Array.isArray(after)) throw invalid(after);
    await saveChange(ctx, tx, before, after, now);
  });
}

/** A team whose name is one of `names` (case-insensitive), in that order of preference. */
export const teamNamed = (db: Queryable, workspaceId: string, names: readonly string[]) => repo.teamNamed(db, workspaceId, names);

/**
 * Opens a conversation in the inbox for an agent to answer: brought into the inbox (its SLA clock
 * starting now) if it came from a listening channel, open, and assigned to the agent unless
 * someone already has it.
 */
export async function openForReply(ctx: Ctx, db: Db, conversationId: string, agentId: string | null): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await conversations.lockConversation(tx, ctx.workspaceId, ctx.actor, conversationId);
    if (!before) throw notFound('Conversation');
    const now = new Date();
    if (await conversations.bringIntoInbox(tx, ctx.workspaceId, conversationId))
      await startClocks(tx, ctx.workspaceId, conversationId, now);
    const change: ConversationChange = { status: 'open', ...(before.assigneeId || !agentId ? {} : { assigneeId: agentId }) };
    const after = applyChange(before, change, now);
    if (Array.isArray(after)) throw invalid(after);
    await saveChange(ctx, tx, before, after, now);
  });
}
