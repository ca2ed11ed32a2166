/** Creates a team, or renames one and sets who is in it. */
import { useState } from 'react';
import { MultiSelect } from '@mantine/core';
import { fieldErrors, type FieldLabels } from '../../ui/form-problems';
import { FormDialog, type DialogFormProps } from '../../ui/FormDialog';
import { SaveForm } from '../../ui/SaveForm';
import { NameInput } from '../../ui/NameInput';
import { useMembers } from '../members/api';
import { useChangeTeam, useCreateTeam } from './api';
import type { Team } from './types';

const LABELS = { name: 'Team name', memberIds: 'Members' } satisfies FieldLabels;

interface TeamInput {
  name: string;
  memberIds: string[];
}

export function TeamDialog({ team, opened, onClose }: { team?: Team; opened: boolean; onClose: () => void }) {
  const create = useCreateTeam();
  const change = useChangeTeam();
  if (team)
    return (
      <FormDialog opened={opened} onClose={onClose} title={`Edit team ${team.name}`} save={change}>
        {(form) => (
          <TeamForm {...form} team={team} submitLabel="Save team" onSubmit={(input) => form.onSubmit({ id: team.id, ...input })} />
        )}
      </FormDialog>
    );
  return (
    <FormDialog opened={opened} onClose={onClose} title="New team" save={create}>
      {(form) => <TeamForm {...form} submitLabel="Create team" />}
    </FormDialog>
  );
}

function TeamForm({ team, submitLabel, onSubmit, ...form }: { team?: Team; submitLabel: string } & DialogFormProps<TeamInput>) {
  const members = useMembers();
  const [name, setName] = useState(team?.name ?? '');
  const [memberIds, setMemberIds] = useState<string[]>(team?.memberIds ?? []);
  const errors = fieldErrors(form.error, LABELS);
  return (
    <SaveForm
      {...form}
      labels={LABELS}
      submitLabel={submitLabel}
      canSubmit={name.trim() !== ''}
      onSubmit={() => onSubmit({ name: name.trim(), memberIds })}
    >
      <NameInput label={LABELS.name} value={name} onChange={setName} error={errors.name} />
      <MultiSelect
        label={LABELS.memberIds}
        data={(members.data ?? []).map((m) => ({ value: m.id, label: m.name }))}
        value={memberIds}
        onChange={setMemberIds}
        searchable
        placeholder={memberIds.length ? undefined : 'Nobody yet'}
        error={errors.memberIds}
      />
    </SaveForm>
  );
}
