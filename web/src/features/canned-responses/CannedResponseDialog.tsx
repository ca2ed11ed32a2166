/** Creates or edits a canned response: its name, the "/shortcut" that inserts it, and its text. */
import { useState } from 'react';
import { Code, Text, TextInput, Textarea } from '@mantine/core';
import { fieldErrors, type FieldLabels } from '../../ui/form-problems';
import { FormDialog } from '../../ui/FormDialog';
import { SaveForm } from '../../ui/SaveForm';
import { NameInput } from '../../ui/NameInput';
import { useSaveCannedResponse } from './api';
import { SHORTCUT_PATTERN, type CannedResponse } from './types';

const LABELS = { name: 'Name', shortcut: 'Shortcut', body: 'Text' } satisfies FieldLabels;

export function CannedResponseDialog({ response, opened, onClose }: { response?: CannedResponse; opened: boolean; onClose: () => void }) {
  const save = useSaveCannedResponse();
  const [name, setName] = useState(response?.name ?? '');
  const [shortcut, setShortcut] = useState(response?.shortcut ?? '');
  const [body, setBody] = useState(response?.body ?? '');
  const errors = fieldErrors(save.error, LABELS);
  const shortcutOk = SHORTCUT_PATTERN.test(shortcut);
  return (
    <FormDialog opened={opened} onClose={onClose} title={response ? `Edit ${response.name}` : 'New canned response'} size="lg" save={save}>
      {(form) => (
        <SaveForm
          {...form}
          labels={LABELS}
          submitLabel={response ? 'Save' : 'Create'}
          canSubmit={name.trim() !== '' && shortcutOk && body.trim() !== ''}
          onSubmit={() => form.onSubmit({ id: response?.id, name: name.trim(), shortcut, body })}
        >
          <NameInput label={LABELS.name} value={name} onChange={setName} error={errors.name} />
          <TextInput
            label={LABELS.shortcut}
            description="Type / and the shortcut in a reply to insert it: lower-case letters, digits, - and _"
            leftSection={<Text size="sm">/</Text>}
            required
            value={shortcut}
            onChange={(e) => setShortcut(e.currentTarget.value.toLowerCase())}
            error={errors.shortcut ?? (shortcut && !shortcutOk ? 'Use lower-case letters, digits, - and _ (up to 40)' : undefined)}
          />
          <Textarea
            label={LABELS.body}
            description={
              <>
                Variables are filled in for each conversation, e.g. <Code>{'{{contact.firstName}}'}</Code>
              </>
            }
            required
            autosize
            minRows={4}
            maxRows={14}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
            error={errors.body}
          />
        </SaveForm>
      )}
    </FormDialog>
  );
}
