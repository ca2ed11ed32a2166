/** The selected pair, side by side: a merge or link to decide when open, the record of it when not. */
import { EmptyState, Loader, Paper } from '@mantine/core';
import { IconArrowsLeftRight } from '@tabler/icons-react';
import { QueryError } from '../../ui/QueryError';
import { useDuplicate } from './api';
import { ContactPairReview } from './ContactPairReview';
import { DecidedPair } from './DecidedPair';
import { IdentityPairReview } from './IdentityPairReview';
import type { ReviewOutcome } from './review-outcome';

export function DuplicateCompare({ pairId, onDone }: { pairId: string | null; onDone: (outcome: ReviewOutcome) => void }) {
  const pair = useDuplicate(pairId);
  if (!pairId)
    return (
      <Paper withBorder p="xl">
        <EmptyState
          icon={<IconArrowsLeftRight size={28} />}
          title="Pick a pair to compare"
          description="Their fields show side by side with the evidence the match rests on."
          size="sm"
        />
      </Paper>
    );
  if (pair.isPending) return <Loader size="sm" aria-label="Loading the pair" />;
  if (pair.isError) return <QueryError title="This pair does not exist any more or you cannot see it" error={pair.error} />;
  const candidate = pair.data;
  if (candidate.status !== 'open') return <DecidedPair candidate={candidate} onDone={onDone} />;
  if (candidate.kind === 'identity') return <IdentityPairReview key={candidate.id} candidate={candidate} onDone={onDone} />;
  if (!candidate.left) return <DecidedPair candidate={candidate} onDone={onDone} />;
  return <ContactPairReview key={candidate.id} candidate={candidate} left={candidate.left} onDone={onDone} />;
}
