/**
 * A settings page that lists what the workspace has set up: a line of explanation or filters with
 * the button that adds one, then the list as a table, or its loading, failure or emptiness.
 */
import type { ReactNode } from 'react';
import { Group, Loader, Paper, Table, Text, VisuallyHidden } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { QueryError } from './QueryError';

export function SettingsList<Row>({
  intro,
  addButton,
  list,
  label,
  loadingLabel,
  failedTitle,
  retry = false,
  empty,
  headers,
  withActions = true,
  children,
}: {
  /** What the list is for, or the filters it is shown with. */
  intro: ReactNode;
  /** Left out for those who may not add. */
  addButton?: ReactNode;
  list: UseQueryResult<Row[]>;
  /** The table's accessible name. */
  label: string;
  loadingLabel: string;
  failedTitle: string;
  /** Offer to load the list again after a failure. */
  retry?: boolean;
  empty: ReactNode;
  /** The column headers but the last, unnamed one for each row's actions. */
  headers: ReactNode;
  withActions?: boolean;
  /** The table's rows. */
  children: (rows: Row[]) => ReactNode;
}) {
  return (
    <>
      <Group justify="space-between" mb="sm">
        {intro}
        {addButton}
      </Group>
      {list.isPending && <Loader size="sm" aria-label={loadingLabel} />}
      {list.isError && <QueryError title={failedTitle} error={list.error} onRetry={retry ? () => void list.refetch() : undefined} />}
      {list.data?.length === 0 && (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      )}
      {list.data && list.data.length > 0 && (
        <Paper withBorder>
          <Table verticalSpacing="sm" aria-label={label}>
            <Table.Thead>
              <Table.Tr>
                {headers}
                {withActions && (
                  <Table.Th>
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>{children(list.data)}</Table.Tbody>
          </Table>
        </Paper>
      )}
    </>
  );
}
