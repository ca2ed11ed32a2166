/** Adds someone to the workspace with a role, a record scope, teams and a first password; an existing account is invited. */
import { useState } from 'react';
import { notifications } from '@mantine/notifications';
import { MultiSelect, PasswordInput, Select, SimpleGrid, TextInput } from '@mantine/core';
import type { RecordScope, Role } from '../../lib/types';
import { fieldErrors, type FieldLabels } from '../../ui/form-problems';
import { useTeams } from '../teams/api';
import { useAddMember } from './api';
import { addedMessage } from './invitation-text';
import { RECORD_SCOPES, ROLES } from './types';
import { FormDialog } from '../../ui/FormDialog';
import { SaveForm } from '../../ui/SaveForm';
import { NameInput } from '../../ui/NameInput';

const LABELS = {
  name: 'Name',
  email: 'E-mail',
  password: 'First password',
  role: 'Role',
  recordScope: 'Sees',
  teamIds: 'Teams',
} satisfies FieldLabels;

export function AddMemberDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const add = useAddMember();
  const teams = useTeams();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>('agent');
  const [recordScope, setRecordScope] = useState<RecordScope>('all');
  const [teamIds, setTeamIds] = useState<string[]>([]);
  const errors = fieldErrors(add.error, LABELS);
  return (
    <FormDialog
      opened={opened}
      onClose={onClose}
      title="Add member"
      size="lg"
      save={add}
      onSaved={(added) => notifications.show({ message: addedMessage(added), autoClose: added.status === 'invited' ? 10_000 : undefined })}
    >
      {(form) => (
        <SaveForm
          {...form}
          labels={LABELS}
          submitLabel="Add member"
          onSubmit={() => form.onSubmit({ name: name.trim(), email: email.trim(), password, role, recordScope, teamIds })}
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NameInput label={LABELS.name} value={name} onChange={setName} error={errors.name} />
            <TextInput
              label={LABELS.email}
              type="email"
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              required
              error={errors.email}
            />
          </SimpleGrid>
          <PasswordInput
            label={LABELS.password}
            description="At least 10 characters; share it with them privately. An address that already has an account is invited instead, and keeps its own password."
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            required
            minLength={10}
            autoComplete="new-password"
            error={errors.password}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={LABELS.role}
              data={ROLES.filter((r) => r.value !== 'owner').map((r) => ({ value: r.value, label: `${r.label} — ${r.description}` }))}
              value={role}
              onChange={(v) => setRole((v ?? 'agent') as Role)}
              allowDeselect={false}
              error={errors.role}
            />
            <Select
              label={LABELS.recordScope}
              data={RECORD_SCOPES}
              value={recordScope}
              onChange={(v) => setRecordScope((v ?? 'all') as RecordScope)}
              allowDeselect={false}
              error={errors.recordScope}
            />
          </SimpleGrid>
          <MultiSelect
            label={LABELS.teamIds}
            data={(teams.data ?? []).map((t) => ({ value: t.id, label: t.name }))}
            value={teamIds}
            onChange={setTeamIds}
            placeholder={teamIds.length ? undefined : 'No team'}
            searchable
            error={errors.teamIds}
          />
        </SaveForm>
      )}
    </FormDialog>
  );
}
