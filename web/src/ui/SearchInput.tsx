/** A search field that reports what was typed once typing pauses, and follows outside changes. */
import { CloseButton, TextInput, type TextInputProps } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { OWN_DIRECTION } from './own-direction';
import { useDebouncedText } from './use-debounced-text';

export function SearchInput({
  value,
  onSearch,
  ...props
}: Omit<TextInputProps, 'value' | 'onChange'> & { value: string; onSearch: (value: string) => void }) {
  const { text, change, clear } = useDebouncedText(value, onSearch);
  return (
    <TextInput
      type="search"
      leftSection={<IconSearch size={16} />}
      rightSection={text ? <CloseButton size="sm" aria-label="Clear search" onClick={clear} /> : null}
      value={text}
      attributes={OWN_DIRECTION}
      onChange={(event) => change(event.currentTarget.value)}
      {...props}
    />
  );
}
