/** Settings › Identity: which fields identify a person, and whether unknown e-mail senders become contacts. */
import { useState } from 'react';
import { Alert, Button, Group, Loader, MultiSelect, Stack, Switch } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { FormError } from '../../ui/FormError';
import { fieldErrors, type FieldLabels } from '../../ui/form-problems';
import { QueryError } from '../../ui/QueryError';
import { usePermissions } from '../auth/permissions';
import { useCustomFields } from '../custom-fields/api';
import { useIdentitySettings, useSaveIdentitySettings } from './api';
import type { IdentitySettings } from './types';

const MAX_IDENTIFIERS = 5;

const LABELS = {
  identifierFields: 'Identifier fields',
  createContactsFromEmail: 'Create a contact for each unknown e-mail sender',
} satisfies FieldLabels;

function IdentitySettingsForm({ settings, editable }: { settings: IdentitySettings; editable: boolean }) {
  const [identifierFields, setIdentifierFields] = useState(settings.identifierFields);
  const [createContactsFromEmail, setCreateContactsFromEmail] = useState(settings.createContactsFromEmail);
  const fields = useCustomFields('contact');
  const save = useSaveIdentitySettings();
  const errors = fieldErrors(save.error, LABELS);
  const options = (fields.data ?? [])
    .filter((f) => f.type === 'text' || f.type === 'number')
    .map((f) => ({ value: f.key, label: f.label }));
  return (
    <Stack
      component="form"
      gap="lg"
      maw={640}
      aria-label="Identity settings"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(
          { identifierFields, createContactsFromEmail },
          { onSuccess: () => notifications.show({ message: 'Identity settings saved' }) },
        );
      }}
    >
      <MultiSelect
        label={LABELS.identifierFields}
        description="Text or number fields on contacts whose value belongs to one person only, such as a customer number. Two contacts with the same value are matched with high confidence."
        placeholder={identifierFields.length === 0 ? 'None' : undefined}
        data={options}
        value={identifierFields}
        onChange={setIdentifierFields}
        maxValues={MAX_IDENTIFIERS}
        disabled={!editable}
        clearable
        nothingFoundMessage="No text or number fields on contacts"
        error={errors.identifierFields}
      />
      <Switch
        label={LABELS.createContactsFromEmail}
        description="A message from a personal address no contact has yet creates one; shared mailboxes such as info@ never do."
        checked={createContactsFromEmail}
        onChange={(event) => setCreateContactsFromEmail(event.currentTarget.checked)}
        disabled={!editable}
      />
      <FormError error={save.error} labels={LABELS} />
      {editable && (
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            Save settings
          </Button>
        </Group>
      )}
    </Stack>
  );
}

export function IdentitySettingsPanel() {
  const settings = useIdentitySettings();
  const { isAdmin } = usePermissions();
  if (settings.isPending) return <Loader size="sm" aria-label="Loading identity settings" />;
  if (settings.isError) return <QueryError title="Could not load the identity settings" error={settings.error} />;
  return (
    <>
      {!isAdmin && (
        <Alert color="gray" mb="md">
          Only owners and admins can change these settings.
        </Alert>
      )}
      <IdentitySettingsForm key={settings.data.updatedAt ?? 'defaults'} settings={settings.data} editable={isAdmin} />
    </>
  );
}
