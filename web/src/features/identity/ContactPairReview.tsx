/** Two contacts that may be one person: pick the values to keep and merge, or mark them different. */
import { useState } from 'react';
import { Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconArrowsExchange, IconGitMerge } from '@tabler/icons-react';
import { FormError } from '../../ui/FormError';
import { NO_FIELDS } from '../../ui/form-problems';
import { QueryError } from '../../ui/QueryError';
import { usePermissions } from '../auth/permissions';
import { useMemberNames } from '../members/use-member-names';
import { stageLabel } from '../contacts/stage-labels';
import { useTeams } from '../teams/api';
import { useDismissDuplicate, useMergeContacts, useMergePreview } from './api';
import { DismissPairButton } from './DismissPairButton';
import { MergeConfirmDialog } from './MergeConfirmDialog';
import { MergeFieldTable, type ValueLines } from './MergeFieldTable';
import { defaultSurvivor, effectivePicks, isBlankOnBoth, swapPicks, valueLines, type Picks } from './merge-picks';
import { PairEvidence } from './PairEvidence';
import { PairFields } from './PairFields';
import type { ReviewOutcome } from './review-outcome';
import type { ContactSummary, DuplicateCandidate, MergeField, MergePreview } from './types';

/** Owners, teams and companies are ids in the preview; reviewers compare them by name. */
function useValueLines(preview: MergePreview | undefined, picks: Picks): ValueLines {
  const memberName = useMemberNames();
  const teams = useTeams();
  return (field: MergeField, side) => {
    const chosen = side === 'result' ? (field.kind === 'list' ? 'result' : (picks[field.field] ?? field.pick)) : side;
    const value =
      chosen === 'result'
        ? ((preview?.result as unknown as Record<string, unknown> | undefined)?.[field.field] ?? [])
        : chosen === 'survivor'
          ? field.survivorValue
          : field.mergedValue;
    if (typeof value === 'string' && value) {
      if (field.field === 'ownerId') return [memberName(value) ?? 'A former member'];
      if (field.field === 'teamId') return [teams.data?.find((t) => t.id === value)?.name ?? 'A deleted team'];
      if (field.field === 'lifecycleStage') return [stageLabel(value)];
      if (field.field === 'companyId') {
        const owner = [preview?.survivor, preview?.merged].find((c) => c?.companyId === value);
        return [owner?.companyName ?? value];
      }
    }
    return valueLines(value);
  };
}

interface PairReviewProps {
  candidate: DuplicateCandidate;
  left: ContactSummary;
  onDone: (outcome: ReviewOutcome) => void;
}

/**
 * A viewer may look at the queue but not merge: the merge preview is an agent's, so a viewer
 * compares the two contacts as the pair holds them, with nothing to decide.
 */
export function ContactPairReview(props: PairReviewProps) {
  const { canWrite } = usePermissions();
  return canWrite ? <MergeReview {...props} /> : <ReadOnlyComparison candidate={props.candidate} left={props.left} />;
}

function ReadOnlyComparison({ candidate, left }: Omit<PairReviewProps, 'onDone'>) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="compare-heading">
      <Stack gap="md">
        <div>
          <Title order={2} size="h4" id="compare-heading">
            Compare contacts
          </Title>
          <Text size="sm" c="dimmed">
            Merging them, or marking them as different people, needs the agent role or higher.
          </Text>
        </div>
        <PairFields candidate={candidate} leftTitle={left.displayName} rightTitle={candidate.right.displayName} />
        <PairEvidence candidate={candidate} />
      </Stack>
    </Paper>
  );
}

function MergeReview({ candidate, left, onDone }: PairReviewProps) {
  const { right } = candidate;
  const [sides, setSides] = useState(() => defaultSurvivor(left, right));
  const [chosen, setChosen] = useState<Picks>({});
  const [confirming, { open, close }] = useDisclosure(false);
  const merge = useMergeContacts();
  // Once merged, one side is gone: its preview is not asked for again while the review is still on screen.
  const preview = useMergePreview(merge.isSuccess ? null : sides.survivorId, merge.isSuccess ? null : sides.mergedId);
  const dismiss = useDismissDuplicate();
  const nameOf = (id: string) => (id === left.id ? left.displayName : right.displayName);
  const [survivorName, mergedName] = [nameOf(sides.survivorId), nameOf(sides.mergedId)];
  const fields = preview.data?.fields ?? [];
  const picks = effectivePicks(fields, chosen);
  const lines = useValueLines(preview.data, picks);

  const swap = () => {
    setSides({ survivorId: sides.mergedId, mergedId: sides.survivorId });
    setChosen(swapPicks(chosen));
  };
  const confirmMerge = () =>
    merge.mutate(
      { survivorId: sides.survivorId, mergedId: sides.mergedId, picks, duplicateId: candidate.id },
      {
        onSuccess: () => {
          close();
          onDone({ message: `${mergedName} was merged into ${survivorName}.`, contact: { id: sides.survivorId, name: survivorName } });
        },
      },
    );

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="compare-heading">
      <Stack gap="md">
        <Group justify="space-between" gap="xs">
          <div>
            <Title order={2} size="h4" id="compare-heading">
              Compare contacts
            </Title>
            <Text size="sm" c="dimmed">
              {survivorName} is kept; {mergedName}’s history moves to it.
            </Text>
          </div>
          <Button variant="default" size="xs" leftSection={<IconArrowsExchange size={14} />} onClick={swap}>
            Keep {mergedName} instead
          </Button>
        </Group>
        {preview.isPending && <Loader size="sm" aria-label="Loading the merge preview" />}
        {preview.isError && <QueryError title="Could not preview the merge" error={preview.error} onRetry={() => void preview.refetch()} />}
        {preview.data && (
          <MergeFieldTable
            fields={fields.filter((field) => !isBlankOnBoth(field))}
            picks={picks}
            onPick={(field, side) => setChosen({ ...chosen, [field]: side })}
            survivorName={survivorName}
            mergedName={mergedName}
            lines={lines}
          />
        )}
        <PairEvidence candidate={candidate} />
        <FormError error={dismiss.error} labels={NO_FIELDS} />
        <Group justify="flex-end" gap="xs">
          <DismissPairButton
            dismiss={dismiss}
            candidateId={candidate.id}
            label="Not a duplicate"
            message={`${left.displayName} and ${right.displayName} are marked as different people.`}
            onDone={onDone}
          />
          <Button leftSection={<IconGitMerge size={16} />} disabled={!preview.isSuccess} onClick={open}>
            Merge
          </Button>
        </Group>
      </Stack>
      <MergeConfirmDialog
        opened={confirming}
        survivorName={survivorName}
        mergedName={mergedName}
        pending={merge.isPending}
        error={merge.error}
        onClose={close}
        onConfirm={confirmMerge}
      />
    </Paper>
  );
}
