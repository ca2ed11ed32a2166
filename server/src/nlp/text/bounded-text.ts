// Every analysis reads at most a fixed prefix of a message, so a 100,000-character paste costs the
// same as a long post: the work per message stays bounded whatever arrives.

/** Characters read by the analyses; far more than any social post, enough for the gist of an e-mail. */
export const MAX_ANALYSED_CHARS = 4000;

/** The prefix of `text` the analyses read, never ending inside a surrogate pair. */
export function boundedText(text: string, maxChars: number = MAX_ANALYSED_CHARS): string {
  if (text.length <= maxChars) return text;
  const last = text.charCodeAt(maxChars - 1);
  const cut = last >= 0xd800 && last <= 0xdbff ? maxChars - 1 : maxChars;
  return text.slice(0, cut);
}
