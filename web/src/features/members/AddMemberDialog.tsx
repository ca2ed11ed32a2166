/** Adds someone to the workspace with a role, a record scope, teams and a first password; an existing account is invited. */
import { useState } from 'react';
import { notifications } from '@mantine/notifications';
import { Button, Group, MultiSelect, PasswordInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { RecordScope, Role } from '../../lib/types';
import { FormError } from '../../ui/FormError';
import { fieldErrors, type FieldLabels } from '../../ui/form-problems';
import { useTeams } from '../teams/api';
import { useAddMember } from './api';
import { addedMessage } from './invitation-text';
import { RECORD_SCOPES, ROLES } from './types';
import { Dialog } from '../../ui/Dialog';

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
  const dismiss = () => {
    add.reset();
    onClose();
  };
  return (
    <Dialog opened={opened} onClose={dismiss} title="Add member" size="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          add.mutate(
            { name: name.trim(), email: email.trim(), password, role, recordScope, teamIds },
            {
              onSuccess: (added) => {
                notifications.show({ message: addedMessage(added), autoClose: added.status === 'invited' ? 10_000 : undefined });
                dismiss();
              },
            },
          );
        }}
      >
        <Stack>
          <FormError error={add.error} labels={LABELS} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={LABELS.name}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              required
              error={errors.name}
              data-autofocus
            />
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
          <Group justify="flex-end">
            <Button variant="default" onClick={dismiss}>
              Cancel
            </Button>
            <Button type="submit" loading={add.isPending}>
              Add member
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}
