/** Adds someone to the workspace with a role, a record scope, teams and a first password. */
import { useState } from 'react';
import { Button, Group, MultiSelect, PasswordInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { fieldErrors } from '../../lib/api';
import type { RecordScope, Role } from '../../lib/types';
import { FormError } from '../../ui/FormError';
import { useTeams } from '../teams/api';
import { useAddMember } from './api';
import { RECORD_SCOPES, ROLES } from './types';
import { Dialog } from '../../ui/Dialog';

export function AddMemberDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const add = useAddMember();
  const teams = useTeams();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>('agent');
  const [recordScope, setRecordScope] = useState<RecordScope>('all');
  const [teamIds, setTeamIds] = useState<string[]>([]);
  const errors = fieldErrors(add.error);
  const dismiss = () => {
    add.reset();
    onClose();
  };
  return (
    <Dialog opened={opened} onClose={dismiss} title="Add member" size="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          add.mutate({ name: name.trim(), email: email.trim(), password, role, recordScope, teamIds }, { onSuccess: dismiss });
        }}
      >
        <Stack>
          <FormError error={add.error} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="Name"
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              required
              error={errors.name}
              data-autofocus
            />
            <TextInput
              label="E-mail"
              type="email"
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              required
              error={errors.email}
            />
          </SimpleGrid>
          <PasswordInput
            label="First password"
            description="At least 10 characters; share it with them privately"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            required
            minLength={10}
            autoComplete="new-password"
            error={errors.password}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="Role"
              data={ROLES.filter((r) => r.value !== 'owner').map((r) => ({ value: r.value, label: `${r.label} — ${r.description}` }))}
              value={role}
              onChange={(v) => setRole((v ?? 'agent') as Role)}
              allowDeselect={false}
            />
            <Select
              label="Sees"
              data={RECORD_SCOPES}
              value={recordScope}
              onChange={(v) => setRecordScope((v ?? 'all') as RecordScope)}
              allowDeselect={false}
            />
          </SimpleGrid>
          <MultiSelect
            label="Teams"
            data={(teams.data ?? []).map((t) => ({ value: t.id, label: t.name }))}
            value={teamIds}
            onChange={setTeamIds}
            placeholder={teamIds.length ? undefined : 'No team'}
            searchable
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
