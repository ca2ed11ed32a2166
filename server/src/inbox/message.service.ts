/** Use cases for a conversation's messages: reading them, replying to the customer, internal notes. */
import type { Ctx } from '../platform/context.js';
import type { Db } from '../platform/db/db.js';
import { newId } from '../platform/db/ids.js';
import { recordEvents, type NewEvent } from '../platform/events/event.js';
import { blank, conflict, type FieldProblem, invalid, notFound } from '../platform/http/errors.js';
import { enqueueJob } from '../platform/jobs/job.js';
import { notify } from '../platform/notifications/notification.service.js';
import { networkName, replyLength, type Network } from '../channels/index.js';
import { cannedResponseExists } from './canned-response.repo.js';
import * as conversations from './conversation.repo.js';
import type { ReplyUnavailable } from './conversation.schema.js';
import { applyChange, saveChange } from './conversation.service.js';
import { deliverReplyJob } from './deliver-reply.job.js';
import { decodeInstant, encodeInstant } from './inbox.cursor.js';
import { mentionedMembers } from './mentions.js';
import { replyLimitOn, replyRefusal, type ReplyChannel } from './reply-availability.js';
import * as repo from './message.repo.js';
import type { Message, MessageListQuery, NoteInput, NoteResult, ReplyInput, UndeliveredMention } from './message.schema.js';

const PREVIEW_LENGTH = 200;

export const REPLY_UNAVAILABLE: Record<ReplyUnavailable, string> = {
  no_channel: 'This conversation has no channel to reply through (its messages were imported); internal notes still work',
  channel_removed: 'The channel of this conversation was removed, so a reply cannot be sent; internal notes still work',
  channel_cannot_reply:
    'This conversation came through a channel that only reads (a feed), so a reply cannot be sent; internal notes still work',
  reply_not_set_up:
    'The channel of this conversation is not set up to send replies, so a reply cannot be sent; an admin can change its settings; internal notes still work',
};

/** The refusal's detail, saying what the channel's settings lack when that is the reason. */
const refusalDetail = ({ reason, missing }: { reason: ReplyUnavailable; missing?: string }) =>
  missing
    ? `The channel of this conversation cannot send replies: ${missing}. An admin can add it in the channel’s settings; internal notes still work`
    : REPLY_UNAVAILABLE[reason];

/** A reply longer than the conversation takes, as a field problem naming the limit; null when it fits. */
function tooLong(network: string, channel: ReplyChannel | null, text: string): FieldProblem | null {
  const limit = replyLimitOn(network, channel);
  if (!limit) return null;
  const length = replyLength(text, limit.counting);
  if (length <= limit.max) return null;
  return {
    field: 'text',
    reason: `is ${length} characters long, as ${networkName(network as Network)} counts them; it takes at most ${limit.max}`,
  };
}
const previewOf = (text: string) => text.replace(/\s+/g, ' ').trim().slice(0, PREVIEW_LENGTH);

function messageEvent(ctx: Ctx, message: { id: string; conversationId: string }, data: Record<string, unknown>): NewEvent {
  return {
    workspaceId: ctx.workspaceId,
    type: 'message.created',
    subjectType: 'message',
    subjectId: message.id,
    actorId: ctx.actor.userId,
    data: { conversationId: message.conversationId, ...data },
  };
}

export async function listMessages(ctx: Ctx, conversationId: string, query: MessageListQuery) {
  if (!(await conversations.findConversation(ctx, conversationId))) throw notFound('Conversation');
  const limit = query.limit ?? 50;
  const result = await repo.listMessages(ctx.db, ctx.workspaceId, conversationId, decodeInstant(query.cursor), limit);
  const last = result.rows.at(-1);
  return { data: result.rows, nextCursor: result.hasMore && last ? encodeInstant(last.sentAt, last.id) : null };
}

/**
 * Stores the reply as queued and hands it to the channels domain's delivery job in the same
 * transaction, so a committed reply is always delivered (or marked failed) and never lost.
 */
