/**
 * The two contacts field by field, as a merge will combine them: a radio per side where single
 * values differ, lists shown as the union both keep. A table where there is room; on a phone, whose
 * width a four-column table overflows (hiding what the merge makes), one block per field.
 */
import { Paper, Radio, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';
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

interface MergeFieldsProps {
  fields: readonly MergeField[];
  picks: Picks;
  onPick: (field: string, side: MergeSide) => void;
  survivorName: string;
  mergedName: string;
  lines: ValueLines;
}

function FieldLabel({ field }: { field: MergeField }) {
  return (
    <>
      {field.label}
      {field.kind === 'list' && (
        <Text size="xs" c="dimmed" fw={400}>
          both kept
        </Text>
      )}
    </>
  );
}

/** One field a block, each side's value under its contact's name, then the merge's. */
function MergeFieldBlocks({ fields, picks, onPick, survivorName, mergedName, lines }: MergeFieldsProps) {
  const part = (heading: string, value: ReactNode) => (
    <div>
      <Text size="xs" c="dimmed">
        {heading}
      </Text>
      {value}
    </div>
  );
  return (
    <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Fields to merge">
      {fields.map((field) => (
        <Paper component="li" key={field.field} withBorder p="xs">
          <Stack gap={6}>
            <Text size="sm" fw={600} component="div">
              <FieldLabel field={field} />
            </Text>
            {part(
              `${survivorName} (kept)`,
              <PickCell field={field} side="survivor" picks={picks} lines={lines(field, 'survivor')} onPick={onPick} />,
            )}
            {part(mergedName, <PickCell field={field} side="merged" picks={picks} lines={lines(field, 'merged')} onPick={onPick} />)}
            {part('After the merge', <Lines lines={lines(field, 'result')} />)}
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}

export function MergeFieldTable(props: MergeFieldsProps) {
  const phone = useMediaQuery('(max-width: 36em)', undefined, { getInitialValueInEffect: false });
  if (phone) return <MergeFieldBlocks {...props} />;
  const { fields, picks, onPick, survivorName, mergedName, lines } = props;
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
                <FieldLabel field={field} />
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
