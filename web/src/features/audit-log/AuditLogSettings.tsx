/** Settings › Audit log: who changed what and when in the workspace, with each change's before and after. */
import { Fragment, useState } from 'react';
import { Anchor, Button, Group, Loader, Paper, Select, Table, Text, VisuallyHidden } from '@mantine/core';
import { Link } from 'react-router';
import { formatDateTime, formatRelative } from '../../lib/format';
import { LoadMore } from '../../ui/LoadMore';
import { QueryError } from '../../ui/QueryError';
import { useAuditLog } from './api';
import { changesOf, describeChange, fieldLabel, RECORD_KINDS, recordPath, subjectLabel } from './audit-entry';
import type { AuditEntry } from './types';

function RecordCell({ entry }: { entry: AuditEntry }) {
  const path = recordPath(entry);
  return path ? (
    <Anchor component={Link} to={path} size="sm" aria-label={`Open the ${subjectLabel(entry.subjectType).toLowerCase()}`}>
      Open
    </Anchor>
  ) : (
    <Text size="sm" c="dimmed">
      {subjectLabel(entry.subjectType)}
    </Text>
  );
}

function Changes({ entry }: { entry: AuditEntry }) {
  const changes = changesOf(entry.data);
  if (changes.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No field values were recorded for this change.
      </Text>
    );
  }
  return (
    <Table withRowBorders={false} verticalSpacing={2} aria-label={`Changes: ${describeChange(entry.type)}`}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Field</Table.Th>
          <Table.Th>Before</Table.Th>
          <Table.Th>After</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {changes.map((change) => (
          <Table.Tr key={change.field}>
            <Table.Td>
              <Text size="sm" fw={500}>
                {fieldLabel(change.field)}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm" c="dimmed" style={{ wordBreak: 'break-word' }}>
                {change.before ?? '—'}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm" style={{ wordBreak: 'break-word' }}>
                {change.after ?? '—'}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function AuditLogSettings() {
  const [subjectType, setSubjectType] = useState<string | null>(null);
  const [open, setOpen] = useState<number | null>(null);
  const log = useAuditLog(subjectType ? { subjectType } : {});
  const entries = log.data?.pages.flatMap((page) => page.data) ?? [];
  return (
    <>
      <Group justify="space-between" mb="sm" align="flex-end">
        <Text size="sm" c="dimmed">
          Every change in the workspace, newest first: by whom, when, and what it changed.
        </Text>
        <Select
          label="Kind of record"
          placeholder="All records"
          data={RECORD_KINDS}
          value={subjectType}
          onChange={setSubjectType}
          clearable
          w={220}
        />
      </Group>
      {log.isPending && <Loader size="sm" aria-label="Loading the audit log" />}
      {log.isError && <QueryError title="Could not load the audit log" error={log.error} onRetry={() => void log.refetch()} />}
      {log.isSuccess && entries.length === 0 && (
        <Text size="sm" c="dimmed">
          No changes recorded{subjectType ? ' for this kind of record' : ''}.
        </Text>
      )}
      {entries.length > 0 && (
        <Paper withBorder>
          <Table verticalSpacing="xs" aria-label="Audit log">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>When</Table.Th>
                <Table.Th>Who</Table.Th>
                <Table.Th>What</Table.Th>
                <Table.Th visibleFrom="sm">Record</Table.Th>
                <Table.Th>
                  <VisuallyHidden>Details</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.map((entry) => {
                const expanded = open === entry.id;
                const detailsId = `audit-entry-${entry.id}`;
                return (
                  <Fragment key={entry.id}>
                    <Table.Tr>
                      <Table.Td>
                        <Text size="sm" title={formatDateTime(entry.occurredAt)}>
                          {formatRelative(entry.occurredAt)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" c={entry.actorName ? undefined : 'dimmed'}>
                          {entry.actorName ?? 'Rapport'}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{describeChange(entry.type)}</Text>
                      </Table.Td>
                      <Table.Td visibleFrom="sm">
                        <RecordCell entry={entry} />
                      </Table.Td>
                      <Table.Td>
                        <Button
                          variant="subtle"
                          size="compact-xs"
                          aria-expanded={expanded}
                          aria-controls={expanded ? detailsId : undefined}
                          onClick={() => setOpen(expanded ? null : entry.id)}
                          aria-label={`${expanded ? 'Hide' : 'Show'} changes: ${describeChange(entry.type)}`}
                        >
                          {expanded ? 'Hide changes' : 'Show changes'}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                    {expanded && (
                      <Table.Tr id={detailsId}>
                        <Table.Td colSpan={5} bg="var(--mantine-color-default-hover)">
                          <Changes entry={entry} />
                        </Table.Td>
                      </Table.Tr>
                    )}
                  </Fragment>
                );
              })}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      <LoadMore
        hasMore={Boolean(log.hasNextPage)}
        loading={log.isFetchingNextPage}
        onLoadMore={() => void log.fetchNextPage()}
        label="Older changes"
      />
    </>
  );
}
