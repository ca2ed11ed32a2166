/** String similarity measures used by the comparators: Jaro–Winkler, bounded edit distance, token sets. */

const MAX_LENGTH = 64;
const leftMatched = new Uint8Array(MAX_LENGTH);
const rightMatched = new Uint8Array(MAX_LENGTH);

/** Jaro similarity in [0, 1]; strings longer than 64 characters are compared on their first 64. */
export function jaro(left: string, right: string): number {
  if (left === right) return left.length === 0 ? 0 : 1;
  const a = left.length > MAX_LENGTH ? left.slice(0, MAX_LENGTH) : left;
  const b = right.length > MAX_LENGTH ? right.slice(0, MAX_LENGTH) : right;
  if (a.length === 0 || b.length === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  leftMatched.fill(0, 0, a.length);
  rightMatched.fill(0, 0, b.length);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    const from = Math.max(0, i - window);
    const to = Math.min(b.length - 1, i + window);
    for (let j = from; j <= to; j++) {
      if (rightMatched[j] === 1 || a.charCodeAt(i) !== b.charCodeAt(j)) continue;
      leftMatched[i] = 1;
      rightMatched[j] = 1;
      matches++;
      break;
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let j = 0;
  for (let i = 0; i < a.length; i++) {
    if (leftMatched[i] === 0) continue;
    while (rightMatched[j] === 0) j++;
    if (a.charCodeAt(i) !== b.charCodeAt(j)) transpositions++;
    j++;
  }
  return (matches / a.length + matches / b.length + (matches - transpositions / 2) / matches) / 3;
}

/** Jaro–Winkler: Jaro raised for a shared prefix of up to four characters (scale 0.1). */
export function jaroWinkler(a: string, b: string): number {
  const similarity = jaro(a, b);
  if (similarity === 0 || similarity === 1) return similarity;
  let prefix = 0;
  const limit = Math.min(4, a.length, b.length);
  while (prefix < limit && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return similarity + prefix * 0.1 * (1 - similarity);
}

const rows = [new Int32Array(MAX_LENGTH + 1), new Int32Array(MAX_LENGTH + 1), new Int32Array(MAX_LENGTH + 1)];

/**
 * Optimal-string-alignment distance (insertions, deletions, substitutions, adjacent transpositions),
 * giving up once it exceeds `limit`: the comparators only ask "at most one or two edits?". Strings
 * are compared on their first 64 characters.
 */
export function editDistance(left: string, right: string, limit: number): number {
  if (left === right) return 0;
  const a = left.length > MAX_LENGTH ? left.slice(0, MAX_LENGTH) : left;
  const b = right.length > MAX_LENGTH ? right.slice(0, MAX_LENGTH) : right;
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let [before, previous, current] = rows as [Int32Array, Int32Array, Int32Array];
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        value = Math.min(value, before[j - 2]! + 1);
      }
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    [before, previous, current] = [previous, current, before];
  }
  return Math.min(previous[b.length]!, limit + 1);
}

/**
 * Token-set similarity: each token of the shorter side is paired with its most similar token on the
 * other (Jaro–Winkler), averaged; word order and extra words ("Acme" vs "Acme Ltd") matter little.
 */
export function tokenSetSimilarity(a: string, b: string): number {
  const left = a.split(' ').filter(Boolean);
  const right = b.split(' ').filter(Boolean);
  if (left.length === 0 || right.length === 0) return 0;
  const [short, long] = left.length <= right.length ? [left, right] : [right, left];
  let total = 0;
  for (const token of short) {
    let best = 0;
    for (const other of long) best = Math.max(best, jaroWinkler(token, other));
    total += best;
  }
  return total / short.length;
}
