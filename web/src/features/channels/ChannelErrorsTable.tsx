/** A channel's latest errors or refused deliveries: when, the code and the message, newest first. */
import { Table, Text } from '@mantine/core';
import { formatDateTime, formatRelative } from '../../lib/format';
import type { ChannelError } from './types';

export function ChannelErrorsTable({ errors, labelledBy }: { errors: ChannelError[]; labelledBy: string }) {
  return (
    <Table.ScrollContainer minWidth={360}>
      <Table aria-labelledby={labelledBy} verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>When</Table.Th>
            <Table.Th>Code</Table.Th>
            <Table.Th>Message</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {errors.map((error, index) => (
            <Table.Tr key={`${error.at}-${index}`}>
              <Table.Td>
                <Text size="xs" title={formatDateTime(error.at)}>
                  {formatRelative(error.at, { short: true })}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="xs" ff="monospace">
                  {error.code}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
                  {error.message}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
