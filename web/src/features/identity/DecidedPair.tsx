/**
 * A pair already decided: what it compared, the evidence, and who decided what when. A merged
 * pair shows both contacts as they were when merged, with the way to the survivor (by its name
 * now) and to undo the merge.
 */
import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { formatDateTime } from '../../lib/format';
import { usePermissions } from '../auth/permissions';
import { useMemberNames } from '../members/use-member-names';
import { pairNames, STATUS_LABELS } from './duplicate-labels';
import { PairEvidence } from './PairEvidence';
import { PairFields } from './PairFields';
import { useNotRestoredNotice } from './not-restored';
import type { ReviewOutcome } from './review-outcome';
import type { DuplicateCandidate, MergeOfPair } from './types';
import { UnmergeButton } from './UnmergeButton';

function MergedPairActions({
  candidate,
  merge,
  onDone,
}: {
  candidate: DuplicateCandidate;
  merge: MergeOfPair;
  onDone: (outcome: ReviewOutcome) => void;
}) {
  const { canWrite } = usePermissions();
  const notRestoredNotice = useNotRestoredNotice();
  const nameOf = (id: string) => [candidate.left, candidate.right].find((side) => side?.id === id)?.displayName ?? '';
  const [survivorName, mergedName] = [nameOf(merge.survivorId), nameOf(merge.mergedId)];
  const link = (
    <Anchor component={Link} to={`/contacts/${merge.survivorId}`} inherit>
      {merge.survivorName}
    </Anchor>
  );
  return (
    <Group gap="sm">
      <Text size="sm">
        {mergedName} was merged into{' '}
        {survivorName === merge.survivorName ? (
          link
        ) : (
          <>
            {survivorName}, now {link}
          </>
        )}
        .
      </Text>
      {canWrite && (
        <UnmergeButton
          merge={{ id: merge.id, mergedName, mergedAt: merge.mergedAt }}
          onUnmerged={(result) =>
            onDone({
              message: [`${result.mergedName} is back with its own history; the pair is open for review again.`, notRestoredNotice(result)]
                .filter(Boolean)
                .join(' '),
              contact: { id: result.mergedId, name: result.mergedName },
            })
          }
        />
      )}
    </Group>
  );
}

/** Which side a merge kept: two contacts merged may well have had the same name. */
const mergeRole = ({ merge }: DuplicateCandidate, id: string | undefined) =>
  !merge ? '' : id === merge.survivorId ? ' (kept)' : ' (merged in)';

export function DecidedPair({ candidate, onDone }: { candidate: DuplicateCandidate; onDone: (outcome: ReviewOutcome) => void }) {
  const memberName = useMemberNames();
  const [first, second] = pairNames(candidate);
  const decided = candidate.decidedAt
    ? `${STATUS_LABELS[candidate.status]} ${formatDateTime(candidate.decidedAt)}${candidate.decidedBy ? ` by ${memberName(candidate.decidedBy) ?? 'a former member'}` : ''}.`
    : `${STATUS_LABELS[candidate.status]}.`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="compare-heading">
      <Stack gap="md">
        <div>
          <Title order={2} size="h4" id="compare-heading">
            {first} and {second}
          </Title>
          <Text size="sm" c="dimmed">
            {decided}
          </Text>
        </div>
        {candidate.merge && <MergedPairActions candidate={candidate} merge={candidate.merge} onDone={onDone} />}
        <PairFields
          candidate={candidate}
          leftTitle={first + mergeRole(candidate, candidate.left?.id)}
          rightTitle={second + mergeRole(candidate, candidate.right.id)}
        />
        <PairEvidence candidate={candidate} />
      </Stack>
    </Paper>
  );
}
