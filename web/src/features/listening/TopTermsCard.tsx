/** The most heard hashtags, named entities or keywords, as ranked bars. */
import { useState } from 'react';
import { BarsList } from '@mantine/charts';
import { SegmentedControl } from '@mantine/core';
import { formatNumber } from '../../lib/format';
import { useChart } from './api';
import { ApproximateRanking } from './ApproximateRanking';
import { ChartCard } from './ChartCard';
import { rankedTerms } from './chart-rows';
import type { DashboardParams } from './use-dashboard-params';

const TERMS = [
  { value: 'hashtag', label: 'Hashtags' },
  { value: 'entity', label: 'Entities' },
  { value: 'keyword', label: 'Keywords' },
] as const;
type TermKind = (typeof TERMS)[number]['value'];

export function TopTermsCard({ params }: { params: DashboardParams }) {
  const [of, setOf] = useState<TermKind>('hashtag');
  const chart = useChart('top', { ...params.key, of }, () => params.resolve({ of, limit: 15 }));
  const terms = rankedTerms(chart.data?.rows ?? [], of);
  return (
    <ChartCard
      id="chart-top-terms"
      title="Top terms"
      description="What the mentions talk about"
      controls={
        <SegmentedControl
          size="xs"
          aria-label="Terms to rank"
          value={of}
          onChange={(value) => setOf(value as TermKind)}
          data={TERMS.map((t) => ({ value: t.value, label: t.label }))}
        />
      }
      csvPath={params.csvPath('top', { of, limit: 100 })}
      csvName={`top-${of}.csv`}
      loading={chart.isPending && chart.fetchStatus !== 'idle'}
      error={chart.error}
      empty={terms.length === 0}
    >
      <BarsList
        data={terms}
        valueFormatter={formatNumber}
        barsLabel={TERMS.find((t) => t.value === of)!.label}
        valueLabel="Mentions"
        barColor="blue"
      />
      <ApproximateRanking chart={chart.data} />
    </ChartCard>
  );
}
