/** The contacts list's filters, sort and saved view, kept in the URL. */
import { useListParams } from '../../lib/use-list-params';
import type { ContactFilters } from './types';

export const DEFAULT_SORT = 'name';
const SPEC = { q: 'typed', stage: 'many', tag: 'many', ownerId: 'one', companyId: 'one', sort: 'one' } as const;
const DEFAULTS = { sort: DEFAULT_SORT };

export function useContactListState() {
  const { values, viewId, change, show } = useListParams(SPEC, DEFAULTS);
  return { filters: values as ContactFilters, viewId, setFilters: change, showView: show };
}

export function hasFilters(filters: ContactFilters): boolean {
  return Boolean(filters.q || filters.stage?.length || filters.tag?.length || filters.ownerId || filters.companyId);
}
