/** Mentions by channel or by language, split by sentiment. */
import { BarChart } from '@mantine/charts';
import { formatNumber } from '../../lib/format';
import { useChart } from './api';
import { ChartCard } from './ChartCard';
import { SENTIMENT_SERIES } from './chart-format';
import { breakdownBars } from './chart-rows';
import { languageName } from './languages';
import { networkName } from './NetworkLabel';
import type { DashboardParams } from './use-dashboard-params';

const TITLES = { network: 'By channel', language: 'By language' } as const;

export function BreakdownCard({ params, by }: { params: DashboardParams; by: 'network' | 'language' }) {
  const chart = useChart('breakdown', { ...params.key, by }, () => params.resolve({ by }));
  const name = by === 'network' ? networkName : (code: string) => (code === 'unknown' ? 'Unknown' : languageName(code));
  const bars = breakdownBars(chart.data?.rows ?? [], by)
    .slice(0, 12)
    .map((bar) => ({ ...bar, name: name(bar.name) }));
  return (
    <ChartCard
      id={`chart-by-${by}`}
      title={TITLES[by]}
      description="Mentions by sentiment"
      csvPath={params.csvPath('breakdown', { by })}
      csvName={`by-${by}.csv`}
      loading={chart.isPending && chart.fetchStatus !== 'idle'}
      error={chart.error}
      empty={bars.length === 0}
    >
      <BarChart
        h={Math.max(160, bars.length * 32)}
        data={bars}
        dataKey="name"
        orientation="vertical"
        type="stacked"
        series={SENTIMENT_SERIES}
        valueFormatter={formatNumber}
        yAxisProps={{ width: 110, interval: 0 }}
        withLegend
        legendProps={{ verticalAlign: 'bottom' }}
      />
    </ChartCard>
  );
}
