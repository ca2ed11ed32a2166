/** The inbox domain as other domains see it: what channels need to deliver replies. */
export { DELIVER_REPLY_JOB, DeliverReplyPayload } from './deliver-reply.job.js';
export { getOutboundMessage, markDelivery, type DeliveryUpdate, type OutboundMessage } from './outbound.js';
export { handToTeam, openForReply, teamNamed } from './route-conversation.js';
