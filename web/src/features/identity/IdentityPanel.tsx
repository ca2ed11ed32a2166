/** The contact's identities on every network, how each was linked and why; link and unlink them. */
import { Card, EmptyState, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconUserQuestion } from '@tabler/icons-react';
import { QueryError } from '../../ui/QueryError';
import { usePermissions } from '../auth/permissions';
import { useContactIdentities } from './api';
import { IdentityRow } from './IdentityRow';
import { LinkIdentityButton } from './LinkIdentityButton';

export function IdentityPanel({ contactId, contactName }: { contactId: string; contactName: string }) {
  const identities = useContactIdentities(contactId);
  const { canWrite } = usePermissions();
  const items = identities.data?.data ?? [];
  return (
    <Card withBorder component="section" aria-labelledby="identities-heading">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={2} size="h4" id="identities-heading">
            Identities
          </Title>
          {canWrite && <LinkIdentityButton contactId={contactId} contactName={contactName} />}
        </Group>
        {identities.isPending && <Loader size="sm" aria-label="Loading identities" />}
        {identities.isError && (
          <QueryError title="Could not load the identities" error={identities.error} onRetry={() => void identities.refetch()} />
        )}
        {identities.isSuccess && items.length === 0 && (
          <EmptyState
            icon={<IconUserQuestion size={24} />}
            title="No linked identities"
            description="Authors on your channels who are this person show up here once linked."
            size="sm"
          />
        )}
        {items.length > 0 && (
          <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Linked identities">
            {items.map((identity) => (
              <IdentityRow key={identity.id} identity={identity} contactId={contactId} canWrite={canWrite} />
            ))}
          </Stack>
        )}
        {identities.isSuccess && (
          <Text size="xs" c="dimmed">
            {items.length === 1 ? '1 identity' : `${items.length} identities`} linked to {contactName}.
          </Text>
        )}
      </Stack>
    </Card>
  );
}
