/** Settings › Canned responses: reply templates agents insert with "/shortcut". */
import { useState } from 'react';
import { ActionIcon, Button, Code, Group, Loader, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { QueryError } from '../../ui/QueryError';
import { usePermissions } from '../auth/permissions';
import { useCannedResponses, useDeleteCannedResponse } from './api';
import { CannedResponseDialog } from './CannedResponseDialog';
import type { CannedResponse } from './types';

export function CannedResponsesSettings() {
  const responses = useCannedResponses();
  const remove = useDeleteCannedResponse();
  const { canWrite } = usePermissions();
  const [editing, setEditing] = useState<CannedResponse | 'new' | null>(null);
  const [deleting, setDeleting] = useState<CannedResponse | null>(null);
  return (
    <>
      <Group justify="space-between" mb="sm">
        <Text size="sm" c="dimmed">
          Type <Code>/shortcut</Code> in a reply, or use the template button, to insert one.
        </Text>
        {canWrite && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
            New canned response
          </Button>
        )}
      </Group>
      {responses.isPending && <Loader size="sm" aria-label="Loading canned responses" />}
      {responses.isError && (
        <QueryError title="Could not load canned responses" error={responses.error} onRetry={() => void responses.refetch()} />
      )}
      {responses.data?.length === 0 && (
        <Text size="sm" c="dimmed">
          No canned responses yet.
        </Text>
      )}
      <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Canned responses">
        {responses.data?.map((response) => (
          <Paper component="li" withBorder p="sm" key={response.id}>
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <div style={{ minWidth: 0 }}>
                <Group gap="xs">
                  <Text fw={600} size="sm">
                    {response.name}
                  </Text>
                  <Code>/{response.shortcut}</Code>
                </Group>
                <Text size="sm" c="dimmed" lineClamp={2} style={{ whiteSpace: 'pre-wrap' }}>
                  {response.body}
                </Text>
              </div>
              {canWrite && (
                <Group gap={4} wrap="nowrap">
                  <Tooltip label="Edit">
                    <ActionIcon variant="subtle" color="gray" aria-label={`Edit ${response.name}`} onClick={() => setEditing(response)}>
                      <IconPencil size={16} />
                    </ActionIcon>
                  </Tooltip>
                  <Tooltip label="Delete">
                    <ActionIcon variant="subtle" color="red" aria-label={`Delete ${response.name}`} onClick={() => setDeleting(response)}>
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Tooltip>
                </Group>
              )}
            </Group>
          </Paper>
        ))}
      </Stack>
      {editing && <CannedResponseDialog response={editing === 'new' ? undefined : editing} opened onClose={() => setEditing(null)} />}
      <ConfirmDialog
        opened={deleting !== null}
        title={`Delete ${deleting?.name ?? ''}?`}
        confirmLabel="Delete"
        pending={remove.isPending}
        error={remove.error}
        onClose={() => setDeleting(null)}
        onConfirm={() => deleting && remove.mutate(deleting.id, { onSuccess: () => setDeleting(null) })}
      >
        Agents can no longer insert it. Replies already sent stay as they are.
      </ConfirmDialog>
    </>
  );
}
