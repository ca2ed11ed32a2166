/** Whether an agent's reply can go out on a conversation, decided before it is written rather than failing in delivery. */
import { canReplyThrough, type ChannelKind } from '../channels/index.js';
import type { ReplyUnavailable } from './conversation.schema.js';

/**
 * Why a reply cannot be sent on a conversation's channel, or null when it can: conversations from
 * an imported file have no channel, a removed channel leaves its conversations without one, and
 * some kinds of channel only read (a feed). Whether the channel is up is the delivery job's
 * business (a paused channel is resumed).
 */
export function replyUnavailableThrough(channelId: string | null, channelKind: ChannelKind | null): ReplyUnavailable | null {
  if (!channelId) return 'no_channel';
  if (!channelKind) return 'channel_removed';
  return canReplyThrough(channelKind) ? null : 'channel_cannot_reply';
}
