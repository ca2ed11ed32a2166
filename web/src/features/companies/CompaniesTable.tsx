/** The companies matching the filters, as a virtualised table that loads pages as you scroll. */
import { EmptyState, Text } from '@mantine/core';
import { IconBuilding } from '@tabler/icons-react';
import { formatNumber } from '../../lib/format';
import { PagedTable } from '../../ui/PagedTable';
import { nameColumn, ownerColumn, tagsColumn, updatedColumn } from '../../ui/record-columns';
import type { Column } from '../../ui/VirtualTable';
import { useMemberNames } from '../members/use-member-names';
import { useCompanyList } from './api';
import type { Company, CompanyFilters } from './types';

const companyHref = (c: Company) => `/companies/${c.id}`;

export function CompaniesTable({ filters }: { filters: CompanyFilters }) {
  const list = useCompanyList(filters);
  const memberName = useMemberNames();

  const columns: Column<Company>[] = [
    nameColumn({ width: '21%' }, (c) => c.name, companyHref),
    {
      key: 'domain',
      header: 'Domain',
      width: '15%',
      visibleFrom: 'sm',
      render: (c) => (
        <Text size="sm" truncate>
          {c.domains[0] ?? ''}
        </Text>
      ),
    },
    {
      key: 'industry',
      header: 'Industry',
      width: '14%',
      visibleFrom: 'md',
      render: (c) => (
        <Text size="sm" truncate dir="auto">
          {c.industry}
        </Text>
      ),
    },
    { key: 'size', header: 'Size', width: '9%', visibleFrom: 'lg', render: (c) => <Text size="sm">{c.size}</Text> },
    { key: 'contacts', header: 'People', width: '7%', render: (c) => <Text size="sm">{formatNumber(c.contactCount)}</Text> },
    tagsColumn({ width: '13%', visibleFrom: 'lg' }),
    ownerColumn({ width: '11%', visibleFrom: 'lg' }, memberName),
    updatedColumn({ width: '10%', visibleFrom: 'md' }),
  ];

  return (
    <PagedTable
      list={list}
      label="Company list"
      columns={columns}
      href={companyHref}
      failedTitle="Could not load companies"
      empty={<EmptyState icon={<IconBuilding size={28} />} title="No companies match" description="Try other filters, or add a company." />}
    />
  );
}
