/** The saved queries: what is listened for, in which group, whether it is active and what to watch out for. */
import { useState } from 'react';
import { ActionIcon, Anchor, Badge, Button, Center, EmptyState, List, Loader, Switch, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconFilterSearch, IconPlus, IconTrash } from '@tabler/icons-react';
import { Link } from 'react-router';
import { formatRelative } from '../../lib/format';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { notifyFailure } from '../../ui/notify-failure';
import { PageHeader } from '../../ui/PageHeader';
import { QueryError } from '../../ui/QueryError';
import { usePermissions } from '../auth/permissions';
import { useDeleteQuery, useSaveQuery, useSavedQueries } from './api';
import { groupQueries, scopeValue } from './query-scope';
import { ResponsiveRow, ResponsiveTable, useStackedRows, type TableColumn } from '../../ui/ResponsiveTable';
import type { SavedQuery } from './types';

const COLUMNS: TableColumn[] = [
  { header: 'Name' },
  { header: 'Group' },
  { header: 'Active' },
  { header: 'Warnings' },
  { header: 'History' },
];

function WarningsBadge({ query }: { query: SavedQuery }) {
  if (query.warnings.length === 0)
    return (
      <Text size="sm" c="dimmed">
        None
      </Text>
    );
  return (
    <Tooltip
      multiline
      w={320}
      label={
        <List size="xs">
          {query.warnings.map((w) => (
            <List.Item key={`${w.code}-${w.position}`}>{w.message}</List.Item>
          ))}
        </List>
      }
    >
      <Badge color="yellow" variant="light" leftSection={<IconAlertTriangle size={12} aria-hidden />}>
        {query.warnings.length} warning{query.warnings.length === 1 ? '' : 's'}
      </Badge>
    </Tooltip>
  );
}

function ActiveSwitch({ query, disabled }: { query: SavedQuery; disabled: boolean }) {
  const save = useSaveQuery();
  return (
    <Switch
      aria-label={`Active: ${query.name}`}
      checked={save.isPending ? !query.isActive : query.isActive}
      disabled={disabled || save.isPending}
      onChange={(e) =>
        save.mutate(
          { id: query.id, input: { isActive: e.currentTarget.checked } },
          { onError: (error) => notifyFailure('Could not change the query', error) },
        )
      }
    />
  );
}

export function QueriesPage() {
  const queries = useSavedQueries();
  const remove = useDeleteQuery();
  const { canWrite } = usePermissions();
  const [deleting, setDeleting] = useState<SavedQuery | null>(null);
  const stacked = useStackedRows();
  const groups = groupQueries(queries.data ?? []);
  return (
    <>
      <PageHeader
        title="Saved queries"
        description="Every message Rapport hears is matched against the active queries."
        actions={
          canWrite && (
            <Button component={Link} to="/listening/queries/new" leftSection={<IconPlus size={16} aria-hidden />}>
              New query
            </Button>
          )
        }
      />
      {queries.isError ? (
        <QueryError title="Could not load the queries" error={queries.error} onRetry={() => void queries.refetch()} />
      ) : queries.isPending ? (
        <Center p="xl">
          <Loader aria-label="Loading queries" />
        </Center>
      ) : groups.length === 0 ? (
        <EmptyState
          icon={<IconFilterSearch size={28} />}
          title="No queries yet"
          description="Write a query for your brand and one for a competitor to start listening."
        />
      ) : (
        <ResponsiveTable label="Saved queries" columns={COLUMNS} stacked={stacked} minWidth={640} withActions>
          {groups.flatMap((group) =>
            group.queries.map((query) => (
              <ResponsiveRow
                key={query.id}
                columns={COLUMNS}
                stacked={stacked}
                cells={[
                  <>
                    <Anchor component={Link} to={`/listening/queries/${query.id}`} fw={600} size="sm">
                      {query.name}
                    </Anchor>
                    <Text size="xs" c="dimmed" ff="monospace" lineClamp={stacked ? 2 : 1} maw={380} style={{ overflowWrap: 'anywhere' }}>
                      {query.query}
                    </Text>
                  </>,
                  <Badge variant="light">{group.label}</Badge>,
                  <ActiveSwitch query={query} disabled={!canWrite} />,
                  <WarningsBadge query={query} />,
                  <Text size="sm" c="dimmed">
                    {query.backfilledAt ? `Matched ${formatRelative(query.backfilledAt)}` : 'Matching…'}
                  </Text>,
                ]}
                actions={
                  <>
                    <Button
                      component={Link}
                      to={`/listening?scope=${scopeValue({ queryId: query.id })}`}
                      variant="subtle"
                      size="compact-sm"
                    >
                      Mentions
                    </Button>
                    {canWrite && (
                      <Tooltip label="Delete">
                        <ActionIcon variant="subtle" color="red" aria-label={`Delete ${query.name}`} onClick={() => setDeleting(query)}>
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Tooltip>
                    )}
                  </>
                }
              />
            )),
          )}
        </ResponsiveTable>
      )}
      <ConfirmDialog
        opened={deleting !== null}
        title={`Delete ${deleting?.name ?? 'query'}?`}
        confirmLabel="Delete query"
        pending={remove.isPending}
        error={remove.error}
        onConfirm={() => deleting && remove.mutate(deleting.id, { onSuccess: () => setDeleting(null) })}
        onClose={() => {
          remove.reset();
          setDeleting(null);
        }}
      >
        Its mentions are deleted with it. Alerts on this query stop.
      </ConfirmDialog>
    </>
  );
}
