/** Says when a top-N ranking is approximate: the counts shown are exact, the order past them is not proven. */
import { Text } from '@mantine/core';
import { formatNumber } from '../../lib/format';
import type { ChartTable } from './types';

export function ApproximateRanking({ chart }: { chart: ChartTable | undefined }) {
  if (!chart?.approximate) return null;
  return (
    <Text size="xs" c="dimmed" mt="xs">
      Approximate ranking: the counts shown are exact, but one not shown may have up to {formatNumber(chart.approximate.unseenAtMost)}{' '}
      mentions.
    </Text>
  );
}
