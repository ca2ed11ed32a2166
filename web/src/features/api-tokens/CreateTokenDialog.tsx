/** Creates an API token, then shows its secret once, with a copy button. */
import { useState } from 'react';
import { Alert, Button, Checkbox, Code, CopyButton, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { FormError } from '../../ui/FormError';
import { fieldErrors, type FieldLabels } from '../../ui/form-problems';
import { useCreateApiToken } from './api';
import type { CreatedApiToken, TokenScope } from './types';
import { Dialog } from '../../ui/Dialog';

function TokenSecret({ token, onDone }: { token: CreatedApiToken; onDone: () => void }) {
  return (
    <Stack>
      <Alert color="yellow" title="Copy the token now">
        This is the only time it is shown. Store it somewhere safe, such as a password manager or your CI's secrets.
      </Alert>
      <div>
        <Text size="sm" fw={500} mb={4} id="new-token-label">
          Token for {token.name}
        </Text>
        <Group gap="xs" wrap="nowrap">
          <Code block style={{ flex: 1, wordBreak: 'break-all' }} aria-labelledby="new-token-label" data-testid="new-token">
            {token.token}
          </Code>
          <CopyButton value={token.token}>
            {({ copied, copy }) => (
              <Button
                variant={copied ? 'light' : 'default'}
                color={copied ? 'green' : undefined}
                leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                onClick={copy}
              >
                {copied ? 'Copied' : 'Copy'}
              </Button>
            )}
          </CopyButton>
        </Group>
      </div>
      <Group justify="flex-end">
        <Button onClick={onDone}>Done</Button>
      </Group>
    </Stack>
  );
}

const LABELS = { name: 'Name', scopes: 'Scopes' } satisfies FieldLabels;

export function CreateTokenDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const create = useCreateApiToken();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<TokenScope[]>(['read']);
  const errors = fieldErrors(create.error, LABELS);
  const dismiss = () => {
    create.reset();
    onClose();
  };
  return (
    <Dialog opened={opened} onClose={dismiss} title={create.data ? 'Token created' : 'New API token'} closeOnClickOutside={!create.data}>
      {create.data ? (
        <TokenSecret token={create.data} onDone={dismiss} />
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            create.mutate({ name: name.trim(), scopes });
          }}
        >
          <Stack>
            <FormError error={create.error} labels={LABELS} />
            <TextInput
              label={LABELS.name}
              description="What uses it, e.g. “Website sign-up form”"
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              required
              error={errors.name}
              data-autofocus
            />
            <Checkbox.Group
              label={LABELS.scopes}
              value={scopes}
              onChange={(v) => setScopes(v as TokenScope[])}
              error={errors.scopes}
              required
            >
              <Stack gap="xs" mt={6}>
                <Checkbox value="read" label="Read" description="List and read records" />
                <Checkbox value="write" label="Write" description="Create, change and delete records" />
              </Stack>
            </Checkbox.Group>
            <Group justify="flex-end">
              <Button variant="default" onClick={dismiss}>
                Cancel
              </Button>
              <Button type="submit" loading={create.isPending} disabled={!name.trim() || scopes.length === 0}>
                Create token
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Dialog>
  );
}