export async function replyToConversation(ctx: Ctx, db: Db, conversationId: string, input: ReplyInput): Promise<Message> {
  const id = await db.transaction(async (tx) => {
    const before = await conversations.lockConversation(tx, ctx.workspaceId, ctx.actor, conversationId);
    if (!before) throw notFound('Conversation');
    if (before.mergedIntoId) throw conflict('conversation_merged', 'This conversation was merged into another one; reply there');
    // Refused now rather than failing in delivery later, where the agent would not see it at once.
    const channel = await repo.findReplyChannel(tx, ctx.workspaceId, before.channelId);
    const unavailable = replyRefusal(before.channelId, channel);
    if (unavailable) throw conflict('no_reply_channel', refusalDetail(unavailable));
    const problems: FieldProblem[] = [];
    if (!input.text.trim()) problems.push(blank('text'));
    const length = tooLong(before.network, channel, input.text);
    if (length) problems.push(length);
    if (input.cannedResponseId && !(await cannedResponseExists(tx, ctx.workspaceId, input.cannedResponseId))) {
      problems.push({ field: 'cannedResponseId', reason: 'is not a canned response of this workspace' });
    }
    if (problems.length) throw invalid(problems);
    const now = new Date();
    const answered = await repo.lastInboundMessage(tx, ctx.workspaceId, conversationId);
    const message = {
      id: newId(),
      conversationId,
      network: before.network,
      channelId: before.channelId,
      kind: 'message' as const,
      authorUserId: ctx.actor.userId,
      inReplyToExternalId: answered?.externalId ?? null,
      text: input.text,
      deliveryStatus: 'queued' as const,
      mentions: [],
      at: now,
    };
    await repo.insertMessage(tx, ctx.workspaceId, message);
    await repo.recordReply(tx, ctx.workspaceId, conversationId, previewOf(input.text), now);
    await recordEvents(tx, [
      messageEvent(ctx, message, { kind: 'message', direction: 'out', cannedResponseId: input.cannedResponseId ?? null }),
    ]);
    if (input.status) {
      const after = applyChange(before, { status: input.status }, now);
      if (Array.isArray(after)) throw invalid(after);
      await saveChange(ctx, tx, before, after, now);
    }
    await enqueueJob(tx, deliverReplyJob, { messageId: message.id }, { workspaceId: ctx.workspaceId });
    return message.id;
  });
  return (await repo.findMessage(db, ctx.workspaceId, id))!;
}

/**
 * Writes an internal note and tells the colleagues it names. One whose record scope hides the
 * conversation is not told (the notification would show them its subject, often the customer's own
 * words, and lead to a page they cannot open); the answer lists them so the author can act.
 */
export async function addNote(ctx: Ctx, db: Db, conversationId: string, input: NoteInput): Promise<NoteResult> {
  const { id, undeliveredMentions } = await db.transaction(async (tx) => {
    const conversation = await conversations.lockConversation(tx, ctx.workspaceId, ctx.actor, conversationId);
    if (!conversation) throw notFound('Conversation');
    // A note here would sit in a conversation the inbox no longer shows.
    if (conversation.mergedIntoId)
      throw conflict('conversation_merged', 'This conversation was merged into another one; add the note there');
    if (!input.text.trim()) throw invalid([blank('text')]);
    const members = await repo.workspaceMembers(tx, ctx.workspaceId, conversationId);
    const byId = new Map(members.map((m) => [m.userId, m]));
    const explicit = input.mentions ?? [];
    const strangers = explicit.filter((userId) => !byId.has(userId));
    if (strangers.length) throw invalid([{ field: 'mentions', reason: `${strangers.join(', ')} is not a member of this workspace` }]);
    const named = [...new Set([...explicit, ...mentionedMembers(input.text, members)])];
    const mentions = named.filter((userId) => byId.get(userId)!.seesConversation);
    const undelivered: UndeliveredMention[] = named
      .filter((userId) => !byId.get(userId)!.seesConversation)
      .map((userId) => ({ userId, name: byId.get(userId)!.name, reason: 'cannot_see_conversation' }));
    const now = new Date();
    const note = {
      id: newId(),
      conversationId,
      network: conversation.network,
      channelId: conversation.channelId,
      kind: 'note' as const,
      authorUserId: ctx.actor.userId,
      inReplyToExternalId: null,
      text: input.text,
      deliveryStatus: null,
      mentions,
      at: now,
    };
    await repo.insertMessage(tx, ctx.workspaceId, note);
    await repo.touchConversation(tx, ctx.workspaceId, conversationId, now);
    await recordEvents(tx, [messageEvent(ctx, note, { kind: 'note', mentions })]);
    const author = members.find((m) => m.userId === ctx.actor.userId)?.name ?? 'A colleague';
    for (const userId of mentions) {
      if (userId === ctx.actor.userId) continue;
      await notify(tx, {
        workspaceId: ctx.workspaceId,
        userId,
        kind: 'conversation.mention',
        title: `${author} mentioned you on: ${conversation.subject || 'a conversation'}`,
        body: previewOf(input.text),
        subjectType: 'conversation',
        subjectId: conversationId,
        dedupeKey: `note:${note.id}`,
      });
    }
    return { id: note.id, undeliveredMentions: undelivered };
  });
  return { ...(await repo.findMessage(db, ctx.workspaceId, id))!, undeliveredMentions };
}
