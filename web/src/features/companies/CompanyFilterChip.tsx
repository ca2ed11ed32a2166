/** Shows that a list is limited to one company's people, with a way to lift that. */
import { Badge, CloseButton } from '@mantine/core';
import { useCompany } from './api';

export function CompanyFilterChip({ companyId, onClear }: { companyId: string; onClear: () => void }) {
  const company = useCompany(companyId);
  const name = company.data?.name ?? 'one company';
  return (
    <Badge
      size="lg"
      variant="light"
      tt="none"
      rightSection={<CloseButton size="xs" aria-label={`Show people of every company, not only ${name}`} onClick={onClear} />}
    >
      At {name}
    </Badge>
  );
}
