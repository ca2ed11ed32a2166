/** The listening dashboard: volume, sentiment, share of voice, breakdowns and top lists for a range and a set of queries. */
import '@mantine/charts/styles.css';
import { Alert, Group, Select, SimpleGrid, Stack } from '@mantine/core';
import { IconCalendarX } from '@tabler/icons-react';
import { PageHeader } from '../../ui/PageHeader';
import { useSavedQueries } from './api';
import { BreakdownCard } from './BreakdownCard';
import { LONGEST_CHART_RANGE_DAYS } from './date-range';
import { DateRangeSelect } from './DateRangeSelect';
import { parseScope, scopeOptions, scopeValue } from './query-scope';
import { ShareOfVoiceCard } from './ShareOfVoiceCard';
import { TopAuthorsCard } from './TopAuthorsCard';
import { TopTermsCard } from './TopTermsCard';
import { useDashboardParams } from './use-dashboard-params';
import { VolumeCharts } from './VolumeCharts';

export function DashboardPage() {
  const params = useDashboardParams();
  const queries = useSavedQueries();
  return (
    <>
      <PageHeader title="Listening dashboard" description="What is said, how it feels, and who says it." />
      <Stack gap="md">
        <Group gap="sm" align="flex-end" wrap="wrap" role="group" aria-label="Dashboard range and queries">
          <Select
            label="Queries"
            w={240}
            data={scopeOptions(queries.data ?? [])}
            value={scopeValue(params.scope)}
            onChange={(value) => params.setScope(parseScope(value))}
            allowDeselect={false}
            searchable
          />
          <DateRangeSelect value={params.range} onChange={params.setRange} longestDays={LONGEST_CHART_RANGE_DAYS} />
        </Group>
        {params.problem ? (
          // Said once for the whole dashboard, rather than by each chart the API would refuse.
          <Alert color="yellow" icon={<IconCalendarX size={18} aria-hidden />} title="No charts for this date range">
            {params.problem.summary}. Change the dates above to see the charts.
          </Alert>
        ) : (
          <>
            <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
              <VolumeCharts params={params} />
            </SimpleGrid>
            <ShareOfVoiceCard params={params} />
            <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
              <BreakdownCard params={params} by="network" />
              <BreakdownCard params={params} by="language" />
              <TopTermsCard params={params} />
              <TopAuthorsCard params={params} />
            </SimpleGrid>
          </>
        )}
      </Stack>
    </>
  );
}
