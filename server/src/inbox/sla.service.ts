/**
 * SLA clocks: when a conversation's first response, next response and resolution are due (in the
 * policy's business hours), and what happens when one runs out.
 */
import { systemActor, type Ctx } from '../platform/context.js';
import type { Db, Queryable } from '../platform/db/db.js';
import { changes, eventsByWorkspace, recordEvents, type DomainEvent } from '../platform/events/event.js';
import { invalid } from '../platform/http/errors.js';
import { notify } from '../platform/notifications/notification.service.js';
import { addBusinessMinutes, businessHoursProblems } from './business-hours.js';
import { conversationEvent } from './conversation.service.js';
import * as conversations from './conversation.repo.js';
import { customerTier, customerTiers } from './contact-tier.repo.js';
import { replyUnavailableThrough } from './reply-availability.js';
import * as repo from './sla.repo.js';
import type { SlaPolicy, SlaPolicyInput, SlaTargets } from './sla.schema.js';

const NO_POLICY: SlaPolicy = {
  firstResponseMinutes: null,
  nextResponseMinutes: null,
  resolutionMinutes: null,
  businessHours: null,
  tierTargets: {},
  updatedAt: null,
};

export async function getSlaPolicy(ctx: Ctx): Promise<SlaPolicy> {
  return (await repo.findPolicy(ctx.db, ctx.workspaceId)) ?? NO_POLICY;
}

/** A new policy applies to conversations from now on; clocks already running keep their due times. */
export async function putSlaPolicy(ctx: Ctx, db: Db, input: SlaPolicyInput): Promise<SlaPolicy> {
  if (input.businessHours) {
    const problems = businessHoursProblems(input.businessHours);
    if (problems.length) throw invalid(problems);
  }
  return db.transaction(async (tx) => {
    const before = (await repo.findPolicy(tx, ctx.workspaceId)) ?? NO_POLICY;
    // Tier targets left out are kept, so a client that does not know them does not wipe them.
    const after: SlaPolicy = { ...input, tierTargets: input.tierTargets ?? before.tierTargets, updatedAt: new Date() };
    await repo.savePolicy(tx, ctx.workspaceId, after);
    const { updatedAt: _b, ...b } = before;
    const { updatedAt: _a, ...a } = after;
    await recordEvents(tx, [
      {
        workspaceId: ctx.workspaceId,
        type: 'sla_policy.updated',
        subjectType: 'sla_policy',
        subjectId: ctx.workspaceId,
        actorId: ctx.actor.userId,
        data: changes(b, a),
      },
    ]);
    return after;
  });
}

const due = (from: Date, minutes: number | null, policy: SlaPolicy) =>
  minutes ? addBusinessMinutes(from, minutes, policy.businessHours) : null;

/** The targets for the conversation's customer: their tier's when the policy has some, else the policy's own. */
export function targetsFor(policy: SlaPolicy, tier: string | null): SlaTargets {
  return (tier && policy.tierTargets[tier]) || policy;
}

/** Whether any customer of the workspace is owed a first response within a time. */
const hasFirstResponseTargets = (policy: SlaPolicy | null) =>
  policy !== null && [policy, ...Object.values(policy.tierTargets)].some((targets) => targets.firstResponseMinutes);

async function conversationTargets(tx: Queryable, workspaceId: string, conversationId: string) {
  const policy = await repo.findPolicy(tx, workspaceId);
  if (!policy) return null;
  const tier = Object.keys(policy.tierTargets).length ? await customerTier(tx, workspaceId, conversationId) : null;
  return { policy, targets: targetsFor(policy, tier) };
}

/**
 * A channel that only reads (a feed), or is not set up to reply (a webhook without a reply
 * endpoint), takes no reply, so a response clock there could only run out: such conversations get
 * none, their resolution clock still runs. (Conversations without a channel keep theirs: those are
 * imported, and may be answered another way.)
 */
const cannotReply = (facts: repo.FirstResponseFacts) => {
  const unavailable = replyUnavailableThrough(facts.channelId, facts.channel);
  return unavailable === 'channel_cannot_reply' || unavailable === 'reply_not_set_up';
};

