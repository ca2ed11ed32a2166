/** Volume per query and sentiment over time: two charts drawn from the same rows (one request). */
import { AreaChart, LineChart } from '@mantine/charts';
import { formatNumber } from '../../lib/format';
import { useChart } from './api';
import { ChartCard } from './ChartCard';
import { bucketLabel, SENTIMENT_SERIES, seriesColor } from './chart-format';
import { pivotByQuery, sentimentOverTime } from './chart-rows';
import type { DashboardParams } from './use-dashboard-params';

export function VolumeCharts({ params }: { params: DashboardParams }) {
  const chart = useChart('volume', params.key, () => params.resolve());
  const rows = chart.data?.rows ?? [];
  const interval = chart.data?.interval;
  const volume = pivotByQuery(rows, 'mentions');
  const volumeRows = volume.rows.map((row) => ({ ...row, time: bucketLabel(String(row.at), interval) }));
  const sentiment = sentimentOverTime(rows).map((row) => ({ ...row, time: bucketLabel(row.at, interval) }));
  const state = { loading: chart.isPending && chart.fetchStatus !== 'idle', error: chart.error, empty: rows.length === 0 };
  const csv = params.csvPath('volume');
  return (
    <>
      <ChartCard id="chart-volume" title="Volume" description="Mentions per query over time" csvPath={csv} csvName="volume.csv" {...state}>
        <LineChart
          h={260}
          data={volumeRows}
          dataKey="time"
          series={volume.series.map((s, i) => ({ name: s.key, label: s.label, color: seriesColor(i) }))}
          curveType="monotone"
          withLegend
          withDots={volumeRows.length < 40}
          valueFormatter={formatNumber}
          legendProps={{ verticalAlign: 'bottom' }}
        />
      </ChartCard>
      <ChartCard
        id="chart-sentiment"
        title="Sentiment"
        description="Positive, neutral and negative mentions over time"
        csvPath={csv}
        csvName="sentiment.csv"
        {...state}
      >
        <AreaChart
          h={260}
          data={sentiment}
          dataKey="time"
          type="stacked"
          series={SENTIMENT_SERIES}
          curveType="monotone"
          withLegend
          withDots={false}
          valueFormatter={formatNumber}
          legendProps={{ verticalAlign: 'bottom' }}
        />
      </ChartCard>
    </>
  );
}
