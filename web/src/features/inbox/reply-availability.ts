/** Why the composer cannot send a reply on a conversation, in the words the agent reads. */
import type { ReplyUnavailable } from './types';

export const REPLY_UNAVAILABLE_MESSAGES: Record<ReplyUnavailable, string> = {
  no_channel: 'This conversation has no channel to reply through: its messages were imported from a file.',
  channel_removed: 'The channel this conversation came through was removed, so a reply cannot be sent.',
  channel_cannot_reply: 'This conversation came through a channel that only reads (a feed), so a reply cannot be sent.',
  reply_not_set_up: 'The channel this conversation came through is not set up to send replies; an admin can add that in its settings.',
};
