/** Creates or edits a canned response: its name, the "/shortcut" that inserts it, and its text. */
import { useState } from 'react';
import { Button, Code, Group, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { Dialog } from '../../ui/Dialog';
import { FormError } from '../../ui/FormError';
import { fieldErrors, type FieldLabels } from '../../ui/form-problems';
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
  const dismiss = () => {
    save.reset();
    onClose();
  };
  return (
    <Dialog opened={opened} onClose={dismiss} title={response ? `Edit ${response.name}` : 'New canned response'} size="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate({ id: response?.id, name: name.trim(), shortcut, body }, { onSuccess: dismiss });
        }}
      >
        <Stack>
          <FormError error={save.error} labels={LABELS} />
          <TextInput
            label={LABELS.name}
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
            data-autofocus
          />
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
          <Group justify="flex-end">
            <Button variant="default" onClick={dismiss}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending} disabled={!name.trim() || !shortcutOk || !body.trim()}>
              {response ? 'Save' : 'Create'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}
