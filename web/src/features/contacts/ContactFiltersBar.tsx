/** Search, stage, tag, owner and company filters of the contacts list. */
import { MultiSelect } from '@mantine/core';
import { FiltersBar } from '../../ui/FiltersBar';
import { SearchInput } from '../../ui/SearchInput';
import { TagsFilter } from '../../ui/TagsFilter';
import { CompanyFilterChip } from '../companies/CompanyFilterChip';
import { OwnerFilter } from './OwnerFilter';
import { STAGE_OPTIONS } from './stage-labels';
import type { ContactFilters } from './types';
import { hasFilters } from './use-contact-filters';

export function ContactFiltersBar({ filters, onChange }: { filters: ContactFilters; onChange: (change: Partial<ContactFilters>) => void }) {
  return (
    <FiltersBar
      filtered={hasFilters(filters)}
      onClear={() => onChange({ q: undefined, stage: [], tag: [], ownerId: undefined, companyId: undefined })}
    >
      <SearchInput
        aria-label="Search contacts"
        placeholder="Search by name, e-mail, company…"
        value={filters.q ?? ''}
        onSearch={(q) => onChange({ q: q || undefined })}
        style={{ flex: '1 1 240px' }}
      />
      <MultiSelect
        aria-label="Lifecycle stage"
        placeholder={filters.stage?.length ? undefined : 'Any stage'}
        data={STAGE_OPTIONS}
        value={filters.stage ?? []}
        onChange={(stage) => onChange({ stage })}
        clearable
        clearButtonProps={{ 'aria-label': 'Clear stages' }}
        w={{ base: '100%', sm: 220 }}
      />
      <TagsFilter tags={filters.tag} onChange={(tag) => onChange({ tag })} />
      <OwnerFilter ownerId={filters.ownerId} onChange={(ownerId) => onChange({ ownerId })} />
      {filters.companyId && <CompanyFilterChip companyId={filters.companyId} onClear={() => onChange({ companyId: undefined })} />}
    </FiltersBar>
  );
}
