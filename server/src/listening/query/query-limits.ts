/**
 * The bounds of the listening query language. Queries come from users and API clients, so every
 * dimension that costs time or memory at parse or match time has a ceiling, and going over it is
 * a clear error rather than a slow server.
 */
export const QUERY_LIMITS = {
  /** Characters in one query. */
  maxLength: 10_000,
  /** Nested parentheses and NOTs. */
  maxDepth: 32,
  /** Words looked for (each word of a phrase counts). */
  maxTerms: 2_000,
  /** Words with `*` or `?`: each one is compared with every distinct word of a message. */
  maxWildcards: 100,
  /** Largest n in `NEAR/n` and `"…"~n`. */
  maxNearDistance: 100,
  /** Beyond this distance proximity is close to a plain AND in social posts, so it is flagged. */
  largeNearDistance: 20,
  /** A wildcard with fewer literal characters before it than this is flagged as too broad. */
  shortWildcardStem: 3,
} as const;

/** What one message contributes to matching: text past these bounds is not searched. */
export const MESSAGE_LIMITS = {
  /** Characters of the text, and separately of the title. */
  maxTextLength: 100_000,
  /** Longer "words" are base64, hashes or glued URLs, which nobody searches for. */
  maxWordLength: 100,
  /** Hashtags, mentions taken from one message. */
  maxEntities: 1_000,
} as const;