/**
 * Of these conversations, those that owe no first response now: the business wrote first (nobody
 * waits for an answer to that; the customer's answer starts the clock) or no reply can go out.
 */
async function noFirstResponseOwed(tx: Queryable, workspaceId: string, ids: readonly string[]): Promise<Set<string>> {
  const facts = await repo.firstResponseFacts(tx, workspaceId, ids);
  return new Set(facts.filter((f) => f.businessStarted || cannotReply(f)).map((f) => f.id));
}

/** Starts a new conversation's first-response and resolution clocks at `from`. */
export function startClocks(tx: Queryable, workspaceId: string, conversationId: string, from: Date): Promise<void> {
  return startManyClocks(tx, workspaceId, [{ conversationId, from }]);
}

/** Starts new conversations' first-response and resolution clocks, each at its own `from`: a few statements for the lot. */
export async function startManyClocks(
  tx: Queryable,
  workspaceId: string,
  starts: readonly { conversationId: string; from: Date }[],
): Promise<void> {
  if (starts.length === 0) return;
  const policy = await repo.findPolicy(tx, workspaceId);
  if (!policy) return;
  const ids = starts.map((s) => s.conversationId);
  const tiers = Object.keys(policy.tierTargets).length ? await customerTiers(tx, workspaceId, ids) : new Map<string, string>();
  const notOwed = hasFirstResponseTargets(policy) ? await noFirstResponseOwed(tx, workspaceId, ids) : new Set<string>();
  const clocks = starts.flatMap(({ conversationId, from }) => {
    const targets = targetsFor(policy, tiers.get(conversationId) ?? null);
    if (!targets.firstResponseMinutes && !targets.resolutionMinutes) return [];
    return [
      {
        conversationId,
        firstResponse: notOwed.has(conversationId) ? null : due(from, targets.firstResponseMinutes, policy),
        resolution: due(from, targets.resolutionMinutes, policy),
      },
    ];
  });
  await repo.setStartClocks(tx, workspaceId, clocks);
}

/**
 * Puts a conversation's response clocks where they would be had its failed replies never been
 * written: called when a reply's delivery fails for good (or, rarely, when a failed one goes out
 * after all), `replyAt` being when that reply was submitted.
 *
 * A reply counts as a response from when the agent submitted it, not from when the channel
 * confirms it: a confirmation can take minutes or, through retries with backoff, an hour, and the
 * agent answered when they pressed send (helpdesks measure first reply time the same way). But a
 * reply that never reached the customer answers nothing: once its delivery fails, the first- and
 * next-response clocks run again with the due times they had, and if those have passed the breach
 * sweep reports them like any other. Returns whether that reply was the conversation's latest
 * answer (no reply that counts came after it).
 */
export async function recountResponses(tx: Queryable, workspaceId: string, conversationId: string, replyAt: Date): Promise<boolean> {
  const times = await repo.responseTimes(tx, workspaceId, conversationId);
  if (!times) return false;
  const latest = !times.lastReplyAt || replyAt.getTime() >= new Date(times.lastReplyAt).getTime();
  // Never answered: the first-response clock is the one running. Answered later by another reply:
  // the next-response clock is that reply's business and stays as it is.
  let nextDue: Date | null | undefined = times.lastReplyAt ? undefined : null;
  if (times.lastReplyAt && latest) {
    nextDue = null;
    const found = times.waitingSince && times.inInbox ? await conversationTargets(tx, workspaceId, conversationId) : null;
    if (times.waitingSince && found?.targets.nextResponseMinutes) {
      nextDue = addBusinessMinutes(new Date(times.waitingSince), found.targets.nextResponseMinutes, found.policy.businessHours);
    }
  }
  await repo.setResponseClocks(tx, workspaceId, conversationId, times.firstReplyAt, nextDue);
  return latest;
}

export type ConversationClocks = repo.ConversationClocks;

/** The clocks of conversations about to be merged, read before their messages move. */
export const clocksBeforeMerge = (tx: Queryable, workspaceId: string, ids: readonly string[]) =>
  repo.conversationClocks(tx, workspaceId, ids);

const time = (value: Date | null) => (value ? new Date(value).getTime() : null);

