/** Picks a company by typing part of its name; the list comes from the server as you type. */
import { useState } from 'react';
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useCompanyMatches } from './api';
import { reachableClearButton } from '../../ui/clear-button';

export function CompanyPicker({
  value,
  currentName,
  onChange,
  label = 'Company',
  error,
}: {
  value: string | null;
  /** The name of the company already chosen, shown before any search ran. */
  currentName: string | null;
  onChange: (id: string | null, name: string | null) => void;
  label?: string;
  error?: string;
}) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 200);
  const matches = useCompanyMatches(q === currentName ? '' : q);
  const options = (matches.data?.data ?? []).map((c) => ({ value: c.id, label: c.name }));
  if (value && currentName && !options.some((o) => o.value === value)) options.unshift({ value, label: currentName });
  return (
    <Select
      label={label}
      placeholder="Search companies…"
      data={options}
      value={value}
      onChange={(id, option) => onChange(id, option?.label ?? null)}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      clearable
      allowDeselect={false}
      clearButtonProps={reachableClearButton('Clear company')}
      nothingFoundMessage={matches.isFetching ? 'Searching…' : 'No company matches'}
      error={error}
    />
  );
}
