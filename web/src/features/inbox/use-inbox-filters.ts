/** The inbox's view, status and filters, kept in the URL so a filtered inbox can be bookmarked and shared. */
import { useCallback, useMemo } from 'react';
import { useListParams } from '../../lib/use-list-params';
import type { ConversationFilters } from './types';

/**
 * The view (Mine, Unassigned, …) is kept as `inbox` in the URL: list pages keep the id of a saved
 * view in `view`, and an inbox view kept there was carried over as one, so going back to All from
 * another view did nothing.
 */
const SPEC = {
  inbox: 'one',
  status: 'one',
  network: 'one',
  channelId: 'one',
  assigneeId: 'one',
  teamId: 'one',
  label: 'one',
  priority: 'one',
  q: 'typed',
  spam: 'one',
} as const;

const DEFAULTS = { inbox: 'all', status: 'open' };

type UrlValues = Partial<Record<keyof typeof SPEC, string>>;

export function filtersFromUrl({ inbox, ...rest }: UrlValues): ConversationFilters {
  return { ...rest, view: inbox } as ConversationFilters;
}

export function urlFromFilters({ view, ...rest }: Partial<ConversationFilters>): UrlValues {
  return { ...(rest as UrlValues), ...(view === undefined ? {} : { inbox: view }) };
}

export function useInboxFilters() {
  const { values, change } = useListParams(SPEC, DEFAULTS);
  const filters = useMemo(() => filtersFromUrl(values), [values]);
  const setFilters = useCallback((next: Partial<ConversationFilters>) => change(urlFromFilters(next)), [change]);
  return { filters, setFilters };
}
