/** Search, stage, tag, owner and company filters of the contacts list. */
import { Button, Group, MultiSelect, TagsInput } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import { SearchInput } from '../../ui/SearchInput';
import { CompanyFilterChip } from '../companies/CompanyFilterChip';
import { MemberSelect } from '../members/MemberSelect';
import { STAGE_OPTIONS } from './stage-labels';
import type { ContactFilters } from './types';
import { hasFilters } from './use-contact-filters';

export function ContactFiltersBar({ filters, onChange }: { filters: ContactFilters; onChange: (change: Partial<ContactFilters>) => void }) {
  return (
    <Group mb="sm" gap="xs" align="flex-end">
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
      <TagsInput
        aria-label="Tags"
        placeholder={filters.tag?.length ? undefined : 'Any tag'}
        value={filters.tag ?? []}
        onChange={(tag) => onChange({ tag })}
        clearable
        clearButtonProps={{ 'aria-label': 'Clear tags' }}
        w={{ base: '100%', sm: 200 }}
      />
      <MemberSelect
        aria-label="Owner"
        placeholder="Any owner"
        value={filters.ownerId ?? null}
        onChange={(ownerId) => onChange({ ownerId: ownerId ?? undefined })}
        clearable
        w={{ base: '100%', sm: 170 }}
      />
      {filters.companyId && <CompanyFilterChip companyId={filters.companyId} onClear={() => onChange({ companyId: undefined })} />}
      {hasFilters(filters) && (
        <Button
          variant="subtle"
          color="gray"
          leftSection={<IconFilterOff size={16} />}
          onClick={() => onChange({ q: undefined, stage: [], tag: [], ownerId: undefined, companyId: undefined })}
        >
          Clear
        </Button>
      )}
    </Group>
  );
}
