/**
 * How long a reply may be on each network, counted the way the network counts, so the inbox can
 * refuse a reply that is too long while the agent is still writing it, instead of the delivery
 * failing after the SLA clock stopped. Each connector declares its network's limit.
 *
 * The web app's composer counts with this very module (it is bundled into the browser), so its
 * counter and the server's refusal agree: it imports nothing, and must stay so (a lint rule says it).
 */

/** How a network counts: Unicode code points, user-perceived characters, or X's weighted count. */
export const REPLY_COUNTINGS = ['code_points', 'graphemes', 'mastodon', 'x_weighted'] as const;
export type ReplyCounting = (typeof REPLY_COUNTINGS)[number];

export interface ReplyLength {
  max: number;
  counting: ReplyCounting;
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

export function graphemeCount(text: string): number {
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

/** The reply's length as the network counts it. */
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
