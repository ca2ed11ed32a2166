/**
 * Requests to a webhook channel's public URL that were refused as unsigned or wrongly signed, or
 * held back while the channel was paused. Shown apart from the channel's errors: anyone can call
 * the URL, so they say who knocks, not whether the channel works.
 */
import { Card, Text, Title } from '@mantine/core';
import { formatDateTime, formatNumber, formatRelative } from '../../lib/format';
import { ChannelErrorsTable } from './ChannelErrorsTable';
import type { ChannelHealth } from './types';

export function RefusedDeliveries({ refused }: { refused: ChannelHealth['refusedDeliveries'] }) {
  return (
    <Card withBorder component="section" aria-labelledby="channel-refused-title">
      <Title order={2} size="h4" mb="xs" id="channel-refused-title">
        Refused deliveries
      </Title>
      {refused.count === 0 || !refused.lastAt ? (
        <Text size="sm" c="dimmed">
          No delivery was refused.
        </Text>
      ) : (
        <>
          <Text size="sm" mb="sm">
            {formatNumber(refused.count)} {refused.count === 1 ? 'request' : 'requests'} to the receive URL{' '}
            {refused.count === 1 ? 'was' : 'were'} refused, for a missing or wrong signature or while the channel was paused (the sender
            delivers those again), the latest{' '}
            <time dateTime={refused.lastAt} title={formatDateTime(refused.lastAt)}>
              {formatRelative(refused.lastAt)}
            </time>
            . Nothing of them was kept, and they do not change the channel’s health. If the sender’s own deliveries are refused, check that
            its secret is the one set on this channel.
          </Text>
          <ChannelErrorsTable errors={refused.recent} labelledBy="channel-refused-title" />
        </>
      )}
    </Card>
  );
}
