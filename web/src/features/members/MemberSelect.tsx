/** Picks a workspace member (an owner, an assignee). */
import { Select, type SelectProps } from '@mantine/core';
import { useMembers } from './api';

export function MemberSelect({
  value,
  onChange,
  ...props
}: Omit<SelectProps, 'data' | 'value' | 'onChange'> & { value: string | null; onChange: (id: string | null) => void }) {
  const members = useMembers();
  // The clear button is named after the field it clears ("Clear owner"), wherever the picker is used.
  const name = typeof props.label === 'string' ? props.label : props['aria-label'];
  return (
    <Select
      data={(members.data ?? []).map((m) => ({ value: m.id, label: m.name }))}
      value={value}
      onChange={onChange}
      searchable
      nothingFoundMessage="No such member"
      clearButtonProps={name ? { 'aria-label': `Clear ${name.toLowerCase()}` } : undefined}
      {...props}
    />
  );
}
