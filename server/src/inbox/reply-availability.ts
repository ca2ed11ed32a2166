/** Whether an agent's reply can go out on a conversation, decided before it is written rather than failing in delivery. */
import { replyCapability, replyLengthOn, NETWORKS, type ChannelKind, type Network, type ReplyLength } from '../channels/index.js';
import type { ReplyUnavailable } from './conversation.schema.js';

/** The conversation's channel as far as replying goes: its kind and settings. */
export interface ReplyChannel {
  kind: ChannelKind;
  config: Record<string, unknown>;
  /** The longest reply the channel's server said it takes (a Mastodon instance's own); null: the network's. */
  replyLength?: ReplyLength | null;
}

/**
 * Why a reply cannot be sent on a conversation's channel, or null when it can: conversations from
 * an imported file have no channel, a removed channel leaves its conversations without one, some
 * kinds of channel only read (a feed), and some reply only once set up to (a generic webhook with
 * no reply endpoint). Whether the channel is up is the delivery job's business (a paused channel is
 * resumed).
 */
export function replyUnavailableThrough(channelId: string | null, channel: ReplyChannel | null): ReplyUnavailable | null {
  return replyRefusal(channelId, channel)?.reason ?? null;
}

/** The same, with what the channel's settings lack when that is the reason (for the refusal's detail). */
export function replyRefusal(
  channelId: string | null,
  channel: ReplyChannel | null,
): { reason: ReplyUnavailable; missing?: string } | null {
  if (!channelId) return { reason: 'no_channel' };
  if (!channel) return { reason: 'channel_removed' };
  const capability = replyCapability(channel.kind, channel.config ?? {});
  if (capability.state === 'never') return { reason: 'channel_cannot_reply' };
  if (capability.state === 'not_set_up') return { reason: 'reply_not_set_up', missing: capability.missing };
  return null;
}

/** How long a reply on the conversation may be, as its channel's server or else its network says; null: no limit. */
export function replyLimitOn(network: string, channel: ReplyChannel | null): ReplyLength | null {
  return (NETWORKS as readonly string[]).includes(network) ? replyLengthOn(network as Network, channel?.replyLength) : null;
}
