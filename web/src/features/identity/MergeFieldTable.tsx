/**
 * The two contacts field by field, as a merge will combine them: a radio per side where single
 * values differ, lists shown as the union both keep.
 */
import { Radio, Table, Text } from '@mantine/core';
import { isChoice, type Picks } from './merge-picks';
import type { MergeField, MergeSide } from './types';

export type ValueLines = (field: MergeField, side: MergeSide | 'result') => string[];

function Lines({ lines }: { lines: string[] }) {
  if (lines.length === 0)
    return (
      <Text span size="sm" c="dimmed">
        (empty)
      </Text>
    );
  return (
    <>
      {lines.map((line, index) => (
        <Text key={index} size="sm" style={{ overflowWrap: 'anywhere' }}>
          {line}
        </Text>
      ))}
    </>
  );
}

function PickCell({
  field,
  side,
  picks,
  lines,
  onPick,
}: {
  field: MergeField;
  side: MergeSide;
  picks: Picks;
  lines: string[];
  onPick: (field: string, side: MergeSide) => void;
}) {
  if (!isChoice(field)) return <Lines lines={lines} />;
  return (
    <Radio
      name={`pick-${field.field}`}
      value={side}
      checked={picks[field.field] === side}
      onChange={() => onPick(field.field, side)}
      label={lines.join(', ') || '(empty)'}
      styles={{ label: { overflowWrap: 'anywhere' } }}
    />
  );
}

export function MergeFieldTable({
  fields,
  picks,
  onPick,
  survivorName,
  mergedName,
  lines,
}: {
  fields: readonly MergeField[];
  picks: Picks;
  onPick: (field: string, side: MergeSide) => void;
  survivorName: string;
  mergedName: string;
  lines: ValueLines;
}) {
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table withTableBorder withColumnBorders fz="sm" verticalSpacing="xs" aria-label="Fields to merge">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="18%">Field</Table.Th>
            <Table.Th w="27%">{survivorName} (kept)</Table.Th>
            <Table.Th w="27%">{mergedName}</Table.Th>
            <Table.Th w="28%">After the merge</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {fields.map((field) => (
            <Table.Tr key={field.field}>
              <Table.Th scope="row" fw={500}>
                {field.label}
                {field.kind === 'list' && (
                  <Text size="xs" c="dimmed" fw={400}>
                    both kept
                  </Text>
                )}
              </Table.Th>
              <Table.Td>
                <PickCell field={field} side="survivor" picks={picks} lines={lines(field, 'survivor')} onPick={onPick} />
              </Table.Td>
              <Table.Td>
                <PickCell field={field} side="merged" picks={picks} lines={lines(field, 'merged')} onPick={onPick} />
              </Table.Td>
              <Table.Td>
                <Lines lines={lines(field, 'result')} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
