/** The alerts: what each watches and how, whether it is on, when it last fired, and a way to check it now. */
import { useState } from 'react';
import { ActionIcon, Button, Switch, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { formatRelative } from '../../lib/format';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { notifyFailure } from '../../ui/notify-failure';
import { useCheckAlert, useDeleteAlert, useSaveAlert } from './api';
import { awaitingHistoryNote, quietCheckMessage } from './alert-waiting';
import { KIND_LABELS, TRIGGER_LABELS } from './labels';
import { ResponsiveRow, ResponsiveTable, useStackedRows, type TableColumn } from '../../ui/ResponsiveTable';
import type { Alert, SavedQuery } from './types';

const COLUMNS: TableColumn[] = [
  { header: 'Name' },
  { header: 'Watches' },
  { header: 'Trigger' },
  { header: 'Delivery' },
  { header: 'Active' },
  { header: 'Last fired' },
];

function watches(alert: Alert, queries: readonly SavedQuery[]): string {
  if (alert.queryKind) return `All ${KIND_LABELS[alert.queryKind].toLowerCase()}`;
  return queries.find((q) => q.id === alert.queryId)?.name ?? 'A deleted query';
}

function ActiveSwitch({ alert, disabled }: { alert: Alert; disabled: boolean }) {
  const save = useSaveAlert();
  return (
    <Switch
      aria-label={`Active: ${alert.name}`}
      checked={save.isPending ? !alert.isActive : alert.isActive}
      disabled={disabled || save.isPending}
      onChange={(e) =>
        save.mutate(
          { id: alert.id, input: { isActive: e.currentTarget.checked } },
          { onError: (error) => notifyFailure('Could not change the alert', error) },
        )
      }
    />
  );
}

/** When it last fired, and whether it holds back while a watched query's history is matched. */
function LastFired({ alert }: { alert: Alert }) {
  const waiting = awaitingHistoryNote(alert.awaitingHistoryOf);
  return (
    <>
      <Text size="sm">{alert.lastFiredAt ? formatRelative(alert.lastFiredAt) : 'Never'}</Text>
      {waiting && (
        <Text size="xs" c="dimmed">
          {waiting}
        </Text>
      )}
    </>
  );
}

function CheckNowButton({ alert, disabled }: { alert: Alert; disabled: boolean }) {
  const check = useCheckAlert();
  return (
    <Button
      size="compact-sm"
      variant="default"
      disabled={disabled}
      loading={check.isPending}
      aria-label={`Check now: ${alert.name}`}
      onClick={() =>
        check.mutate(alert.id, {
          onSuccess: ({ fired, firing, awaitingHistoryOf }) =>
            notifications.show(
              fired && firing
                ? { color: 'orange', title: `${alert.name} fired`, message: firing.reason }
                : quietCheckMessage(alert.name, awaitingHistoryOf),
            ),
          onError: (error) => notifyFailure('Could not check the alert', error),
        })
      }
    >
      Check now
    </Button>
  );
}

export function AlertsTable({
  alerts,
  queries,
  canWrite,
  onEdit,
}: {
  alerts: Alert[];
  queries: SavedQuery[];
  canWrite: boolean;
  onEdit: (alert: Alert) => void;
}) {
  const remove = useDeleteAlert();
  const [deleting, setDeleting] = useState<Alert | null>(null);
  const stacked = useStackedRows();
  return (
    <>
      <ResponsiveTable label="Alerts" columns={COLUMNS} stacked={stacked} minWidth={720} withActions>
        {alerts.map((alert) => (
          <ResponsiveRow
            key={alert.id}
            columns={COLUMNS}
            stacked={stacked}
            cells={[
              <Text size="sm" fw={600}>
                {alert.name}
              </Text>,
              <Text size="sm">{watches(alert, queries)}</Text>,
              <>
                <Text size="sm">
                  {TRIGGER_LABELS[alert.trigger]}
                  {alert.trigger === 'keyword' && alert.keyword ? `: “${alert.keyword}”` : ''}
                </Text>
                <Text size="xs" c="dimmed">
                  {alert.trigger === 'keyword' ? '' : `sensitivity ${alert.sensitivity}, `}at least {alert.minMentions}, cool-down{' '}
                  {alert.cooldownMinutes} min
                </Text>
              </>,
              <Text size="sm">
                {[
                  alert.notifyInApp && 'In app',
                  alert.notifyEmails.length > 0 && `${alert.notifyEmails.length} e-mail`,
                  alert.webhookUrl && 'Webhook',
                ]
                  .filter(Boolean)
                  .join(', ')}
              </Text>,
              <ActiveSwitch alert={alert} disabled={!canWrite} />,
              <LastFired alert={alert} />,
            ]}
            actions={
              <>
                <CheckNowButton alert={alert} disabled={!canWrite} />
                {canWrite && (
                  <>
                    <Tooltip label="Edit">
                      <ActionIcon variant="subtle" aria-label={`Edit ${alert.name}`} onClick={() => onEdit(alert)}>
                        <IconPencil size={16} />
                      </ActionIcon>
                    </Tooltip>
                    <Tooltip label="Delete">
                      <ActionIcon variant="subtle" color="red" aria-label={`Delete ${alert.name}`} onClick={() => setDeleting(alert)}>
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Tooltip>
                  </>
                )}
              </>
            }
          />
        ))}
      </ResponsiveTable>
      <ConfirmDialog
        opened={deleting !== null}
        title={`Delete ${deleting?.name ?? 'alert'}?`}
        confirmLabel="Delete alert"
        pending={remove.isPending}
        error={remove.error}
        onConfirm={() => deleting && remove.mutate(deleting.id, { onSuccess: () => setDeleting(null) })}
        onClose={() => {
          remove.reset();
          setDeleting(null);
        }}
      >
        Its history is deleted with it.
      </ConfirmDialog>
    </>
  );
}
