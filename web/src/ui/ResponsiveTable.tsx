/**
 * The layout of the settings and listening tables (members, queries, alerts, alert history): columns
 * on a wide screen; on a phone each row in one cell, its first value as the title, the others one
 * under the other after their header, and its actions below, so nothing is cut off or pushed out of
 * sight. A phone is told on the first render, so it never lays out the wide table first.
 */
import { Group, Stack, Table, Text, VisuallyHidden, useMantineTheme } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';

export interface TableColumn {
  header: string;
  align?: 'right';
  /** A column shown from this breakpoint up only (in a phone's stacked row, always). */
  visibleFrom?: 'md' | 'lg';
}

export function useStackedRows(): boolean {
  const theme = useMantineTheme();
  return !useMediaQuery(`(min-width: ${theme.breakpoints.sm})`, undefined, { getInitialValueInEffect: false });
}

export function ResponsiveTable({
  label,
  columns,
  stacked,
  minWidth,
  withActions = false,
  children,
}: {
  label: string;
  columns: readonly TableColumn[];
  stacked: boolean;
  /** Below this width the wide table scrolls sideways (between a phone and a desktop). */
  minWidth: number;
  withActions?: boolean;
  children: ReactNode;
}) {
  if (stacked)
    return (
      <Table verticalSpacing="sm" layout="fixed" aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{columns[0]?.header}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    );
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table highlightOnHover verticalSpacing="xs" aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <Table.Th key={column.header} ta={column.align} visibleFrom={column.visibleFrom}>
                {column.header}
              </Table.Th>
            ))}
            {withActions && (
              <Table.Th>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** One row: `cells` in the order of `columns`. */
export function ResponsiveRow({
  columns,
  cells,
  actions,
  stacked,
}: {
  columns: readonly TableColumn[];
  cells: readonly ReactNode[];
  actions?: ReactNode;
  stacked: boolean;
}) {
  if (!stacked)
    return (
      <Table.Tr>
        {columns.map((column, index) => (
          <Table.Td key={column.header} ta={column.align} visibleFrom={column.visibleFrom}>
            {cells[index]}
          </Table.Td>
        ))}
        {actions && (
          <Table.Td>
            <Group gap={4} justify="flex-end" wrap="nowrap">
              {actions}
            </Group>
          </Table.Td>
        )}
      </Table.Tr>
    );
  return (
    <Table.Tr>
      <Table.Td>
        <Stack gap={6}>
          <div style={{ minWidth: 0 }}>{cells[0]}</div>
          {columns.slice(1).map((column, index) => (
            <Group key={column.header} gap="xs" wrap="nowrap" align="flex-start">
              <Text size="xs" c="dimmed" w={80} pt={2} style={{ flexShrink: 0 }}>
                {column.header}
              </Text>
              <div style={{ minWidth: 0, flex: 1 }}>{cells[index + 1]}</div>
            </Group>
          ))}
          {actions && (
            <Group gap="xs" wrap="wrap">
              {actions}
            </Group>
          )}
        </Stack>
      </Table.Td>
    </Table.Tr>
  );
}
