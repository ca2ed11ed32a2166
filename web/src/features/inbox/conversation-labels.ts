/** Conversation labels as the server keeps them: one label whatever its case, at most 50 characters. */
import { ApiError } from '../../lib/api';
import { failureInWords } from '../../ui/form-problems';

/** The server's limit on a label's length. */
export const LABEL_MAX_LENGTH = 50;

export const sameLabel = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The suggestions a conversation does not have yet, case aside (the input itself only hides exact matches). */
export const labelsToAdd = (suggestions: readonly string[], chosen: readonly string[]): string[] =>
  suggestions.filter((s) => !chosen.some((c) => sameLabel(c, s)));

/**
 * Why the labels sent were refused, naming each refused label by its text: the server names it by
 * its place in the list (`labels.4`), which the agent never sees.
 */
export function labelsFailure(error: Error, sent: readonly string[]): string {
  if (!(error instanceof ApiError) || error.fields.length === 0) return failureInWords(error);
  return error.fields
    .map(({ field, reason }) => {
      const place = /^(?:body\.)?labels\.(\d+)$/.exec(field);
      const label = place ? sent[Number(place[1])] : undefined;
      return label === undefined ? `Labels ${reason}` : `The label “${label}” ${reason}`;
    })
    .join('; ');
}
