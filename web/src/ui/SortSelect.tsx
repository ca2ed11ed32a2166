/** The sort of a list. Search results come ranked by relevance, so it is off while searching. */
import { Select } from '@mantine/core';
import { IconArrowsSort } from '@tabler/icons-react';

export function SortSelect({
  options,
  value,
  onChange,
  searching,
}: {
  options: { value: string; label: string }[];
  value: string;
  onChange: (value: string) => void;
  searching: boolean;
}) {
  return (
    <Select
      aria-label="Sort by"
      leftSection={<IconArrowsSort size={16} aria-hidden />}
      data={searching ? [{ value: 'relevance', label: 'Best match' }, ...options] : options}
      value={searching ? 'relevance' : value}
      onChange={(v) => v && v !== 'relevance' && onChange(v)}
      allowDeselect={false}
      disabled={searching}
      w={190}
    />
  );
}
