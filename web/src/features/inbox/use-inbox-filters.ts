/** The inbox's view, status and filters, kept in the URL so a filtered inbox can be bookmarked and shared. */
import { useMemo } from 'react';
import { useListParams } from '../../lib/use-list-params';
import type { ConversationFilters } from './types';

const SPEC = {
  view: 'one',
  status: 'one',
  network: 'one',
  channelId: 'one',
  assigneeId: 'one',
  teamId: 'one',
  label: 'one',
  priority: 'one',
  q: 'one',
  spam: 'one',
} as const;

const DEFAULTS = { view: 'all', status: 'open' };

export function useInboxFilters() {
  const { values, change } = useListParams(SPEC, DEFAULTS);
  const filters = useMemo(() => values as ConversationFilters, [values]);
  return { filters, setFilters: change as (next: Partial<ConversationFilters>) => void };
}
