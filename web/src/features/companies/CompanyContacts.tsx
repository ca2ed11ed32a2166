/** The people at a company, with a way to add one already linked to it. */
import { Anchor, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { usePermissions } from '../auth/permissions';
import { useContactList } from '../contacts/api';
import { NewContactButton } from '../contacts/NewContactButton';
import { StageBadge } from '../contacts/StageBadge';
import type { Company } from './types';

const SHOWN = 25;

export function CompanyContacts({ company }: { company: Company }) {
  const list = useContactList({ companyId: company.id, sort: 'name' }, SHOWN);
  const { canWrite } = usePermissions();
  const contacts = list.data?.pages[0]?.data ?? [];
  return (
    <Card withBorder component="section" aria-labelledby="company-contacts-heading">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id="company-contacts-heading">
            People
          </Title>
          {canWrite && <NewContactButton quiet label="Add person" defaults={{ companyId: company.id, companyName: company.name }} />}
        </Group>
        {list.isPending && <Loader size="sm" aria-label="Loading people" />}
        {list.isSuccess && contacts.length === 0 && (
          <Text size="sm" c="dimmed">
            No one at {company.name} yet.
          </Text>
        )}
        <Stack component="ul" gap={6} p={0} m={0} style={{ listStyle: 'none' }}>
          {contacts.map((c) => (
            <Group component="li" key={c.id} justify="space-between" wrap="nowrap">
              <div style={{ minWidth: 0 }}>
                <Anchor component={Link} to={`/contacts/${c.id}`} size="sm" fw={500} dir="auto">
                  {c.displayName}
                </Anchor>
                {c.title && (
                  <Text size="xs" c="dimmed" truncate>
                    {c.title}
                  </Text>
                )}
              </div>
              <StageBadge stage={c.lifecycleStage} />
            </Group>
          ))}
        </Stack>
        {list.data?.pages[0]?.nextCursor && (
          <Anchor component={Link} to={`/contacts?companyId=${company.id}`} size="sm">
            See all people at {company.name}
          </Anchor>
        )}
      </Stack>
    </Card>
  );
}
