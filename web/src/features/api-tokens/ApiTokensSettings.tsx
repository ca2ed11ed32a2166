/** Settings › API tokens: keys for scripts and integrations, created with scopes and revocable. */
import { Badge, Button, Code, Group, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconKey } from '@tabler/icons-react';
import { formatDateTime, formatRelative } from '../../lib/format';
import { SettingsList } from '../../ui/SettingsList';
import { useApiTokens } from './api';
import { CreateTokenDialog } from './CreateTokenDialog';
import { RevokeTokenButton } from './RevokeTokenButton';

export function ApiTokensSettings() {
  const tokens = useApiTokens();
  const [creating, { open, close }] = useDisclosure(false);
  return (
    <>
      <SettingsList
        intro={
          <Text size="sm" c="dimmed">
            Send a token as <Code>Authorization: Bearer …</Code> to use the API from scripts and other tools.
          </Text>
        }
        addButton={
          <Button leftSection={<IconKey size={16} />} onClick={open}>
            New token
          </Button>
        }
        list={tokens}
        label="API tokens"
        loadingLabel="Loading tokens"
        failedTitle="Could not load API tokens"
        empty="No tokens yet."
        headers={
          <>
            <Table.Th>Name</Table.Th>
            <Table.Th visibleFrom="sm">Token</Table.Th>
            <Table.Th>Scopes</Table.Th>
            <Table.Th visibleFrom="md">Created</Table.Th>
            <Table.Th visibleFrom="md">Last used</Table.Th>
          </>
        }
      >
        {(rows) =>
          rows.map((token) => (
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
          ))
        }
      </SettingsList>
      <CreateTokenDialog key={creating ? 'open' : 'closed'} opened={creating} onClose={close} />
    </>
  );
}
