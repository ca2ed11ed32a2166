/** Fired alerts, newest first: why each fired (observed against expected) and whether it was delivered. */
import { Center, Loader, Text, Title } from '@mantine/core';
import { formatDateTime, formatNumber } from '../../lib/format';
import { QueryError } from '../../ui/QueryError';
import { useAlertHistory } from './api';
import { DeliveryOutcomes } from './DeliveryOutcomes';
import { ResponsiveRow, ResponsiveTable, useStackedRows, type TableColumn } from '../../ui/ResponsiveTable';

const COLUMNS: TableColumn[] = [
  { header: 'Fired at' },
  { header: 'Alert' },
  { header: 'Observed', align: 'right' },
  { header: 'Expected', align: 'right' },
  { header: 'Reason' },
  { header: 'Deliveries' },
];

const round = (value: number) => formatNumber(Math.round(value * 10) / 10);

export function AlertHistory() {
  const history = useAlertHistory();
  const stacked = useStackedRows();
  return (
    <section aria-labelledby="alert-history-title">
      <Title order={2} size="h3" id="alert-history-title" mb="sm">
        Alert history
      </Title>
      {history.isError ? (
        <QueryError title="Could not load the alert history" error={history.error} onRetry={() => void history.refetch()} />
      ) : history.isPending ? (
        <Center p="md">
          <Loader aria-label="Loading the alert history" />
        </Center>
      ) : history.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          No alert has fired yet.
        </Text>
      ) : (
        <ResponsiveTable label="Alert history" columns={COLUMNS} stacked={stacked} minWidth={720}>
          {history.data.map((firing) => (
            <ResponsiveRow
              key={firing.id}
              columns={COLUMNS}
              stacked={stacked}
              cells={[
                <time dateTime={firing.firedAt}>{formatDateTime(firing.firedAt)}</time>,
                <Text size="sm" fw={600}>
                  {firing.alertName}
                </Text>,
                round(firing.observed),
                round(firing.expected),
                <>
                  <Text size="sm">{firing.reason}</Text>
                  <Text size="xs" c="dimmed">
                    {formatDateTime(firing.windowStart)} – {formatDateTime(firing.windowEnd)}
                  </Text>
                </>,
                <DeliveryOutcomes deliveries={firing.deliveries} />,
              ]}
            />
          ))}
        </ResponsiveTable>
      )}
    </section>
  );
}
