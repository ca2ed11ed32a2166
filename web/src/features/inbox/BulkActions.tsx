/** What to do with the selected conversations at once: assign, resolve, label, mark as spam. */
import { useState } from 'react';
import { Button, Group, Menu, Popover, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconChevronDown, IconShieldCheck, IconShieldX, IconTag, IconUserPlus, IconX } from '@tabler/icons-react';
import { notifyFailure } from '../../ui/notify-failure';
import { usePermissions } from '../auth/permissions';
import { useMembers } from '../members/api';
import { useBulkAction } from './api';
import { bulkSpamToggle } from './bulk-spam';
import type { BulkAction } from './types';

export function BulkActions({ ids, onDone, viewingSpam = false }: { ids: string[]; onDone: () => void; viewingSpam?: boolean }) {
  const bulk = useBulkAction();
  const spam = bulkSpamToggle(viewingSpam);
  const members = useMembers();
  const { userId } = usePermissions();
  const [label, setLabel] = useState('');
  const [labelOpen, setLabelOpen] = useState(false);

  const apply = (action: BulkAction, done: string) =>
    bulk.mutate(
      { ids, action },
      {
        onSuccess: ({ updated }) => {
          notifications.show({ message: `${done}: ${updated} conversation${updated === 1 ? '' : 's'}` });
          onDone();
        },
        onError: (error) => notifyFailure('Could not change the conversations', error),
      },
    );

  return (
    <Group gap={6} wrap="wrap" role="toolbar" aria-label="Bulk actions">
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button size="compact-xs" variant="default" leftSection={<IconUserPlus size={14} />} rightSection={<IconChevronDown size={12} />}>
            Assign
          </Button>
        </Menu.Target>
        <Menu.Dropdown mah={320} style={{ overflowY: 'auto' }}>
          <Menu.Item onClick={() => apply({ assigneeId: userId }, 'Assigned to you')}>Me</Menu.Item>
          <Menu.Item onClick={() => apply({ assigneeId: null }, 'Unassigned')}>Nobody</Menu.Item>
          <Menu.Divider />
          {(members.data ?? []).map((member) => (
            <Menu.Item key={member.id} onClick={() => apply({ assigneeId: member.id }, `Assigned to ${member.name}`)}>
              {member.name}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      <Button
        size="compact-xs"
        variant="default"
        leftSection={<IconCheck size={14} />}
        onClick={() => apply({ status: 'resolved' }, 'Resolved')}
      >
        Resolve
      </Button>
      <Popover opened={labelOpen} onChange={setLabelOpen} trapFocus position="bottom-end" withinPortal>
        <Popover.Target>
          <Button size="compact-xs" variant="default" leftSection={<IconTag size={14} />} onClick={() => setLabelOpen((o) => !o)}>
            Label
          </Button>
        </Popover.Target>
        <Popover.Dropdown>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              const name = label.trim();
              if (!name) return;
              apply({ addLabels: [name] }, `Labelled “${name}”`);
              setLabel('');
              setLabelOpen(false);
            }}
          >
            <Stack gap="xs">
              <TextInput label="Add label" size="xs" value={label} onChange={(e) => setLabel(e.currentTarget.value)} data-autofocus />
              <Button type="submit" size="compact-xs" disabled={!label.trim()}>
                Add label
              </Button>
            </Stack>
          </form>
        </Popover.Dropdown>
      </Popover>
      <Button
        size="compact-xs"
        variant="default"
        color={viewingSpam ? undefined : 'red'}
        leftSection={viewingSpam ? <IconShieldCheck size={14} /> : <IconShieldX size={14} />}
        onClick={() => apply(spam.action, spam.done)}
      >
        {spam.label}
      </Button>
      <Button size="compact-xs" variant="subtle" color="gray" leftSection={<IconX size={14} />} onClick={onDone}>
        Clear selection
      </Button>
    </Group>
  );
}
