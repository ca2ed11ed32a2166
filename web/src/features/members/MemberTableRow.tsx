/**
 * The layout of a row in the members table, for a member and a pending invitation alike: who, role,
 * record scope and teams in columns, or on a phone in one cell with everything stacked, so nothing
 * is cut off or left out for lack of columns; the row's action in a narrow last cell.
 */
import { Group, Stack, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { TeamBadges } from './TeamBadges';

export function MemberTableRow({
  avatar,
  title,
  detail,
  role,
  scope,
  teamNames,
  stacked,
  action,
}: {
  avatar: ReactNode;
  /** The name, or an invitation's address. */
  title: ReactNode;
  /** A line under the title. */
  detail: ReactNode;
  role: ReactNode;
  scope: ReactNode;
  teamNames: string[];
  /** Role, scope and teams under the title, in one cell, for a narrow screen. */
  stacked: boolean;
  action: ReactNode;
}) {
  const identity = (
    <Group gap="sm" wrap="nowrap">
      {avatar}
      <div style={{ minWidth: 0 }}>
        <Text size="sm" fw={500} truncate>
          {title}
        </Text>
        {detail}
      </div>
    </Group>
  );
  const teams = <TeamBadges names={teamNames} />;
  return (
    <Table.Tr>
      {stacked ? (
        <Table.Td>
          <Stack gap={6}>
            {identity}
            {role}
            {scope}
            {teams}
          </Stack>
        </Table.Td>
      ) : (
        <>
          <Table.Td>{identity}</Table.Td>
          <Table.Td>{role}</Table.Td>
          <Table.Td>{scope}</Table.Td>
          <Table.Td visibleFrom="md">{teams}</Table.Td>
        </>
      )}
      <Table.Td w={60}>{action}</Table.Td>
    </Table.Tr>
  );
}
