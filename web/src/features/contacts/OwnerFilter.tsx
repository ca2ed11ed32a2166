/** Limits a list to one member's contacts, or (on the companies list) companies. */
import { MemberSelect } from '../members/MemberSelect';

export function OwnerFilter({ ownerId, onChange }: { ownerId: string | undefined; onChange: (ownerId: string | undefined) => void }) {
  return (
    <MemberSelect
      aria-label="Owner"
      placeholder="Any owner"
      value={ownerId ?? null}
      onChange={(id) => onChange(id ?? undefined)}
      clearable
      w={{ base: '100%', sm: 170 }}
    />
  );
}
