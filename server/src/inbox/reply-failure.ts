/**
 * What a reply's delivery failing for good changes in the inbox: the reply answered nothing, so
 * the SLA clocks run again, a conversation left waiting on the customer is open again, and the
 * agent who wrote it is told. A failed reply that goes out after all counts again.
 */
import type { Queryable } from '../platform/db/db.js';
import { recordEvents } from '../platform/events/event.js';
import { notify } from '../platform/notifications/notification.service.js';
import { reopenAfterFailedReply } from './message.repo.js';
import { recountResponses } from './sla.service.js';

export interface DeliveredReply {
  id: string;
  conversationId: string;
  sentAt: Date;
  authorUserId: string | null;
  subject: string;
}

export async function replyFailedChanged(
  tx: Queryable,
  workspaceId: string,
  reply: DeliveredReply,
  failure: { error: string } | null,
  now: Date,
): Promise<void> {
  const latest = await recountResponses(tx, workspaceId, reply.conversationId, new Date(reply.sentAt));
  if (!failure) return;
  // Pending means waiting on the customer, who never got the answer: back in the open queue.
  if (latest && (await reopenAfterFailedReply(tx, workspaceId, reply.conversationId, now))) {
    await recordEvents(tx, [
      {
        workspaceId,
        type: 'conversation.updated',
        subjectType: 'conversation',
        subjectId: reply.conversationId,
        actorId: null,
        data: { before: { status: 'pending' }, after: { status: 'open' } },
      },
    ]);
  }
  if (reply.authorUserId) {
    await notify(tx, {
      workspaceId,
      userId: reply.authorUserId,
      kind: 'message.delivery_failed',
      title: `Your reply was not delivered: ${reply.subject || 'a conversation'}`,
      body: failure.error,
      subjectType: 'conversation',
      subjectId: reply.conversationId,
      dedupeKey: `delivery-failed:${reply.id}`,
    });
  }
}
