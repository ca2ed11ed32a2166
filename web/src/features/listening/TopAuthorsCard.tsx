/** The authors heard most, or the most influential, with their influence score explained on hover. */
import { useState } from 'react';
import { Anchor, Badge, SegmentedControl, Table, Text, Tooltip } from '@mantine/core';
import { Link } from 'react-router';
import { formatNumber } from '../../lib/format';
import { useChart } from './api';
import { ApproximateRanking } from './ApproximateRanking';
import { ChartCard } from './ChartCard';
import { rankedAuthors } from './chart-rows';
import { networkName } from './NetworkLabel';
import type { DashboardParams } from './use-dashboard-params';

type Ranking = 'author' | 'influencer';

export function TopAuthorsCard({ params }: { params: DashboardParams }) {
  const [of, setOf] = useState<Ranking>('author');
  const chart = useChart('top', { ...params.key, of }, () => params.resolve({ of, limit: 15 }));
  const authors = rankedAuthors(chart.data?.rows ?? []);
  return (
    <ChartCard
      id="chart-top-authors"
      title="Top authors"
      description={of === 'author' ? 'Who mentions you most' : 'Who reaches furthest'}
      controls={
        <SegmentedControl
          size="xs"
          aria-label="Rank authors by"
          value={of}
          onChange={(value) => setOf(value as Ranking)}
          data={[
            { value: 'author', label: 'Most heard' },
            { value: 'influencer', label: 'Influencers' },
          ]}
        />
      }
      csvPath={params.csvPath('top', { of, limit: 100 })}
      csvName={`top-${of}.csv`}
      loading={chart.isPending && chart.fetchStatus !== 'idle'}
      error={chart.error}
      empty={authors.length === 0}
    >
      <Table.ScrollContainer minWidth={400}>
        <Table verticalSpacing={4} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Author</Table.Th>
              <Table.Th ta="right">Mentions</Table.Th>
              <Table.Th ta="right">Followers</Table.Th>
              <Table.Th ta="right">Influence</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {authors.map((author) => (
              <Table.Tr key={author.identityId || author.handle}>
                <Table.Td>
                  {author.contactId ? (
                    <Anchor component={Link} to={`/contacts/${author.contactId}`} size="sm">
                      {author.name}
                    </Anchor>
                  ) : (
                    <Text size="sm">{author.name}</Text>
                  )}
                  <Text size="xs" c="dimmed">
                    {[author.handle !== author.name && author.handle, networkName(author.network)].filter(Boolean).join(' · ')}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">{formatNumber(author.mentions)}</Table.Td>
                <Table.Td ta="right">{author.followers === null ? '—' : formatNumber(author.followers)}</Table.Td>
                <Table.Td ta="right">
                  <Tooltip label={author.influenceWhy || 'No details'} multiline w={300}>
                    <Badge variant="light" color="violet" tabIndex={0} aria-label={`Influence ${author.influence}: ${author.influenceWhy}`}>
                      {author.influence}
                    </Badge>
                  </Tooltip>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <ApproximateRanking chart={chart.data} />
    </ChartCard>
  );
}
