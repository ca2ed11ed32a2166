/** The pairs of one status, strongest first, each with its probability and the engine's verdict. */
import { useCallback } from 'react';
import { Badge, EmptyState, Loader, NavLink, Paper, SegmentedControl, Stack, Text, VisuallyHidden } from '@mantine/core';
import { IconArrowsLeftRight, IconCopy } from '@tabler/icons-react';
import { LoadMore } from '../../ui/LoadMore';
import { QueryError } from '../../ui/QueryError';
import { useDuplicates } from './api';
import { DECISION_LABELS, formatProbability } from './evidence';
import { pairNames, STATUS_LABELS } from './duplicate-labels';
import type { DuplicateCandidate, DuplicateKind, DuplicateStatus } from './types';

const KIND_OPTIONS = [
  { value: 'all', label: 'All' },
  { value: 'contact', label: 'Contacts' },
  { value: 'identity', label: 'Identities' },
];

function PairRow({ candidate, selected, onSelect }: { candidate: DuplicateCandidate; selected: boolean; onSelect: () => void }) {
  const [first, second] = pairNames(candidate);
  return (
    <NavLink
      component="button"
      type="button"
      active={selected}
      aria-current={selected ? 'true' : undefined}
      onClick={onSelect}
      label={
        <Text size="sm" fw={600} lineClamp={2}>
          {first} <IconArrowsLeftRight size={12} aria-hidden style={{ verticalAlign: 'middle' }} />
          <VisuallyHidden>and</VisuallyHidden> {second}
        </Text>
      }
      description={candidate.kind === 'identity' ? 'Identity and contact' : 'Two contacts'}
      rightSection={
        <Stack gap={2} align="flex-end">
          <Text size="sm" fw={600}>
            {formatProbability(candidate.probability)}
          </Text>
          <Badge size="xs" variant="light" color={candidate.decision === 'link' ? 'green' : 'yellow'}>
            {DECISION_LABELS[candidate.decision]}
          </Badge>
        </Stack>
      }
    />
  );
}

export function DuplicateList({
  status,
  kind,
  selectedId,
  onKindChange,
  onSelect,
}: {
  status: DuplicateStatus;
  kind: DuplicateKind | null;
  selectedId: string | null;
  onKindChange: (kind: DuplicateKind | null) => void;
  onSelect: (id: string) => void;
}) {
  const list = useDuplicates(status, kind);
  const pairs = list.data?.pages.flatMap((page) => page.data) ?? [];
  const { fetchNextPage } = list;
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);
  return (
    <Stack gap="sm" component="section" aria-label="Duplicate pairs">
      <SegmentedControl
        aria-label="Kind of pair"
        data={KIND_OPTIONS}
        value={kind ?? 'all'}
        onChange={(value) => onKindChange(value === 'all' ? null : (value as DuplicateKind))}
        fullWidth
        size="xs"
      />
      {list.isPending && <Loader size="sm" aria-label="Loading pairs" />}
      {list.isError && <QueryError title="Could not load the pairs" error={list.error} onRetry={() => void list.refetch()} />}
      {list.isSuccess && pairs.length === 0 && (
        <EmptyState
          icon={<IconCopy size={28} />}
          title={`No ${STATUS_LABELS[status].toLowerCase()} pairs`}
          description={status === 'open' ? 'Nothing to review. New duplicates show up as contacts and messages arrive.' : undefined}
          size="sm"
        />
      )}
      {pairs.length > 0 && (
        <Paper withBorder p={4}>
          <Stack component="ul" gap={2} p={0} m={0} style={{ listStyle: 'none' }}>
            {pairs.map((candidate) => (
              <li key={candidate.id}>
                <PairRow candidate={candidate} selected={candidate.id === selectedId} onSelect={() => onSelect(candidate.id)} />
              </li>
            ))}
          </Stack>
        </Paper>
      )}
      <LoadMore hasMore={Boolean(list.hasNextPage)} loading={list.isFetchingNextPage} onLoadMore={loadMore} label="Show more pairs" />
    </Stack>
  );
}
