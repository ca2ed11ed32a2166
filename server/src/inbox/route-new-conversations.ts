/**
 * `conversation.created` for a relay pass: a workspace's new conversations are routed together, a
 * chunk to a transaction, with each look-up done once for the chunk and the routed events and SLA
 * clocks written in bulk. An ingest burst creates thousands of conversations, and routing each in
 * a transaction of its own (8-10 statements) kept the relay far behind ingestion.
 */
import { systemActor, type Ctx } from '../platform/context.js';
import type { Db, Queryable } from '../platform/db/db.js';
import { eventsByWorkspace, recordEvents, type DomainEvent, type NewEvent } from '../platform/events/event.js';
import { firstMatchingRule } from './assignment.js';
import { customerTiers } from './contact-tier.repo.js';
import * as conversations from './conversation.repo.js';
import { applyChange, conversationEvent, saveChange } from './conversation.service.js';
import { routeNewConversation, ruleChange } from './route-conversation.js';
import * as repo from './routing.repo.js';
import { startManyClocks } from './sla.service.js';
import { takeTurns } from './team-turns.js';

const CHUNK = 500;

/** Remembers each answer of `check` for the chunk: many conversations name the same few teams and members. */
function remembered(check: (id: string) => Promise<boolean>): (id: string) => Promise<boolean> {
  const answers = new Map<string, Promise<boolean>>();
  return (id) => {
    if (!answers.has(id)) answers.set(id, check(id));
    return answers.get(id)!;
  };
}

/** Routes the chunk's conversations as `routeNewConversation` would one after the other, in event order. */
async function routeChunk(db: Db, tx: Queryable, workspaceId: string, events: readonly DomainEvent[]): Promise<void> {
  const actor = systemActor();
  // A conversation delivered twice in the pass is routed on its first delivery; the repeat finds it routed.
  const firsts = new Map<string, DomainEvent>();
  for (const event of events) if (!firsts.has(event.subjectId)) firsts.set(event.subjectId, event);
  const locked = await conversations.lockConversations(tx, workspaceId, actor, [...firsts.keys()]);
  // Listening conversations are routed when someone brings them into the inbox, not on arrival; spam
  // never; and those that arrived resolved (imported history) have no one waiting on an answer.
  const routable = new Map(
    locked.filter((c) => !c.mergedIntoId && c.inInbox && !c.isSpam && !c.routedAt && c.status !== 'resolved').map((c) => [c.id, c]),
  );
  const arrivals = [...firsts.values()].filter((event) => routable.has(event.subjectId));
  if (arrivals.length === 0) return;
  const ids = arrivals.map((event) => event.subjectId);
  const rules = await repo.enabledRules(tx, workspaceId);
  const texts = rules.length ? await repo.conversationTexts(tx, workspaceId, ids) : new Map<string, string>();
  const tiers = rules.some((r) => r.conditions.tiers?.length) ? await customerTiers(tx, workspaceId, ids) : new Map<string, string>();
  const exists = {
    team: remembered((id) => conversations.teamExists(tx, workspaceId, id)),
    member: remembered((id) => conversations.isMember(tx, workspaceId, id)),
  };
  const decided = [];
  for (const event of arrivals) {
    const before = routable.get(event.subjectId)!;
    const text = rules.length ? `${before.subject} ${texts.get(before.id) ?? ''}` : '';
    const rule = firstMatchingRule(rules, {
      network: before.network,
      channelId: before.channelId,
      text,
      tier: tiers.get(before.id) ?? null,
    });
    const change = await ruleChange(rule, exists);
    // The team hands the conversation to an agent unless one is on it already.
    const handedOutBy = before.assigneeId || change.assigneeId ? null : (change.teamId ?? before.teamId);
    decided.push({ event, before, rule, change, handedOutBy });
  }
  const turns = await takeTurns(tx, workspaceId, [...new Set(decided.flatMap((d) => (d.handedOutBy ? [d.handedOutBy] : [])))]);
  const now = new Date();
  const routedEvents: NewEvent[] = [];
  const clocks: { conversationId: string; from: Date }[] = [];
  for (const { event, before, rule, change, handedOutBy } of decided) {
    const ctx: Ctx = { workspaceId, actor, db, requestId: `event-${event.id}` };
    const picked = handedOutBy ? turns.pick(handedOutBy) : null;
    if (picked) change.assigneeId = picked.userId;
    const after = applyChange(before, change, now);
    if (Array.isArray(after)) continue;
    await saveChange(ctx, tx, before, after, now);
    turns.saved(before, after);
    routedEvents.push(
      conversationEvent(ctx, 'conversation.routed', before.id, {
        ruleId: rule?.id ?? null,
        teamId: after.teamId,
        assigneeId: after.assigneeId,
        assignment: picked?.mode ?? null,
      }),
    );
    // The clocks run from when the conversation arrived, not from when this handler got to it.
    clocks.push({ conversationId: before.id, from: event.occurredAt });
  }
  await turns.record();
  await repo.markRouted(
    tx,
    workspaceId,
    routedEvents.map((event) => event.subjectId),
    now,
  );
  await recordEvents(tx, routedEvents);
  await startManyClocks(tx, workspaceId, clocks);
}

export async function routeNewConversations(
  db: Db,
  events: readonly DomainEvent[],
  onError: (error: unknown, event: DomainEvent) => void,
): Promise<void> {
  for (const [workspaceId, inWorkspace] of eventsByWorkspace(events)) {
    for (let start = 0; start < inWorkspace.length; start += CHUNK) {
      const chunk = inWorkspace.slice(start, start + CHUNK);
      try {
        await db.transaction((tx) => routeChunk(db, tx, workspaceId, chunk));
      } catch (error) {
        // Told once per chunk, so a fault in the bulk path shows instead of every pass quietly taking the slow one.
        onError(error, chunk[0]!);
        // One conversation the chunk cannot route must not hold back the others: each goes on its own.
        for (const event of chunk) {
          try {
            await routeNewConversation(db, event);
          } catch (error) {
            onError(error, event);
          }
        }
      }
    }
  }
}
