/**
 * A reply's length as its network counts it, so the composer can say how much room is left and
 * refuse a reply the network would refuse, while the agent is still writing it. The counting is the
 * server's (server/src/channels/connectors/reply-length.ts), which refuses an over-long reply too:
 * the two must agree, or the counter would let through what the server turns down.
 */
import { formatNumber } from '../../lib/format';
import type { ReplyCounting, ReplyLimit } from './types';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

function graphemeCount(text: string): number {
  let n = 0;
  for (const _ of segmenter.segment(text)) n++;
  return n;
}

/** Both Mastodon and X count any link as 23 characters, however long it is (they shorten it). */
const URL = /\bhttps?:\/\/[^\s<>"]+/giu;
const LINK_LENGTH = 23;
const asLink = (text: string) => text.replace(URL, 'x'.repeat(LINK_LENGTH));

/** Mastodon counts graphemes, a link as 23 and a remote mention `@user@server` as `@user`. */
function mastodonCount(text: string): number {
  return graphemeCount(asLink(text).replace(/(@[\p{L}\p{N}_]+(?:[.-]+[\p{L}\p{N}_]+)*)@[\p{L}\p{N}.-]+\.[\p{L}\p{N}-]+/gu, '$1'));
}

/** twitter-text's v3 ranges: code points here weigh 1, every other 2; an emoji weighs 2 whatever its parts. */
const LIGHT_RANGES: readonly [number, number][] = [
  [0, 4351],
  [8192, 8205],
  [8208, 8223],
  [8242, 8247],
];
const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;

function xWeightedCount(text: string): number {
  let weight = 0;
  for (const { segment } of segmenter.segment(asLink(text.normalize('NFC')))) {
    if (EMOJI.test(segment)) {
      weight += 2;
      continue;
    }
    for (const char of segment) {
      const point = char.codePointAt(0)!;
      weight += LIGHT_RANGES.some(([from, to]) => point >= from && point <= to) ? 1 : 2;
    }
  }
  return weight;
}

export function replyLength(text: string, counting: ReplyCounting): number {
  switch (counting) {
    case 'graphemes':
      return graphemeCount(text);
    case 'mastodon':
      return mastodonCount(text);
    case 'x_weighted':
      return xWeightedCount(text);
    case 'code_points':
      return [...text].length;
  }
}

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
