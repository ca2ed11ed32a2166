/** Saved views of a list: pick one, save the current filters as one, update, rename or delete the one shown. */
import { Button, Group, Menu, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconChevronDown, IconDeviceFloppy, IconLayoutList, IconPencil, IconTrash, IconUsers } from '@tabler/icons-react';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { FailureReference } from '../../ui/FailureMessage';
import { failureReference } from '../../ui/form-problems';
import { usePermissions } from '../auth/permissions';
import { useCreateSegment, useDeleteSegment, useSegments, useUpdateSegment } from './api';
import { SaveViewDialog } from './SaveViewDialog';
import { compactFilters, sameFilters } from './segment-filters';
import type { Segment, SegmentFilters } from './types';
import { TEXT_COLORS } from '../../ui/text-colors';

export function SavedViews({
  entity,
  allLabel,
  viewId,
  filters,
  sort,
  defaultSort,
  onShow,
}: {
  entity: Segment['entity'];
  allLabel: string;
  viewId: string | null;
  filters: SegmentFilters;
  sort: string | undefined;
  defaultSort: string;
  onShow: (viewId: string | null, filters: SegmentFilters, sort: string | undefined) => void;
}) {
  const segments = useSegments(entity);
  const create = useCreateSegment();
  const update = useUpdateSegment();
  const remove = useDeleteSegment();
  const [saving, saveDialog] = useDisclosure(false);
  const [deleting, deleteDialog] = useDisclosure(false);
  const [renaming, renameDialog] = useDisclosure(false);
  const rename = useUpdateSegment();
  const { isAdmin, userId } = usePermissions();
  const current = segments.data?.find((s) => s.id === viewId) ?? null;
  // A shared view is changed only by its owner or an admin; everyone else may save a copy.
  const canChange = Boolean(current && (isAdmin || current.ownerId === userId));
  const modified = current ? !sameFilters(current.filters, filters) || (current.sort || defaultSort) !== (sort || defaultSort) : false;

  return (
    <Group gap="xs">
      <Menu position="bottom-start" width={260}>
        <Menu.Target>
          <Button variant="light" leftSection={<IconLayoutList size={16} />} rightSection={<IconChevronDown size={14} />}>
            {current ? current.name : allLabel}
            {modified && ' (changed)'}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>Views</Menu.Label>
          <Menu.Item
            leftSection={!current ? <IconCheck size={14} /> : <span style={{ width: 14 }} />}
            onClick={() => onShow(null, {}, undefined)}
          >
            {allLabel}
          </Menu.Item>
          {segments.data?.map((segment) => (
            <Menu.Item
              key={segment.id}
              leftSection={segment.id === viewId ? <IconCheck size={14} /> : <span style={{ width: 14 }} />}
              rightSection={segment.shared ? <IconUsers size={14} aria-label="Shared" /> : null}
              onClick={() => onShow(segment.id, segment.filters, segment.sort ?? undefined)}
            >
              {segment.name}
            </Menu.Item>
          ))}
          {segments.isError && (
            <Text component="div" size="xs" c={TEXT_COLORS.danger} px="sm" py={4}>
              Views could not be loaded.
              <FailureReference reference={failureReference(segments.error)} />
            </Text>
          )}
          <Menu.Divider />
          <Menu.Item leftSection={<IconDeviceFloppy size={14} />} onClick={saveDialog.open}>
            Save as new view…
          </Menu.Item>
          {current && canChange && (
            <Menu.Item leftSection={<IconPencil size={14} />} onClick={renameDialog.open}>
              Rename view…
            </Menu.Item>
          )}
        </Menu.Dropdown>
      </Menu>
      {current && modified && canChange && (
        <Button
          variant="subtle"
          leftSection={<IconDeviceFloppy size={16} />}
          loading={update.isPending}
          onClick={() => update.mutate({ id: current.id, filters: compactFilters(filters), sort })}
        >
          Save changes to view
        </Button>
      )}
      {current && canChange && (
        <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={deleteDialog.open}>
          Delete view
        </Button>
      )}
      <SaveViewDialog
        key={saving ? 'open' : 'closed'}
        opened={saving}
        pending={create.isPending}
        error={create.error}
        onClose={() => {
          create.reset();
          saveDialog.close();
        }}
        onSave={(name, shared) =>
          create.mutate(
            { name, entity, shared, filters: compactFilters(filters), ...(sort ? { sort } : {}) },
            {
              onSuccess: (segment) => {
                saveDialog.close();
                create.reset();
                notifications.show({ message: `View “${segment.name}” saved` });
                onShow(segment.id, segment.filters, segment.sort ?? undefined);
              },
            },
          )
        }
      />
      {current && (
        <SaveViewDialog
          key={renaming ? `rename-${current.id}` : 'rename-closed'}
          opened={renaming}
          renaming={current}
          pending={rename.isPending}
          error={rename.error}
          onClose={() => {
            rename.reset();
            renameDialog.close();
          }}
          onSave={(name) =>
            rename.mutate(
              { id: current.id, name },
              {
                onSuccess: (segment) => {
                  renameDialog.close();
                  rename.reset();
                  notifications.show({ message: `View renamed “${segment.name}”` });
                },
              },
            )
          }
        />
      )}
      <ConfirmDialog
        opened={deleting}
        title="Delete view?"
        confirmLabel="Delete view"
        pending={remove.isPending}
        error={remove.error}
        onClose={deleteDialog.close}
        onConfirm={() =>
          current &&
          remove.mutate(current.id, {
            onSuccess: () => {
              deleteDialog.close();
              onShow(null, {}, undefined);
            },
          })
        }
      >
        The view “{current?.name}” will be deleted for everyone who uses it. The contacts in it stay.
      </ConfirmDialog>
    </Group>
  );
}
