/**
 * Part of a companies import's report: the rows that found a company already in the workspace (by
 * id, domain or name) and updated it instead of adding it again, each with what it changed.
 */
import { Anchor, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { Link } from 'react-router';
import { formatNumber } from '../../lib/format';
import { changedText, foundBy } from './company-updates';
import { countOf } from './counts';
import type { CompanyUpdate } from './types';

const SHOWN = 500;

export function CompanyUpdates({ updates, updated }: { updates: CompanyUpdate[]; updated: number }) {
  const id = useId();
  return (
    <Stack component="section" gap="xs" aria-labelledby={`${id}-heading`}>
      <Title order={3} size="h5" id={`${id}-heading`}>
        Companies updated
      </Title>
      <Text size="sm">
        {countOf(updated, ['row', 'rows'])} found a company already here and updated it rather than adding it again. Empty cells left its
        values as they were; domains and tags were added to its own.
      </Text>
      <ScrollArea.Autosize mah="30vh" type="auto">
        <Table stickyHeader verticalSpacing={4} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={70}>Row</Table.Th>
              <Table.Th>Company</Table.Th>
              <Table.Th>Found by</Table.Th>
              <Table.Th>Changed</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {updates.slice(0, SHOWN).map((update) => (
              <Table.Tr key={update.row}>
                <Table.Td>{update.row}</Table.Td>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>
                  <Anchor component={Link} to={`/companies/${update.companyId}`} size="sm">
                    {update.company}
                  </Anchor>
                </Table.Td>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{foundBy(update)}</Table.Td>
                <Table.Td>{changedText(update.changed)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
      {updated > Math.min(updates.length, SHOWN) && (
        <Text size="xs" c="dimmed">
          The first {formatNumber(Math.min(updates.length, SHOWN))} of {formatNumber(updated)} rows are shown.
        </Text>
      )}
    </Stack>
  );
}
