/** Picks a workspace member (an owner, an assignee). */
import { Select, type SelectProps } from '@mantine/core';
import { useMembers } from './api';

export function MemberSelect({
  value,
  onChange,
  ...props
}: Omit<SelectProps, 'data' | 'value' | 'onChange'> & { value: string | null; onChange: (id: string | null) => void }) {
  const members = useMembers();
  return (
    <Select
      data={(members.data ?? []).map((m) => ({ value: m.id, label: m.name }))}
      value={value}
      onChange={onChange}
      searchable
      nothingFoundMessage="No such member"
      {...props}
    />
  );
}
