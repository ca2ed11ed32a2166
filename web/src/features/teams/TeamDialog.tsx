/** Creates a team, or renames one and sets who is in it. */
import { useState } from 'react';
import { Button, Group, MultiSelect, Stack, TextInput } from '@mantine/core';
import { FormError } from '../../ui/FormError';
import { fieldErrors, type FieldLabels } from '../../ui/form-problems';
import { useMembers } from '../members/api';
import { useChangeTeam, useCreateTeam } from './api';
import type { Team } from './types';
import { Dialog } from '../../ui/Dialog';

const LABELS = { name: 'Team name', memberIds: 'Members' } satisfies FieldLabels;

export function TeamDialog({ team, opened, onClose }: { team?: Team; opened: boolean; onClose: () => void }) {
  const members = useMembers();
  const create = useCreateTeam();
  const change = useChangeTeam();
  const save = team ? change : create;
  const [name, setName] = useState(team?.name ?? '');
  const [memberIds, setMemberIds] = useState<string[]>(team?.memberIds ?? []);
  const errors = fieldErrors(save.error, LABELS);
  const dismiss = () => {
    save.reset();
    onClose();
  };
  return (
    <Dialog opened={opened} onClose={dismiss} title={team ? `Edit team ${team.name}` : 'New team'}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const input = { name: name.trim(), memberIds };
          if (team) change.mutate({ id: team.id, ...input }, { onSuccess: dismiss });
          else create.mutate(input, { onSuccess: dismiss });
        }}
      >
        <Stack>
          <FormError error={save.error} labels={LABELS} />
          <TextInput
            label={LABELS.name}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            required
            error={errors.name}
            data-autofocus
          />
          <MultiSelect
            label={LABELS.memberIds}
            data={(members.data ?? []).map((m) => ({ value: m.id, label: m.name }))}
            value={memberIds}
            onChange={setMemberIds}
            searchable
            placeholder={memberIds.length ? undefined : 'Nobody yet'}
            error={errors.memberIds}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={dismiss}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending} disabled={!name.trim()}>
              {team ? 'Save team' : 'Create team'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}
