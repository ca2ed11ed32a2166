/** A search field that reports what was typed once typing pauses, and follows outside changes. */
import { useEffect, useRef, useState } from 'react';
import { CloseButton, TextInput, type TextInputProps } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';

export function SearchInput({
  value,
  onSearch,
  ...props
}: Omit<TextInputProps, 'value' | 'onChange'> & { value: string; onSearch: (value: string) => void }) {
  const [text, setText] = useState(value);
  const emitted = useRef(value);
  const emit = useDebouncedCallback((next: string) => {
    emitted.current = next;
    onSearch(next);
  }, 250);
  useEffect(() => {
    if (value !== emitted.current) {
      emitted.current = value;
      setText(value);
    }
  }, [value]);
  return (
    <TextInput
      type="search"
      leftSection={<IconSearch size={16} />}
      rightSection={
        text ? (
          <CloseButton
            size="sm"
            aria-label="Clear search"
            onClick={() => {
              setText('');
              emitted.current = '';
              onSearch('');
            }}
          />
        ) : null
      }
      value={text}
      onChange={(event) => {
        setText(event.currentTarget.value);
        emit(event.currentTarget.value);
      }}
      {...props}
    />
  );
}
