/**
 * How an alert firing's deliveries went: a badge each, and under them, in words, why each failed
 * one failed (a refused address, an unreachable host), so the reason can be read without hovering.
 */
import { Badge, Group, Text, Tooltip } from '@mantine/core';
import { deliveryLabel } from './labels';

export interface DeliveryOutcome {
  channel: string;
  ok: boolean;
  detail: string;
}

export function DeliveryOutcomes({ deliveries }: { deliveries: DeliveryOutcome[] }) {
  const failures = deliveries.filter((delivery) => !delivery.ok && delivery.detail);
  return (
    <>
      <Group gap={4}>
        {deliveries.map((delivery, index) => (
          <Tooltip key={`${delivery.channel}-${index}`} label={delivery.detail || (delivery.ok ? 'Delivered' : 'Failed')}>
            <Badge size="sm" variant="light" color={delivery.ok ? 'teal' : 'red'} tabIndex={0}>
              {deliveryLabel(delivery.channel)}: {delivery.ok ? 'sent' : 'failed'}
            </Badge>
          </Tooltip>
        ))}
      </Group>
      {failures.map((delivery, index) => (
        <Text key={`${delivery.channel}-${index}`} size="xs" c="red" mt={4}>
          {deliveryLabel(delivery.channel)}: {delivery.detail}
        </Text>
      ))}
    </>
  );
}
