/** Search, industry, tag and owner filters of the companies list. */
import { Button, Group, TagsInput, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconFilterOff } from '@tabler/icons-react';
import { SearchInput } from '../../ui/SearchInput';
import { MemberSelect } from '../members/MemberSelect';
import type { CompanyFilters } from './types';
import { hasCompanyFilters } from './use-company-filters';

export function CompanyFiltersBar({ filters, onChange }: { filters: CompanyFilters; onChange: (change: Partial<CompanyFilters>) => void }) {
  const setIndustry = useDebouncedCallback((industry: string) => onChange({ industry: industry.trim() || undefined }), 300);
  return (
    <Group mb="sm" gap="xs" align="flex-end">
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
      {hasCompanyFilters(filters) && (
        <Button
          variant="subtle"
          color="gray"
          leftSection={<IconFilterOff size={16} />}
          onClick={() => onChange({ q: undefined, tag: [], ownerId: undefined, industry: undefined })}
        >
          Clear
        </Button>
      )}
    </Group>
  );
}
