/** How sure the engine is that a pair is one person, and the field evidence behind it. */
import { Badge, Group, Stack, Text, Title } from '@mantine/core';
import { DECISION_LABELS, evidenceLegend, formatProbability } from './evidence';
import { EvidenceTable } from './EvidenceTable';
import type { DuplicateCandidate } from './types';

export function PairEvidence({ candidate }: { candidate: DuplicateCandidate }) {
  return (
    <Stack gap="xs" component="section" aria-labelledby={`evidence-${candidate.id}`}>
      <Group gap="xs" justify="space-between">
        <Title order={3} size="h5" id={`evidence-${candidate.id}`}>
          Evidence
        </Title>
        <Group gap={6}>
          <Text size="sm" fw={600}>
            {formatProbability(candidate.probability)} likely the same person
          </Text>
          <Badge size="sm" variant="light" color={candidate.decision === 'link' ? 'green' : 'yellow'}>
            {DECISION_LABELS[candidate.decision]}
          </Badge>
        </Group>
      </Group>
      <EvidenceTable evidence={candidate.evidence} />
      {candidate.evidence.length > 0 && (
        <Text size="xs" c="dimmed">
          {evidenceLegend(candidate.evidence, candidate.weight)}
        </Text>
      )}
    </Stack>
  );
}
