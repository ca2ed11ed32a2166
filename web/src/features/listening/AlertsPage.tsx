/** Alert settings and the alert history. */
import { useState } from 'react';
import { Button, Center, EmptyState, Loader, Stack } from '@mantine/core';
import { IconAlarm, IconPlus } from '@tabler/icons-react';
import { PageHeader } from '../../ui/PageHeader';
import { QueryError } from '../../ui/QueryError';
import { usePermissions } from '../auth/permissions';
import { AlertDialog } from './AlertDialog';
import { AlertHistory } from './AlertHistory';
import { AlertsTable } from './AlertsTable';
import { useAlerts, useSavedQueries } from './api';
import type { Alert } from './types';

type Editing = { alert?: Alert } | null;

export function AlertsPage() {
  const alerts = useAlerts();
  const queries = useSavedQueries();
  const { canWrite } = usePermissions();
  const [editing, setEditing] = useState<Editing>(null);
  return (
    <>
      <PageHeader
        title="Alerts"
        description="Hear about spikes in volume or negative sentiment, and about keywords, as they happen."
        actions={
          canWrite && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing({})}>
              New alert
            </Button>
          )
        }
      />
      <Stack gap="xl">
        {alerts.isError ? (
          <QueryError title="Could not load the alerts" error={alerts.error} onRetry={() => void alerts.refetch()} />
        ) : alerts.isPending ? (
          <Center p="md">
            <Loader aria-label="Loading alerts" />
          </Center>
        ) : alerts.data.length === 0 ? (
          <EmptyState
            icon={<IconAlarm size={28} />}
            title="No alerts yet"
            description="Create one to hear about a crisis before it grows."
          />
        ) : (
          <AlertsTable alerts={alerts.data} queries={queries.data ?? []} canWrite={canWrite} onEdit={(alert) => setEditing({ alert })} />
        )}
        <AlertHistory />
      </Stack>
      {editing && <AlertDialog key={editing.alert?.id ?? 'new'} alert={editing.alert} opened onClose={() => setEditing(null)} />}
    </>
  );
}
