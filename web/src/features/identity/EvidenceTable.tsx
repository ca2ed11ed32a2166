/** Why a pair scored as it did: each compared field, how well it agreed and the weight that added. */
import { Table, Text } from '@mantine/core';
import { TEXT_COLORS } from '../../ui/text-colors';
import { evidenceFieldLabel, evidenceLevelLabel, formatWeight, sortEvidence, weightTone, type WeightTone } from './evidence';
import type { Evidence } from './types';

const TONE_COLORS: Record<WeightTone, string> = { for: TEXT_COLORS.success, against: TEXT_COLORS.danger, neutral: 'dimmed' };

export function EvidenceTable({ evidence, label = 'Match evidence' }: { evidence: readonly Evidence[]; label?: string }) {
  if (evidence.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No field evidence was recorded for this decision.
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={320}>
      <Table striped withTableBorder fz="sm" aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Field</Table.Th>
            <Table.Th>Agreement</Table.Th>
            <Table.Th ta="right">Weight</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sortEvidence(evidence).map((e) => (
            <Table.Tr key={e.field}>
              <Table.Td>{evidenceFieldLabel(e.field)}</Table.Td>
              <Table.Td>{evidenceLevelLabel(e.field, e.level)}</Table.Td>
              <Table.Td ta="right">
                <Text span size="sm" fw={600} c={TONE_COLORS[weightTone(e.weight)]} ff="monospace">
                  {formatWeight(e.weight)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
