/** Says the two sides of a pair under review are different people, so the pair leaves the queue. */
import { Button } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import type { useDismissDuplicate } from './api';
import type { ReviewOutcome } from './review-outcome';

export function DismissPairButton({
  dismiss,
  candidateId,
  label,
  message,
  onDone,
}: {
  /** Held by the review, which shows its failure with the others'. */
  dismiss: ReturnType<typeof useDismissDuplicate>;
  candidateId: string;
  label: string;
  /** What the review says once the pair is dismissed. */
  message: string;
  onDone: (outcome: ReviewOutcome) => void;
}) {
  return (
    <Button
      variant="default"
      leftSection={<IconX size={16} />}
      loading={dismiss.isPending}
      onClick={() => dismiss.mutate(candidateId, { onSuccess: () => onDone({ message, contact: null }) })}
    >
      {label}
    </Button>
  );
}
