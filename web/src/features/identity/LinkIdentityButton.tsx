/** Links an identity no contact has yet to this contact, picked by searching its name or handle. */
import { useState } from 'react';
import { Button, Group, Radio, ScrollArea, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconLink } from '@tabler/icons-react';
import { Dialog } from '../../ui/Dialog';
import { FormError } from '../../ui/FormError';
import type { FieldLabels } from '../../ui/form-problems';
import { SearchInput } from '../../ui/SearchInput';
import { networkName } from '../listening/NetworkLabel';
import { useLinkIdentity, useUnlinkedIdentities } from './api';
import { identityName } from './identity-name';

const LABELS = { identityId: 'Identities not linked to a contact' } satisfies FieldLabels;

export function LinkIdentityButton({ contactId, contactName }: { contactId: string; contactName: string }) {
  const [opened, { open, close }] = useDisclosure(false);
  const [q, setQ] = useState('');
  const [identityId, setIdentityId] = useState<string | null>(null);
  const options = useUnlinkedIdentities(q, opened);
  const link = useLinkIdentity(contactId);
  const items = options.data?.data ?? [];
  const finish = () => {
    setIdentityId(null);
    setQ('');
    link.reset();
    close();
  };
  return (
    <>
      <Button variant="light" size="xs" leftSection={<IconLink size={14} />} onClick={open}>
        Link identity
      </Button>
      <Dialog opened={opened} onClose={finish} title={`Link an identity to ${contactName}`} size="lg">
        <Stack>
          <SearchInput label="Find the identity" placeholder="Name, handle or e-mail" value={q} onSearch={setQ} data-autofocus />
          <Radio.Group value={identityId} onChange={setIdentityId} label={LABELS.identityId}>
            <ScrollArea.Autosize mah={320} type="auto">
              <Stack gap="xs" mt="xs">
                {items.length === 0 && (
                  <Text size="sm" c="dimmed">
                    {options.isFetching ? 'Searching…' : 'No unlinked identity matches.'}
                  </Text>
                )}
                {items.map((identity) => (
                  <Radio
                    key={identity.id}
                    value={identity.id}
                    label={identityName(identity)}
                    description={[networkName(identity.network), identity.handle, identity.email].filter(Boolean).join(' · ')}
                  />
                ))}
              </Stack>
            </ScrollArea.Autosize>
          </Radio.Group>
          <FormError error={link.error} labels={LABELS} />
          <Group justify="flex-end">
            <Button variant="default" onClick={finish}>
              Cancel
            </Button>
            <Button
              disabled={!identityId}
              loading={link.isPending}
              onClick={() =>
                identityId &&
                link.mutate(identityId, {
                  onSuccess: (linked) => {
                    notifications.show({ message: `${identityName(linked)} is now linked to ${contactName}` });
                    finish();
                  },
                })
              }
            >
              Link
            </Button>
          </Group>
        </Stack>
      </Dialog>
    </>
  );
}
