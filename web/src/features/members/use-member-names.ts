/** Member names by id, for showing owners and assignees. */
import { useMemo } from 'react';
import { useMembers } from './api';

export function useMemberNames(): (id: string | null | undefined) => string | null {
  const members = useMembers();
  const byId = useMemo(() => new Map((members.data ?? []).map((m) => [m.id, m.name])), [members.data]);
  return (id) => (id ? (byId.get(id) ?? null) : null);
}
