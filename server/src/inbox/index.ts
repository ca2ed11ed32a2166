/** The inbox domain as other domains see it: what channels need to deliver replies, and who may see which conversation. */
export { DELIVER_REPLY_JOB, DeliverReplyPayload } from './deliver-reply.job.js';
export { getOutboundMessage, markDelivery, type DeliveryUpdate, type OutboundMessage } from './outbound.js';
export { handToTeam, openForReply, teamNamed } from './route-conversation.js';
export { conversationScope } from './conversation.policy.js';
export { decodeInstant, encodeInstant } from './inbox.cursor.js';
