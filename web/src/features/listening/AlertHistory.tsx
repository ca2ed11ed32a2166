/** Fired alerts, newest first: why each fired (observed against expected) and whether it was delivered. */
import { Center, Loader, Table, Text, Title } from '@mantine/core';
import { formatDateTime, formatNumber } from '../../lib/format';
import { QueryError } from '../../ui/QueryError';
import { useAlertHistory } from './api';
import { DeliveryOutcomes } from './DeliveryOutcomes';

const round = (value: number) => formatNumber(Math.round(value * 10) / 10);

export function AlertHistory() {
  const history = useAlertHistory();
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
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Fired at</Table.Th>
                <Table.Th>Alert</Table.Th>
                <Table.Th ta="right">Observed</Table.Th>
                <Table.Th ta="right">Expected</Table.Th>
                <Table.Th>Reason</Table.Th>
                <Table.Th>Deliveries</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {history.data.map((firing) => (
                <Table.Tr key={firing.id}>
                  <Table.Td>
                    <time dateTime={firing.firedAt}>{formatDateTime(firing.firedAt)}</time>
                  </Table.Td>
                  <Table.Td fw={600}>{firing.alertName}</Table.Td>
                  <Table.Td ta="right">{round(firing.observed)}</Table.Td>
                  <Table.Td ta="right">{round(firing.expected)}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{firing.reason}</Text>
                    <Text size="xs" c="dimmed">
                      {formatDateTime(firing.windowStart)} – {formatDateTime(firing.windowEnd)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <DeliveryOutcomes deliveries={firing.deliveries} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </section>
  );
}
