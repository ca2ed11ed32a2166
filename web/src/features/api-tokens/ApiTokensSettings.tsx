/** Settings › API tokens: keys for scripts and integrations, created with scopes and revocable. */
import { Badge, Button, Code, Group, Loader, Paper, Table, Text, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconKey } from '@tabler/icons-react';
import { formatDateTime, formatRelative } from '../../lib/format';
import { QueryError } from '../../ui/QueryError';
import { useApiTokens } from './api';
import { CreateTokenDialog } from './CreateTokenDialog';
import { RevokeTokenButton } from './RevokeTokenButton';

export function ApiTokensSettings() {
  const tokens = useApiTokens();
  const [creating, { open, close }] = useDisclosure(false);
  return (
    <>
      <Group justify="space-between" mb="sm">
        <Text size="sm" c="dimmed">
          Send a token as <Code>Authorization: Bearer …</Code> to use the API from scripts and other tools.
        </Text>
        <Button leftSection={<IconKey size={16} />} onClick={open}>
          New token
        </Button>
      </Group>
      {tokens.isPending && <Loader size="sm" aria-label="Loading tokens" />}
      {tokens.isError && <QueryError title="Could not load API tokens" error={tokens.error} />}
      {tokens.data?.length === 0 && (
        <Text size="sm" c="dimmed">
          No tokens yet.
        </Text>
      )}
      {tokens.data && tokens.data.length > 0 && (
        <Paper withBorder>
          <Table verticalSpacing="sm" aria-label="API tokens">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th visibleFrom="sm">Token</Table.Th>
                <Table.Th>Scopes</Table.Th>
                <Table.Th visibleFrom="md">Created</Table.Th>
                <Table.Th visibleFrom="md">Last used</Table.Th>
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tokens.data.map((token) => (
                <Table.Tr key={token.id} style={token.revokedAt ? { opacity: 0.7 } : undefined}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {token.name}
                    </Text>
                    {token.revokedAt && (
                      <Badge color="red" variant="light" size="xs">
                        Revoked
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td visibleFrom="sm">
                    <Code>{token.prefix}…</Code>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {token.scopes.map((scope) => (
                        <Badge key={scope} variant="light" color={scope === 'write' ? 'orange' : 'blue'}>
                          {scope}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td visibleFrom="md">
                    <Text size="sm">{formatDateTime(token.createdAt)}</Text>
                  </Table.Td>
                  <Table.Td visibleFrom="md">
                    <Text size="sm">{token.lastUsedAt ? formatRelative(token.lastUsedAt) : 'Never'}</Text>
                  </Table.Td>
                  <Table.Td>{!token.revokedAt && <RevokeTokenButton token={token} />}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      <CreateTokenDialog key={creating ? 'open' : 'closed'} opened={creating} onClose={close} />
    </>
  );
}
