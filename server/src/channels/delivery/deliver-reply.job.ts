/**
 * Sends an agent's reply out through its conversation's channel. The inbox stores the reply and
 * queues this job; the job is idempotent (a reply already sent is left alone), retries transient
 * failures with backoff, and reports the outcome back to the inbox as sent or failed.
 */
import type { Db } from '../../platform/db/db.js';
import { defineJob, type JobContext, type JobDefinition } from '../../platform/jobs/job.js';
import { DELIVER_REPLY_JOB, DeliverReplyPayload, getOutboundMessage, markDelivery, type OutboundMessage } from '../../inbox/index.js';
import { asConnectorError, ConnectorError, type OutboundReply } from '../connector.js';
import { connectorFor } from '../registry.js';
import { connectorChannel } from '../channel.service.js';
import * as repo from '../channel.repo.js';

export interface DeliveryDeps {
  secret: string;
}

/** 30 s, 1 min, 2 min, … capped at an hour: a network blip or a rate limit has time to pass. */
export const deliveryBackoffMs = (attempt: number) => Math.min(30_000 * 2 ** (attempt - 1), 3_600_000);

function replyOf(outbound: OutboundMessage): OutboundReply {
  const identity = outbound.identity;
  if (!identity) throw new ConnectorError('not_configured', 'the conversation has no customer to reply to');
  return {
    messageId: outbound.message.id,
    text: outbound.message.text,
    subject: outbound.conversation.subject,
    recipient: { externalId: identity.externalId, handle: identity.handle, email: identity.email, displayName: identity.displayName },
    inReplyToExternalId: outbound.inReplyTo?.email?.messageId ?? outbound.inReplyTo?.externalId ?? null,
    threadExternalIds: outbound.inReplyTo?.email?.references ?? [],
    threadKey: outbound.conversation.threadKey,
    isPrivate: outbound.conversation.isPrivate,
  };
}

export async function deliverReply(
  db: Db,
  deps: DeliveryDeps,
  ctx: Pick<JobContext, 'workspaceId' | 'now' | 'log' | 'finalAttempt'>,
  messageId: string,
): Promise<void> {
  const workspaceId = ctx.workspaceId;
  if (!workspaceId) throw new Error(`${DELIVER_REPLY_JOB} needs a workspace`);
  const outbound = await getOutboundMessage(db, workspaceId, messageId);
  if (!outbound || outbound.message.deliveryStatus === 'sent' || outbound.message.deliveryStatus === 'delivered') return;
  const channelId = outbound.conversation.channelId;
  const row = channelId ? await repo.findChannelRow(db, workspaceId, channelId) : null;
  try {
    if (!row)
      throw new ConnectorError(
        'not_configured',
        'the conversation has no channel to reply through (it was removed, or the messages were imported)',
      );
    if (row.status !== 'active') throw new ConnectorError('not_configured', 'the channel is paused', true);
    const connector = connectorFor(row.kind);
    if (!connector?.sendReply) throw new ConnectorError('unsupported', `replies cannot be sent through ${row.kind} channels yet`);
    const { externalId } = await connector.sendReply(connectorChannel(row, deps.secret), replyOf(outbound));
    await markDelivery(db, workspaceId, messageId, { status: 'sent', externalId });
    await repo.countItemsOut(db, workspaceId, row.id, ctx.now);
  } catch (error) {
    const failure = asConnectorError(error);
    ctx.log.warn({ workspaceId, messageId, channelId, code: failure.code, err: failure.message }, 'reply delivery failed');
    if (row) {
      await repo.recordSyncFailure(db, workspaceId, row.id, {
        error: { at: ctx.now.toISOString(), code: failure.code, message: `reply: ${failure.message}`.slice(0, 500) },
      });
    }
    if (failure.transient && !ctx.finalAttempt) throw failure;
    await markDelivery(db, workspaceId, messageId, { status: 'failed', error: failure.message });
  }
}

export function deliverReplyJob(deps: DeliveryDeps): JobDefinition {
  return defineJob({
    name: DELIVER_REPLY_JOB,
    payload: DeliverReplyPayload,
    maxAttempts: 8,
    backoffMs: deliveryBackoffMs,
    handler: (ctx, { messageId }) => deliverReply(ctx.db, deps, ctx, messageId),
  });
}
