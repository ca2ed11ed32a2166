/** Share of voice: how much of the talk about the brand and its competitors is about each, overall and over time. */
import { AreaChart, DonutChart } from '@mantine/charts';
import { SimpleGrid } from '@mantine/core';
import { formatNumber, timeZone } from '../../lib/format';
import { useChart } from './api';
import { ChartCard } from './ChartCard';
import { bucketLabel } from './chart-format';
import { pivotByQuery, shareTotals } from './chart-rows';
import type { DashboardParams } from './use-dashboard-params';
import { useQueryColors } from './use-query-colors';

const percent = (value: number) => `${Math.round(value * 1000) / 10}%`;

export function ShareOfVoiceCard({ params }: { params: DashboardParams }) {
  // Share of voice always weighs every brand query against every competitor query: the scope does not apply.
  // Days start at the viewer's midnight, as the axis labels them.
  const zone = timeZone();
  const key = { range: params.key.range, zone };
  const colorOf = useQueryColors();
  const chart = useChart('share-of-voice', key, () => params.resolve({ queryId: undefined, kind: undefined, timeZone: zone }));
  const rows = chart.data?.rows ?? [];
  const totals = shareTotals(rows);
  const over = pivotByQuery(rows, 'mentions');
  const overRows = over.rows.map((row) => ({ ...row, time: bucketLabel(String(row.at), chart.data?.interval) }));
  return (
    <ChartCard
      id="chart-share-of-voice"
      title="Share of voice"
      description="Brand queries against competitor queries"
      csvPath={params.csvPath('share-of-voice', { queryId: undefined, kind: undefined, timeZone: zone })}
      csvName="share-of-voice.csv"
      loading={chart.isPending && chart.fetchStatus !== 'idle'}
      error={chart.error}
      empty={totals.length === 0}
    >
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        <DonutChart
          data={totals.map((t) => ({ name: t.name, value: t.mentions, color: colorOf(t.queryId) }))}
          withLabelsLine
          withLabels
          labelsType="percent"
          withTooltip
          tooltipDataSource="segment"
          valueFormatter={formatNumber}
          chartLabel={formatNumber(totals.reduce((sum, t) => sum + t.mentions, 0))}
          size={180}
          thickness={26}
          mx="auto"
          role="img"
          aria-label={totals.map((t) => `${t.name} ${percent(t.share)}`).join(', ')}
        />
        <AreaChart
          style={{ gridColumn: 'span 2' }}
          h={240}
          data={overRows}
          dataKey="time"
          type="percent"
          curveType="linear"
          series={over.series.map((s) => ({ name: s.key, label: s.label, color: colorOf(s.key) }))}
          withDots={false}
          withLegend
          legendProps={{ verticalAlign: 'bottom' }}
        />
      </SimpleGrid>
    </ChartCard>
  );
}
