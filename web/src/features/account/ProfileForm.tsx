/** The person's name, as colleagues see it in every workspace. */
import { useState } from 'react';
import { Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { FormError } from '../../ui/FormError';
import { fieldErrors, type FieldLabels } from '../../ui/form-problems';
import { useRenameAccount } from './api';
import type { Account } from './types';

/** The e-mail is shown, not sent: only the name can be refused. */
const LABELS = { name: 'Name' } satisfies FieldLabels;

export function ProfileForm({ account }: { account: Account }) {
  const rename = useRenameAccount();
  const [name, setName] = useState(account.name);
  const errors = fieldErrors(rename.error, LABELS);
  const unchanged = name.trim() === account.name;
  return (
    <form
      aria-labelledby="profile-title"
      onSubmit={(event) => {
        event.preventDefault();
        rename.mutate(name.trim());
      }}
    >
      <Stack gap="sm" maw={420}>
        <Title order={2} size="h4" id="profile-title">
          Profile
        </Title>
        <FormError error={rename.error} labels={LABELS} />
        <TextInput label="E-mail" value={account.email} readOnly description="You sign in with it." />
        <TextInput label={LABELS.name} value={name} onChange={(e) => setName(e.currentTarget.value)} required error={errors.name} />
        <Group>
          <Button type="submit" loading={rename.isPending} disabled={unchanged || !name.trim()}>
            Save name
          </Button>
          {rename.isSuccess && unchanged && (
            <Text size="sm" c="dimmed" role="status">
              Saved.
            </Text>
          )}
        </Group>
      </Stack>
    </form>
  );
}
