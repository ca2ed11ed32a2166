/**
 * The contacts an author not linked to anyone may be, where the agent talks to them (the inbox's
 * customer panel): link one, or rule it out, without leaving the conversation.
 */
import { Anchor, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconLink, IconX } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { FormError } from '../../ui/FormError';
import { NO_FIELDS } from '../../ui/form-problems';
import { usePermissions } from '../auth/permissions';
import { useDismissDuplicate, useIdentitySuggestions, useLinkDuplicate } from './api';
import { formatProbability } from './evidence';
import { contactDescription } from './identity-name';

export function SuggestedContacts({ identityId, name }: { identityId: string; name: string }) {
  const suggestions = useIdentitySuggestions(identityId);
  const link = useLinkDuplicate();
  const dismiss = useDismissDuplicate();
  const { canWrite } = usePermissions();
  const client = useQueryClient();
  const pairs = suggestions.data?.data ?? [];
  if (pairs.length === 0) return null;
  return (
    <Stack gap={6} component="section" aria-label={`Contacts ${name} may be`}>
      <Text size="sm">May be:</Text>
      {pairs.map((pair) => {
        const contact = pair.right;
        // Two contacts the author may be can share a name: the buttons name each by its e-mail too.
        const described = contactDescription(contact);
        return (
          <Paper key={pair.id} withBorder p="xs">
            <Group justify="space-between" wrap="nowrap" gap="xs">
              <Anchor component={Link} to={`/contacts/${contact.id}`} size="sm" truncate>
                {contact.displayName}
              </Anchor>
              <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
                {formatProbability(pair.probability)} likely
              </Text>
            </Group>
            {(contact.emails[0] ?? contact.companyName) && (
              <Text size="xs" c="dimmed" truncate>
                {contact.emails[0] ?? contact.companyName}
              </Text>
            )}
            {canWrite && (
              <Group gap={6} mt={6}>
                <Button
                  size="compact-xs"
                  leftSection={<IconLink size={14} />}
                  loading={link.isPending && link.variables === pair.id}
                  aria-label={`Link ${name} to ${described}`}
                  // The link moves the author's conversations to the contact: the open one shows it.
                  onClick={() => link.mutate(pair.id, { onSuccess: () => void client.invalidateQueries({ queryKey: ['conversations'] }) })}
                >
                  Link
                </Button>
                <Button
                  size="compact-xs"
                  variant="default"
                  leftSection={<IconX size={14} />}
                  loading={dismiss.isPending && dismiss.variables === pair.id}
                  aria-label={`${name} is not ${described}`}
                  onClick={() => dismiss.mutate(pair.id)}
                >
                  Not them
                </Button>
              </Group>
            )}
          </Paper>
        );
      })}
      <FormError error={link.error ?? dismiss.error} labels={NO_FIELDS} />
    </Stack>
  );
}
