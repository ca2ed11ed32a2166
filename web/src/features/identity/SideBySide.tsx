/** Two records' values in columns under their names, one row per field, for comparing by eye. */
import type { ReactNode } from 'react';
import { Table, Text } from '@mantine/core';

export interface SideBySideRow {
  label: string;
  left: ReactNode;
  right: ReactNode;
}

function Value({ children }: { children: ReactNode }) {
  if (children === null || children === undefined || children === '' || (Array.isArray(children) && children.length === 0))
    return (
      <Text span size="sm" c="dimmed">
        (empty)
      </Text>
    );
  return <>{children}</>;
}

export function SideBySide({
  leftTitle,
  rightTitle,
  rows,
  label,
}: {
  leftTitle: string;
  rightTitle: string;
  rows: SideBySideRow[];
  label: string;
}) {
  return (
    <Table.ScrollContainer minWidth={420}>
      <Table withTableBorder withColumnBorders fz="sm" verticalSpacing="xs" aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="20%">Field</Table.Th>
            <Table.Th w="40%">{leftTitle}</Table.Th>
            <Table.Th w="40%">{rightTitle}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.label}>
              <Table.Th scope="row" fw={500}>
                {row.label}
              </Table.Th>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>
                <Value>{row.left}</Value>
              </Table.Td>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>
                <Value>{row.right}</Value>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** A list of values as lines, or nothing when empty (so the cell says "(empty)"). */
export function linesOf(values: readonly string[]): ReactNode {
  return values.length === 0 ? null : values.map((value) => <div key={value}>{value}</div>);
}
