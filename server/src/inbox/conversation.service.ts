/** Use cases for conversations: the inbox list and counts, one conversation, and changing its state. */
import type { Ctx } from '../platform/context.js';
import type { Db, Queryable } from '../platform/db/db.js';
import { changes, recordEvents, type NewEvent } from '../platform/events/event.js';
import { blank, conflict, invalid, notFound, type FieldProblem } from '../platform/http/errors.js';
import { notify } from '../platform/notifications/notification.service.js';
import * as repo from './conversation.repo.js';
import type { ConversationState } from './conversation.repo.js';
import { markSpamSender } from './spam-senders.repo.js';
import type {
  Conversation,
  ConversationCountsQuery,
  ConversationListQuery,
  ConversationPatch,
  ConversationStatus,
  LabelSuggestions,
  Priority,
  Viewer,
} from './conversation.schema.js';
import { LABEL_SUGGESTIONS_LIMIT, LABEL_SUGGESTIONS_WINDOW } from './conversation.schema.js';
import { decodeInstant, encodeInstant } from './inbox.cursor.js';

/** What a patch or a bulk action asks to change; fields left out stay as they are. */
export interface ConversationChange {
  status?: ConversationStatus;
  snoozedUntil?: Date | null;
  priority?: Priority;
  assigneeId?: string | null;
  teamId?: string | null;
  labels?: string[];
  addLabels?: string[];
  removeLabels?: string[];
  isSpam?: boolean;
}

export function conversationEvent(ctx: Ctx, type: string, id: string, data: Record<string, unknown>): NewEvent {
  return { workspaceId: ctx.workspaceId, type, subjectType: 'conversation', subjectId: id, actorId: ctx.actor.userId, data };
}

/**
 * Labels are one whatever their case, as people expect of tags: the first spelling kept (on a
 * conversation, the one it already has), listed in alphabetical order, case aside.
 */
export function normaliseLabels(labels: readonly string[]): string[] {
  const byKey = new Map<string, string>();
  for (const label of labels.map((l) => l.trim()).filter(Boolean)) if (!byKey.has(labelKey(label))) byKey.set(labelKey(label), label);
  return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, label]) => label);
}

/** What makes two labels the same one; the database compares `lower(label)`, which agrees for the letters people type. */
export const labelKey = (label: string) => label.trim().toLowerCase();

/** Checks what a change names: labels that are not blank, and members and teams of the workspace. */
export async function checkReferences(ctx: Ctx, db: Queryable, change: ConversationChange): Promise<FieldProblem[]> {
  // A label of spaces only would be dropped without a word, and the change would seem to do nothing.
  const problems: FieldProblem[] = (['labels', 'addLabels', 'removeLabels'] as const).flatMap((field) =>
    (change[field] ?? []).flatMap((label, i) => (label.trim() ? [] : [blank(`${field}.${i}`)])),
  );
  if (change.assigneeId && !(await repo.isMember(db, ctx.workspaceId, change.assigneeId))) {
    problems.push({ field: 'assigneeId', reason: 'is not a member of this workspace' });
  }
  if (change.teamId && !(await repo.teamExists(db, ctx.workspaceId, change.teamId))) {
    problems.push({ field: 'teamId', reason: 'is not a team of this workspace' });
  }
  return problems;
}

/** The state after `change`, or the problems that forbid it. */
export function applyChange(state: ConversationState, change: ConversationChange, now: Date): ConversationState | FieldProblem[] {
  const problems: FieldProblem[] = [];
  // A snooze whose time passed is open already, even before the wake-up job has run.
  const expired = state.status === 'snoozed' && (!state.snoozedUntil || new Date(state.snoozedUntil).getTime() <= now.getTime());
  let status = change.status ?? (expired ? 'open' : state.status);
  let snoozedUntil = expired ? null : state.snoozedUntil;
  if (change.snoozedUntil !== undefined && change.status === undefined) {
    // Setting a snooze time snoozes; clearing it wakes the conversation up.
    if (change.snoozedUntil !== null) status = 'snoozed';
    else if (status === 'snoozed') status = 'open';
  }
  const snoozing = change.status === 'snoozed' || (change.snoozedUntil !== undefined && change.snoozedUntil !== null);
  if (status !== 'snoozed') {
    if (change.snoozedUntil) problems.push({ field: 'snoozedUntil', reason: `cannot be set on a conversation that is ${status}` });
    snoozedUntil = null;
  } else if (snoozing) {
    snoozedUntil = change.snoozedUntil ?? null;
    if (!snoozedUntil || snoozedUntil.getTime() <= now.getTime())
      problems.push({ field: 'snoozedUntil', reason: 'must be a time in the future' });
  }
  if (problems.length) return problems;
  let labels = change.labels ? normaliseLabels(change.labels) : state.labels;
  if (change.addLabels) labels = normaliseLabels([...labels, ...change.addLabels]);
  if (change.removeLabels) {
    const removed = new Set(change.removeLabels.map(labelKey));
    labels = labels.filter((l) => !removed.has(labelKey(l)));
  }
  return {
    ...state,
    status,
    snoozedUntil,
    priority: change.priority ?? state.priority,
    assigneeId: change.assigneeId === undefined ? state.assigneeId : change.assigneeId,
    teamId: change.teamId === undefined ? state.teamId : change.teamId,
    labels,
    isSpam: change.isSpam ?? state.isSpam,
    resolvedAt: status === 'resolved' ? (state.status === 'resolved' ? state.resolvedAt : now) : null,
  };
}

