/**
 * Wildcard words (`colo?r`, `organi?ation*`, `a*b*c`) matched against message words without
 * regular expressions or backtracking: the pattern is cut at each `*` into segments, the first
 * must match at the start, the last at the end, and each middle one at its leftmost place after
 * the previous (leftmost is always safe when only `*` separates segments). A word of length n and
 * a pattern of length m cost at most O(n × m), whatever the pattern.
 */

export type WordTest = (word: string) => boolean;

/** `?` in a segment matches any one character (UTF-16 unit). */
function segmentAt(segment: string, word: string, at: number): boolean {
  for (let i = 0; i < segment.length; i++) {
    const expected = segment.charCodeAt(i);
    if (expected !== 63 && expected !== word.charCodeAt(at + i)) return false;
  }
  return true;
}

function leftmost(segment: string, word: string, from: number, limit: number): number {
  for (let at = from; at + segment.length <= limit; at++) if (segmentAt(segment, word, at)) return at;
  return -1;
}

export function compileWildcard(pattern: string): WordTest {
  const segments = pattern.split('*');
  if (segments.length === 1) return (word) => word.length === pattern.length && segmentAt(pattern, word, 0);
  const first = segments[0]!;
  const last = segments[segments.length - 1]!;
  const middle = segments.slice(1, -1).filter((segment) => segment.length > 0);
  const shortest = segments.reduce((sum, segment) => sum + segment.length, 0);
  return (word) => {
    if (word.length < shortest) return false;
    if (!segmentAt(first, word, 0)) return false;
    const end = word.length - last.length;
    if (!segmentAt(last, word, end)) return false;
    let at = first.length;
    for (const segment of middle) {
      const found = leftmost(segment, word, at, end);
      if (found === -1) return false;
      at = found + segment.length;
    }
    return true;
  };
}

/** The literal characters before the first wildcard: every word the pattern matches starts with them. */
export function literalStem(pattern: string): string {
  const cut = pattern.search(/[*?]/);
  return cut === -1 ? pattern : pattern.slice(0, cut);
}
