/** Picks an IANA time zone, searchable by any part of its name ("Berlin", "America/"). */
import { useMemo } from 'react';
import { Select, type SelectProps } from '@mantine/core';
import { timeZoneOptions } from './time-zones';

export function TimeZoneSelect({
  value,
  onChange,
  ...props
}: Omit<SelectProps, 'data' | 'value' | 'onChange'> & { value: string; onChange: (zone: string) => void }) {
  const zones = useMemo(() => timeZoneOptions(value), [value]);
  return (
    <Select
      data={zones}
      value={value}
      onChange={(zone) => zone && onChange(zone)}
      searchable
      allowDeselect={false}
      nothingFoundMessage="No such time zone"
      limit={100}
      {...props}
    />
  );
}
