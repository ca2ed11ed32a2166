/**
 * How much of a note's or call's text the timeline shows before "Show more". The server gives the
 * whole text as typed; a long one would push everything after it out of sight.
 */
export const PREVIEW_LINES = 6;
export const PREVIEW_CHARS = 600;

/** The shortened text to show first, or null when the whole text is short enough to show as it is. */
export function bodyPreview(body: string): string | null {
  const lines = body.split('\n');
  if (lines.length <= PREVIEW_LINES && body.length <= PREVIEW_CHARS) return null;
  const firstLines = lines.slice(0, PREVIEW_LINES).join('\n');
  return `${cutAtWord(firstLines, PREVIEW_CHARS).trimEnd()}…`;
}

/** At most `limit` characters, ending at a space when there is one in the last fifth. */
function cutAtWord(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const space = text.lastIndexOf(' ', limit);
  if (space > limit * 0.8) return text.slice(0, space);
  // Not between the two halves of a character outside the Basic Multilingual Plane (an emoji).
  const end = /[\uD800-\uDBFF]/.test(text[limit - 1] ?? '') ? limit - 1 : limit;
  return text.slice(0, end);
}
