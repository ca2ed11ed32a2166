/** The inbox's label filter: any text, matched whatever its case, with the labels in use suggested. */
import { Autocomplete } from '@mantine/core';
import { useDebouncedText } from '../../ui/use-debounced-text';
import { useLabelSuggestions } from './api';

export function LabelFilter({ value, onChange }: { value: string; onChange: (label: string) => void }) {
  const suggestions = useLabelSuggestions();
  const { text, change } = useDebouncedText(value, onChange);
  return (
    <Autocomplete
      label="Label"
      placeholder="Any label"
      size="xs"
      data={suggestions.data ?? []}
      value={text}
      onChange={change}
      clearable
      limit={20}
    />
  );
}
