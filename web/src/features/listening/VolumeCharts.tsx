/** Volume per query and sentiment over time: two charts drawn from the same series (one request). */
import { AreaChart, LineChart } from '@mantine/charts';
import { formatNumber, timeZone } from '../../lib/format';
import { useChart } from './api';
import { ChartCard } from './ChartCard';
import { bucketLabel, SENTIMENT_SERIES } from './chart-format';
import { sentimentOverTime, volumeByQuery, withQuietIntervals } from './chart-rows';
import type { VolumeChart } from './types';
import type { DashboardParams } from './use-dashboard-params';
import { useQueryColors } from './use-query-colors';

const EMPTY: VolumeChart = { from: '', to: '', interval: 'day', at: [], series: [] };

export function VolumeCharts({ params }: { params: DashboardParams }) {
  // Days start at the viewer's midnight, as the axis labels them.
  const zone = timeZone();
  const colorOf = useQueryColors();
  const chart = useChart<VolumeChart>('volume', { ...params.key, zone }, () => params.resolve({ timeZone: zone }));
  const data = chart.data ? withQuietIntervals(chart.data, zone) : EMPTY;
  const volume = volumeByQuery(data);
  const volumeRows = volume.rows.map((row) => ({ ...row, time: bucketLabel(String(row.at), data.interval) }));
  const sentiment = sentimentOverTime(data).map((row) => ({ ...row, time: bucketLabel(row.at, data.interval) }));
  const state = { loading: chart.isPending && chart.fetchStatus !== 'idle', error: chart.error, empty: (chart.data?.at.length ?? 0) === 0 };
  const csv = params.csvPath('volume', { timeZone: zone });
  return (
    <>
      <ChartCard id="chart-volume" title="Volume" description="Mentions per query over time" csvPath={csv} csvName="volume.csv" {...state}>
        <LineChart
          h={260}
          data={volumeRows}
          dataKey="time"
          series={volume.series.map((s) => ({ name: s.key, label: s.label, color: colorOf(s.key) }))}
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
