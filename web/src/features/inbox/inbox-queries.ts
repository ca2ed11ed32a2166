/**
 * What the inbox asks the API for, from the filters in the URL. Spam is a folder of its own: it
 * lists every spam conversation, whatever its view and status, and its count says how many. The
 * counts are asked with the same filters as the list, so each number is the length of the list
 * its view, status or folder shows.
 */
import type { ConversationFilters } from './types';

export const isSpamFolder = (filters: ConversationFilters) => filters.spam === 'true';

/** The list's query: in the spam folder, the view and status the URL keeps for the inbox do not apply. */
export function listQuery(filters: ConversationFilters): ConversationFilters {
  if (!isSpamFolder(filters)) return filters;
  const { view: _view, status: _status, ...rest } = filters;
  return rest;
}

/** The counts' query: the inbox's view, status and filters; the spam count comes with them. */
export function countsQuery(filters: ConversationFilters): ConversationFilters {
  const { spam: _spam, ...rest } = filters;
  return rest;
}
