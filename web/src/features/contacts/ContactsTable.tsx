/** The contacts matching the filters, as a virtualised table that loads pages as you scroll. */
import { Anchor, EmptyState, Text } from '@mantine/core';
import { IconAddressBook } from '@tabler/icons-react';
import { Link } from 'react-router';
import { PagedTable } from '../../ui/PagedTable';
import { nameColumn, ownerColumn, tagsColumn, updatedColumn } from '../../ui/record-columns';
import type { Column } from '../../ui/VirtualTable';
import { useMemberNames } from '../members/use-member-names';
import { HealthBadge } from '../relationship/HealthBadge';
import { TierBadge } from '../relationship/TierBadge';
import { useContactList } from './api';
import { contactCountText } from './contact-count';
import { StageBadge } from './StageBadge';
import type { Contact, ContactFilters } from './types';

const contactHref = (c: Contact) => `/contacts/${c.id}`;

export function ContactsTable({ filters }: { filters: ContactFilters }) {
  const list = useContactList(filters);
  const memberName = useMemberNames();

  const columns: Column<Contact>[] = [
    nameColumn({ width: '18%' }, (c) => c.displayName, contactHref),
    {
      key: 'email',
      header: 'E-mail',
      width: '16%',
      visibleFrom: 'sm',
      render: (c) => (
        <Text size="sm" truncate>
          {c.emails[0]?.address ?? ''}
        </Text>
      ),
    },
    {
      key: 'company',
      header: 'Company',
      width: '11%',
      visibleFrom: 'md',
      render: (c) =>
        c.companyId ? (
          <Anchor component={Link} to={`/companies/${c.companyId}`} size="sm" truncate display="block" dir="auto">
            {c.companyName}
          </Anchor>
        ) : null,
    },
    { key: 'stage', header: 'Stage', width: '10%', render: (c) => <StageBadge stage={c.lifecycleStage} /> },
    { key: 'tier', header: 'Tier', width: '8%', visibleFrom: 'sm', render: (c) => <TierBadge tier={c.tier} /> },
    {
      key: 'health',
      header: 'Health',
      width: '10%',
      visibleFrom: 'md',
      render: (c) => <HealthBadge health={c.health} reasons={c.healthReasons} />,
    },
    tagsColumn({ width: '10%', visibleFrom: 'xl' }),
    ownerColumn({ width: '9%', visibleFrom: 'lg' }, memberName),
    updatedColumn({ width: '8%', visibleFrom: 'md' }),
  ];

  return (
    <PagedTable
      list={list}
      label="Contact list"
      columns={columns}
      href={contactHref}
      failedTitle="Could not load contacts"
      countText={contactCountText}
      empty={
        <EmptyState icon={<IconAddressBook size={28} />} title="No contacts match" description="Try other filters, or add a contact." />
      }
    />
  );
}
