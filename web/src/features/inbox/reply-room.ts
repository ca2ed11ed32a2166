/**
 * How much room a reply has left on its network, for the composer's counter: it says so while the
 * agent is still writing, and refuses a reply the network would refuse. The length is counted by
 * the server's own rule, the one that refuses an over-long reply there, so the two cannot disagree.
 */
import { replyLength } from '../../../../server/src/channels/connectors/reply-length';
import { formatNumber } from '../../lib/format';
import type { ReplyLimit } from './types';

/** From this share of the limit on, the composer shows the count: below it, the number is noise. */
const SHOW_FROM = 0.8;

export interface ReplyRoom {
  length: number;
  max: number;
  /** Negative when the reply is too long. */
  left: number;
  over: boolean;
  /** Whether the counter is worth showing yet. */
  shown: boolean;
}

/** How much room the reply has left on its network, or null when the network sets no limit. */
export function replyRoom(text: string, limit: ReplyLimit | null): ReplyRoom | null {
  if (!limit) return null;
  // What is sent is trimmed: spaces the agent left at the end take no room.
  const length = replyLength(text.trim(), limit.counting);
  const left = limit.max - length;
  return { length, max: limit.max, left, over: left < 0, shown: length >= limit.max * SHOW_FROM };
}

/** What the counter beside the send button says: the room left, or how far over the reply is. */
export function roomInWords(room: ReplyRoom): string {
  if (room.over) return `${formatNumber(-room.left)} over`;
  return `${formatNumber(room.left)} left`;
}

/** Why a reply cannot be sent as it is, naming the network and its limit; null when it fits. */
export function tooLongReason(room: ReplyRoom | null, networkName: string): string | null {
  if (!room?.over) return null;
  const by = -room.left;
  return `Too long for ${networkName}: it takes at most ${formatNumber(room.max)} characters, and this reply is ${formatNumber(room.length)}. Shorten it by ${formatNumber(by)} to send it.`;
}
