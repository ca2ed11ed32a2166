/**
 * What to do with the selected conversations at once, as far as the bulk API goes: assign to a
 * person or a team, set the status (snoozing takes a time each, so it is not here) or the priority,
 * add or remove a label, mark as spam.
 */
import { useState } from 'react';
import { Autocomplete, Button, Group, Popover } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCircleDot, IconFlag, IconShieldCheck, IconShieldX, IconTag, IconUserPlus, IconUsersGroup, IconX } from '@tabler/icons-react';
import { notifyFailure } from '../../ui/notify-failure';
import { usePermissions } from '../auth/permissions';
import { useMembers } from '../members/api';
import { useTeams } from '../teams/api';
import { useBulkAction, useLabelSuggestions } from './api';
import { assigneeChoices, PRIORITY_CHOICES, STATUS_CHOICES, teamChoices, type BulkChoice } from './bulk-choices';
import { bulkSpamToggle } from './bulk-spam';
import { BulkMenu } from './BulkMenu';
import { LABEL_MAX_LENGTH } from './conversation-labels';
import type { BulkAction } from './types';

export function BulkActions({ ids, onDone, viewingSpam = false }: { ids: string[]; onDone: () => void; viewingSpam?: boolean }) {
  const bulk = useBulkAction();
  const spam = bulkSpamToggle(viewingSpam);
  const members = useMembers();
  const teams = useTeams();
  const suggestions = useLabelSuggestions();
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
  const choose = (choice: BulkChoice) => apply(choice.action, choice.done);
  const applyLabel = (add: boolean) => {
    const name = label.trim();
    if (!name) return;
    apply(add ? { addLabels: [name] } : { removeLabels: [name] }, add ? `Labelled “${name}”` : `Label “${name}” removed`);
    setLabel('');
    setLabelOpen(false);
  };

  return (
    <Group gap={6} wrap="wrap" role="toolbar" aria-label="Bulk actions">
      <BulkMenu label="Assign" icon={<IconUserPlus size={14} />} groups={assigneeChoices(userId, members.data ?? [])} onChoose={choose} />
      <BulkMenu label="Team" icon={<IconUsersGroup size={14} />} groups={teamChoices(teams.data ?? [])} onChoose={choose} />
      <BulkMenu label="Status" icon={<IconCircleDot size={14} />} groups={STATUS_CHOICES} onChoose={choose} />
      <BulkMenu label="Priority" icon={<IconFlag size={14} />} groups={PRIORITY_CHOICES} onChoose={choose} />
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
              applyLabel(true);
            }}
          >
            {/* The buttons beside the input, not under it, where the list of suggestions opens. */}
            <Group gap="xs" wrap="nowrap" align="flex-end">
              <Autocomplete
                label="Label"
                size="xs"
                w={170}
                value={label}
                onChange={setLabel}
                data={suggestions.data ?? []}
                maxLength={LABEL_MAX_LENGTH}
                comboboxProps={{ withinPortal: false }}
                data-autofocus
              />
              <Button type="submit" size="xs" disabled={!label.trim()}>
                Add
              </Button>
              <Button size="xs" variant="default" disabled={!label.trim()} onClick={() => applyLabel(false)}>
                Remove
              </Button>
            </Group>
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
