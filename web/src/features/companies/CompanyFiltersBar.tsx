/** Search, industry, tag and owner filters of the companies list. */
import { TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { FiltersBar } from '../../ui/FiltersBar';
import { SearchInput } from '../../ui/SearchInput';
import { TagsFilter } from '../../ui/TagsFilter';
import { OwnerFilter } from '../contacts/OwnerFilter';
import type { CompanyFilters } from './types';
import { hasCompanyFilters } from './use-company-filters';

export function CompanyFiltersBar({ filters, onChange }: { filters: CompanyFilters; onChange: (change: Partial<CompanyFilters>) => void }) {
  const setIndustry = useDebouncedCallback((industry: string) => onChange({ industry: industry.trim() || undefined }), 300);
  return (
    <FiltersBar
      filtered={hasCompanyFilters(filters)}
      onClear={() => onChange({ q: undefined, tag: [], ownerId: undefined, industry: undefined })}
    >
      <SearchInput
        aria-label="Search companies"
        placeholder="Search by name, domain, industry…"
        value={filters.q ?? ''}
        onSearch={(q) => onChange({ q: q || undefined })}
        style={{ flex: '1 1 240px' }}
      />
      <TextInput
        key={filters.industry ?? ''}
        aria-label="Industry"
        placeholder="Any industry"
        defaultValue={filters.industry ?? ''}
        onChange={(e) => setIndustry(e.currentTarget.value)}
        w={{ base: '100%', sm: 170 }}
      />
      <TagsFilter tags={filters.tag} onChange={(tag) => onChange({ tag })} />
      <OwnerFilter ownerId={filters.ownerId} onChange={(ownerId) => onChange({ ownerId })} />
    </FiltersBar>
  );
}
