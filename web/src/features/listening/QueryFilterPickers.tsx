/**
 * Languages and channels picked from lists instead of typed as `lang:`/`channel:`: each picker reads
 * and writes one top-level part of the query text, so the text stays the one source of truth.
 */
import { Group, MultiSelect } from '@mantine/core';
import { NETWORKS } from '../../lib/types';
import { LANGUAGE_OPTIONS, languageName } from './languages';
import { networkName } from './NetworkLabel';
import { readFilter, writeFilter, type FilterField } from './query-filters';

type Option = { value: string; label: string };

const CHANNEL_OPTIONS: Option[] = NETWORKS.map((network) => ({ value: network, label: networkName(network) }));

/** The listed options, plus any value typed by hand that the list lacks, so the picker still shows it. */
function withTyped(options: readonly Option[], values: readonly string[], label: (value: string) => string): Option[] {
  const missing = values.filter((value) => !options.some((option) => option.value === value));
  return [...options, ...missing.map((value) => ({ value, label: label(value) }))];
}

function FilterPicker({
  field,
  label,
  placeholder,
  options,
  optionLabel,
  text,
  onChange,
}: {
  field: FilterField;
  label: string;
  placeholder: string;
  options: readonly Option[];
  optionLabel: (value: string) => string;
  text: string;
  onChange: (text: string) => void;
}) {
  const filter = readFilter(text, field);
  return (
    <MultiSelect
      label={label}
      placeholder={!filter.editable ? 'Written in the query' : filter.values.length === 0 ? placeholder : undefined}
      data={withTyped(options, filter.values, optionLabel)}
      value={filter.values}
      onChange={(values) => onChange(writeFilter(text, field, values))}
      disabled={!filter.editable}
      description={filter.editable ? undefined : filter.reason}
      searchable
      clearable
      hidePickedOptions
      comboboxProps={{ withinPortal: true }}
    />
  );
}

export function QueryFilterPickers({ text, onChange }: { text: string; onChange: (text: string) => void }) {
  return (
    <Group grow align="flex-start">
      <FilterPicker
        field="lang"
        label="Languages"
        placeholder="Any language"
        options={LANGUAGE_OPTIONS}
        optionLabel={languageName}
        text={text}
        onChange={onChange}
      />
      <FilterPicker
        field="channel"
        label="Channels"
        placeholder="Any channel"
        options={CHANNEL_OPTIONS}
        optionLabel={(value) => value}
        text={text}
        onChange={onChange}
      />
    </Group>
  );
}
