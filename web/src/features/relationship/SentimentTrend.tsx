/** The customer's average sentiment per month as small bars, green above zero and red below. */
import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Text, VisuallyHidden } from '@mantine/core';
import { monthLabel, sentimentWord } from './score-format';
import type { RelationshipMemory } from './types';

export function SentimentTrend({ trend }: { trend: RelationshipMemory['sentimentTrend'] }) {
  if (trend.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No messages with a sentiment yet.
      </Text>
    );
  const rows = trend.map((point) => ({
    month: monthLabel(point.month),
    average: Math.round(point.average * 100) / 100,
    count: point.count,
  }));
  const latest = trend[trend.length - 1]!;
  return (
    <figure style={{ margin: 0 }}>
      <div aria-hidden>
        <BarChart
          h={90}
          data={rows}
          dataKey="month"
          series={[{ name: 'average', label: 'Average sentiment', color: 'teal.6' }]}
          getBarColor={(value) => (value < 0 ? 'red.6' : 'teal.6')}
          yAxisProps={{ domain: [-1, 1], hide: true }}
          gridAxis="none"
          withTooltip
          withYAxis={false}
          tickLine="none"
          referenceLines={[{ y: 0, color: 'gray.5' }]}
          // The table below is what assistive technology reads; the hidden picture takes no keyboard focus.
          barChartProps={{ accessibilityLayer: false }}
        />
      </div>
      <Text component="figcaption" size="xs" c="dimmed">
        Latest: {sentimentWord(latest.average)} in {monthLabel(latest.month)} ({latest.count} {latest.count === 1 ? 'message' : 'messages'})
      </Text>
      <VisuallyHidden>
        <table>
          <caption>Average sentiment per month, from −1 to 1</caption>
          <tbody>
            {rows.map((row) => (
              <tr key={row.month}>
                <th scope="row">{row.month}</th>
                <td>{row.average}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </VisuallyHidden>
    </figure>
  );
}
