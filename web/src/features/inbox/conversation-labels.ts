/** Conversation labels as the server keeps them: one label whatever its case. */

export const sameLabel = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The suggestions a conversation does not have yet, case aside (the input itself only hides exact matches). */
export const labelsToAdd = (suggestions: readonly string[], chosen: readonly string[]): string[] =>
  suggestions.filter((s) => !chosen.some((c) => sameLabel(c, s)));
