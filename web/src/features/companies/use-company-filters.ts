/** The companies list's filters, sort and saved view, kept in the URL. */
import { useListParams } from '../../lib/use-list-params';
import type { CompanyFilters } from './types';

export const DEFAULT_COMPANY_SORT = 'name';
const SPEC = { q: 'typed', tag: 'many', ownerId: 'one', industry: 'typed', sort: 'one' } as const;
const DEFAULTS = { sort: DEFAULT_COMPANY_SORT };

export function useCompanyListState() {
  const { values, viewId, change, show } = useListParams(SPEC, DEFAULTS);
  return { filters: values as CompanyFilters, viewId, setFilters: change, showView: show };
}

export function hasCompanyFilters(filters: CompanyFilters): boolean {
  return Boolean(filters.q || filters.tag?.length || filters.ownerId || filters.industry);
}