/** The fields a change can touch, as the audit trail records them. */
const audited = (s: ConversationState) => ({
  status: s.status,
  snoozedUntil: s.snoozedUntil ? new Date(s.snoozedUntil).toISOString() : null,
  priority: s.priority,
  assigneeId: s.assigneeId,
  teamId: s.teamId,
  labels: s.labels,
  isSpam: s.isSpam,
});

/** Tells a member a conversation is theirs now (unless they took it themselves). */
export async function notifyAssignee(ctx: Ctx, tx: Queryable, conversation: { id: string; subject: string; assigneeId: string | null }) {
  if (!conversation.assigneeId || conversation.assigneeId === ctx.actor.userId) return;
  await notify(tx, {
    workspaceId: ctx.workspaceId,
    userId: conversation.assigneeId,
    kind: 'conversation.assigned',
    title: `Conversation assigned to you: ${conversation.subject || 'no subject'}`,
    subjectType: 'conversation',
    subjectId: conversation.id,
  });
}

/**
 * Saves `after` if it differs from `before`, with its audit event, and tells a new assignee unless
 * the caller notifies in its own way. Returns whether anything changed.
 */
export async function saveChange(
  ctx: Ctx,
  tx: Queryable,
  before: ConversationState,
  after: ConversationState,
  now: Date,
  options: { notify: boolean } = { notify: true },
): Promise<boolean> {
  const diff = changes(audited(before), audited(after));
  if (Object.keys(diff.after).length === 0 && before.mergedIntoId === after.mergedIntoId) return false;
  await repo.saveConversationState(tx, ctx.workspaceId, after, now);
  // Marking a conversation as spam marks its sender: their next conversations arrive as spam too.
  if (after.isSpam !== before.isSpam && after.identityId) await markSpamSender(tx, ctx.workspaceId, after.identityId, after.isSpam, now);
  if (Object.keys(diff.after).length) await recordEvents(tx, [conversationEvent(ctx, 'conversation.updated', after.id, diff)]);
  if (options.notify && after.assigneeId !== before.assigneeId) await notifyAssignee(ctx, tx, after);
  return true;
}

export interface PresenceSource {
  viewers(workspaceId: string, conversationId: string): Viewer[];
}

export async function getConversation(ctx: Ctx, id: string, presence?: PresenceSource): Promise<Conversation> {
  const conversation = await repo.findConversation(ctx, id);
  if (!conversation) throw notFound('Conversation');
  return presence ? { ...conversation, viewers: presence.viewers(ctx.workspaceId, id) } : conversation;
}

/** A label of spaces only matches nothing anyone could have meant. */
function refuseBlankLabel(query: { label?: string }) {
  if (query.label !== undefined && !query.label.trim()) throw invalid([blank('label')]);
}

export async function listConversations(ctx: Ctx, query: ConversationListQuery) {
  refuseBlankLabel(query);
  const limit = query.limit ?? 50;
  const result = await repo.listConversations(ctx, query, decodeInstant(query.cursor), limit);
  const last = result.rows.at(-1);
  return { data: result.rows, nextCursor: result.hasMore && last ? encodeInstant(last.lastMessageAt, last.id) : null };
}

export function countConversations(ctx: Ctx, query: ConversationCountsQuery) {
  refuseBlankLabel(query);
  return repo.countConversations(ctx, query);
}

export const suggestLabels = async (ctx: Ctx): Promise<LabelSuggestions> => ({
  data: await repo.labelSuggestions(ctx, LABEL_SUGGESTIONS_LIMIT, LABEL_SUGGESTIONS_WINDOW),
});

export async function updateConversation(ctx: Ctx, db: Db, id: string, patch: ConversationPatch): Promise<Conversation> {
  await db.transaction(async (tx) => {
    const before = await repo.lockConversation(tx, ctx.workspaceId, ctx.actor, id);
    if (!before) throw notFound('Conversation');
    // A merged conversation stays resolved and out of the inbox; its work goes on in the one it was merged into.
    if (before.mergedIntoId) throw conflict('conversation_merged', 'This conversation was merged into another one; change that one');
    const change: ConversationChange = {
      ...patch,
      snoozedUntil: patch.snoozedUntil === undefined ? undefined : patch.snoozedUntil === null ? null : new Date(patch.snoozedUntil),
    };
    const now = new Date();
    const problems = await checkReferences(ctx, tx, change);
    const after = applyChange(before, change, now);
    if (Array.isArray(after)) problems.push(...after);
    if (problems.length || Array.isArray(after)) throw invalid(problems);
    await saveChange(ctx, tx, before, after, now);
  });
  // A reassignment can take the conversation out of a limited member's sight; they still see the result.
  return (await repo.findConversation({ ...ctx, actor: { ...ctx.actor, recordScope: 'all' } }, id))!;
}