/** The earliest of these due times, null when none is set. */
function earliest(...dues: (Date | null)[]): Date | null {
  const times = dues.map(time).filter((t): t is number => t !== null);
  return times.length ? new Date(Math.min(...times)) : null;
}

/** The response clock a conversation had running: its first response's until answered, then the next's; none once resolved. */
const owedResponse = (c: ConversationClocks) => (c.resolvedAt ? null : c.firstRespondedAt ? c.nextResponseDueAt : c.firstResponseDueAt);

/**
 * Sets a merge target's clocks from the messages it holds now, as the relay would had they arrived
 * in it: unanswered, its first response is owed from the customer's first message; answered, the
 * next one is owed from the customer's first message after the last reply, and none when the last
 * word is ours. A clock the target already had running keeps its time, and a due time either
 * conversation owed stays when earlier: a merge never extends what a customer was promised (the
 * merged one is resolved, so its clocks would otherwise vanish). No response clock runs where no
 * reply can go out.
 */
export async function recountAfterMerge(
  tx: Queryable,
  workspaceId: string,
  before: { target: ConversationClocks; source: ConversationClocks },
): Promise<void> {
  const { target, source } = before;
  const times = await repo.responseTimes(tx, workspaceId, target.id);
  if (!times?.inInbox) return;
  const found = await conversationTargets(tx, workspaceId, target.id);
  const after = (from: Date | null, minutes: number | null | undefined) =>
    from && minutes && found ? addBusinessMinutes(new Date(from), minutes, found.policy.businessHours) : null;
  const owed = [owedResponse(target), owedResponse(source)];
  let firstResponseDueAt = target.firstResponseDueAt;
  let nextResponseDueAt: Date | null = null;
  if (!times.firstReplyAt) {
    firstResponseDueAt = earliest(target.firstResponseDueAt ?? after(times.firstInboundAt, found?.targets.firstResponseMinutes), ...owed);
  } else if (times.waitingSince) {
    nextResponseDueAt = earliest(target.nextResponseDueAt ?? after(times.waitingSince, found?.targets.nextResponseMinutes), ...owed);
  }
  if ((await repo.firstResponseFacts(tx, workspaceId, [target.id])).some(cannotReply)) {
    firstResponseDueAt = null;
    nextResponseDueAt = null;
  }
  await repo.setClocks(tx, workspaceId, {
    id: target.id,
    firstRespondedAt: times.firstReplyAt,
    firstResponseDueAt,
    nextResponseDueAt,
    resolutionDueAt: target.resolvedAt
      ? target.resolutionDueAt
      : earliest(target.resolutionDueAt, source.resolvedAt ? null : source.resolutionDueAt),
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Message ids from an event's data; anything else in the list is dropped, so one odd event cannot fail the pass's statement. */
function messageIdList(list: unknown): string[] {
  return Array.isArray(list) ? list.filter((id): id is string => typeof id === 'string' && UUID.test(id)) : [];
}

/** The messages an event names. */
function messageIdsOf(event: DomainEvent): string[] {
  return messageIdList(event.data.messageIds);
}

/** The messages of an event that may be answers: those it names as outbound (the pipeline's events do), else all it names. */
function answersOf(event: DomainEvent): string[] {
  return messageIdList(Array.isArray(event.data.outboundMessageIds) ? event.data.outboundMessageIds : event.data.messageIds);
}

/**
 * The pipeline threads by the source's ids, so a reply to a merged conversation's thread lands in
 * the merged one: its messages move on to the conversation it was merged into, which is told they
 * arrived (and reacts to that event in turn).
 */
async function followMerge(db: Db, event: DomainEvent): Promise<void> {
  const ctx: Ctx = { workspaceId: event.workspaceId, actor: systemActor(), db, requestId: `event-${event.id}` };
  const at = typeof event.data.lastMessageAt === 'string' ? new Date(event.data.lastMessageAt) : event.occurredAt;
  const lastMessageAt = Number.isNaN(at.getTime()) ? event.occurredAt : at;
  await db.transaction(async (tx) => {
    const target = await conversations.mergeTarget(tx, ctx.workspaceId, event.subjectId);
    if (!target) return;
    const messageIds = messageIdsOf(event);
    const now = new Date();
    const moved = messageIds.length ? await conversations.moveSomeMessages(tx, ctx.workspaceId, event.subjectId, target, messageIds) : 0;
    await conversations.keepMergedResolved(tx, ctx.workspaceId, event.subjectId, now);
    if (moved === 0) return;
    await conversations.refreshTotals(tx, ctx.workspaceId, event.subjectId, now);
    await conversations.refreshTotals(tx, ctx.workspaceId, target, now);
    await recordEvents(tx, [
      conversationEvent(ctx, 'conversation.messages_added', target, {
        messageIds,
        count: moved,
        lastMessageAt: lastMessageAt.toISOString(),
        inbound: event.data.inbound === true,
        ...(Array.isArray(event.data.outboundMessageIds) ? { outboundMessageIds: event.data.outboundMessageIds } : {}),
        movedFromId: event.subjectId,
      }),
    ]);
  });
}

interface Waiting {
  conversationId: string;
  waitingSince: Date;
  firstResponseOwed: boolean;
}

/**
 * Conversations whose customer wrote after our last answer, together: those waiting on the customer
 * are open again, those answered owe the next answer, and those the business started owe their first
 * answer, each due from when the customer began waiting. Locked in id order first, as the pipeline
 * and routing lock them, so the three cannot deadlock.
 */
async function customersWroteAgain(db: Db, workspaceId: string, policy: SlaPolicy | null, waiting: readonly Waiting[]): Promise<void> {
  const ctx: Ctx = { workspaceId, actor: systemActor(), db, requestId: `sla-${workspaceId}` };
  const ids = waiting.map((w) => w.conversationId);
  await db.transaction(async (tx) => {
    await conversations.lockConversations(tx, workspaceId, ctx.actor, ids);
    const reopened = await repo.reopenPending(tx, workspaceId, waiting, new Date());
    await recordEvents(
      tx,
      [...reopened].map((id) =>
        conversationEvent(ctx, 'conversation.updated', id, { before: { status: 'pending' }, after: { status: 'open' } }),
      ),
    );
    if (!policy) return;
    const tiers = Object.keys(policy.tierTargets).length ? await customerTiers(tx, workspaceId, ids) : new Map<string, string>();
    const clocks = waiting.flatMap(({ conversationId, waitingSince, firstResponseOwed }) => {
      const targets = targetsFor(policy, tiers.get(conversationId) ?? null);
      const minutes = firstResponseOwed ? targets.firstResponseMinutes : targets.nextResponseMinutes;
      const clock = { conversationId, waitingSince, firstResponseOwed };
      return minutes ? [{ ...clock, due: addBusinessMinutes(waitingSince, minutes, policy.businessHours) }] : [];
    });
    await repo.startFirstResponseClocks(
      tx,
      workspaceId,
      clocks.filter((clock) => clock.firstResponseOwed),
    );
    await repo.startNextResponseClocks(
      tx,
      workspaceId,
      clocks.filter((clock) => !clock.firstResponseOwed),
    );
  });
}

/**
 * `conversation.messages_added` for a relay pass, a few statements per workspace: one look-up finds
 * the conversations where the new messages change something, merged ones pass their messages on one
 * by one (rare), and the customers' new messages reopen and start clocks in one transaction. An
 * ingest burst adds messages to thousands of conversations, and handling each in its own transaction
 * kept the relay (sharing the cores with ingest) far behind.
 */
export async function manyMessagesAdded(
  db: Db,
  events: readonly DomainEvent[],
  onError: (error: unknown, event: DomainEvent) => void,
): Promise<void> {
  for (const [workspaceId, inWorkspace] of eventsByWorkspace(events)) {
    let touched: repo.TouchedConversation[];
    let policy: SlaPolicy | null;
    try {
      const ids = [...new Set(inWorkspace.map((e) => e.subjectId))];
      // First, so a clock an answer met is seen stopped: a customer message after that answer starts the next one.
      await repo.countIngestedAnswers(db, workspaceId, inWorkspace.flatMap(answersOf));
      const added = inWorkspace.flatMap((e) => messageIdsOf(e).map((messageId) => ({ conversationId: e.subjectId, messageId })));
      policy = await repo.findPolicy(db, workspaceId);
      touched = await repo.touchedByNewMessages(db, workspaceId, ids, added, hasFirstResponseTargets(policy));
    } catch (error) {
      onError(error, inWorkspace[0]!);
      continue;
    }
    const merged = new Set(touched.filter((c) => c.merged).map((c) => c.id));
    for (const event of inWorkspace) {
      if (!merged.has(event.subjectId)) continue;
      try {
        await followMerge(db, event);
      } catch (error) {
        onError(error, event);
      }
    }
    const waiting = touched.flatMap((c) =>
      c.waitingSince ? [{ conversationId: c.id, waitingSince: new Date(c.waitingSince), firstResponseOwed: c.firstResponseOwed }] : [],
    );
    if (waiting.length === 0) continue;
    try {
      await customersWroteAgain(db, workspaceId, policy, waiting);
    } catch (error) {
      // Told once, so a fault in the bulk path shows; then one conversation it cannot handle must not
      // cost the others their reopening and clocks: each goes on its own.
      onError(error, inWorkspace[0]!);
      for (const one of waiting) {
        try {
          await customersWroteAgain(db, workspaceId, policy, [one]);
        } catch (error) {
          onError(error, inWorkspace.find((e) => e.subjectId === one.conversationId) ?? inWorkspace[0]!);
        }
      }
    }
  }
}

const BATCH = 200;
const MAX_BATCHES = 50;
const CLOCK_NAMES = { first_response: 'first response', next_response: 'next response', resolution: 'resolution' } as const;

/** Reports each clock that ran out once: an event, and a notification to the assignee. */
export async function reportBreaches(db: Db, now: Date): Promise<number> {
  let reported = 0;
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const overdue = await repo.overdueClocks(db, now, BATCH);
    for (const clock of overdue) {
      await db.transaction(async (tx) => {
        if (!(await repo.recordBreach(tx, clock, now))) return;
        reported++;
        await recordEvents(tx, [
          {
            workspaceId: clock.workspaceId,
            type: 'conversation.sla_breached',
            subjectType: 'conversation',
            subjectId: clock.conversationId,
            actorId: null,
            data: { clock: clock.kind, dueAt: new Date(clock.dueAt).toISOString() },
          },
        ]);
        if (clock.assigneeId) {
          await notify(tx, {
            workspaceId: clock.workspaceId,
            userId: clock.assigneeId,
            kind: 'conversation.sla_breached',
            title: `SLA ${CLOCK_NAMES[clock.kind]} missed: ${clock.subject || 'a conversation'}`,
            subjectType: 'conversation',
            subjectId: clock.conversationId,
            dedupeKey: `sla:${clock.conversationId}:${clock.kind}:${new Date(clock.dueAt).toISOString()}`,
          });
        }
      });
    }
    if (overdue.length < BATCH) break;
  }
  return reported;
}

/** Snoozed conversations whose time came are open again, and their assignee is told. */
export async function wakeSnoozedConversations(db: Db, now: Date): Promise<number> {
  let woken = 0;
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const count = await db.transaction(async (tx) => {
      const rows = await repo.wakeSnoozed(tx, now, BATCH);
      for (const row of rows) {
        const before: { status: string; snoozedUntil: string | null } = {
          status: 'snoozed',
          snoozedUntil: new Date(row.snoozedUntil).toISOString(),
        };
        await recordEvents(tx, [
          {
            workspaceId: row.workspaceId,
            type: 'conversation.updated',
            subjectType: 'conversation',
            subjectId: row.id,
            actorId: null,
            data: changes(before, { status: 'open', snoozedUntil: null }),
          },
        ]);
        if (row.assigneeId) {
          await notify(tx, {
            workspaceId: row.workspaceId,
            userId: row.assigneeId,
            kind: 'conversation.unsnoozed',
            title: `Back from snooze: ${row.subject || 'a conversation'}`,
            subjectType: 'conversation',
            subjectId: row.id,
            dedupeKey: `unsnooze:${row.id}:${new Date(row.snoozedUntil).toISOString()}`,
          });
        }
      }
      return rows.length;
    });
    woken += count;
    if (count < BATCH) break;
  }
  return woken;
}
