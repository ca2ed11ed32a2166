/** A pair already decided: what it compared, the evidence, and who decided what when. */
import { Paper, Stack, Text, Title } from '@mantine/core';
import { formatDateTime } from '../../lib/format';
import { NetworkLabel } from '../listening/NetworkLabel';
import { useMemberNames } from '../members/use-member-names';
import { pairNames, STATUS_LABELS } from './duplicate-labels';
import { PairEvidence } from './PairEvidence';
import { linesOf, SideBySide } from './SideBySide';
import type { DuplicateCandidate } from './types';

export function DecidedPair({ candidate }: { candidate: DuplicateCandidate }) {
  const memberName = useMemberNames();
  const [first, second] = pairNames(candidate);
  const { left, right, identity } = candidate;
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
        <SideBySide
          label="The pair"
          leftTitle={first}
          rightTitle={second}
          rows={[
            { label: 'Network', left: identity && <NetworkLabel network={identity.network} />, right: null },
            { label: 'E-mail', left: identity ? identity.email : linesOf(left?.emails ?? []), right: linesOf(right.emails) },
            { label: 'Phone', left: linesOf(left?.phones ?? []), right: linesOf(right.phones) },
            { label: 'Handle', left: identity ? identity.handle : linesOf(left?.handles ?? []), right: linesOf(right.handles) },
            { label: 'Company', left: left?.companyName, right: right.companyName },
          ]}
        />
        <PairEvidence candidate={candidate} />
      </Stack>
    </Paper>
  );
}
