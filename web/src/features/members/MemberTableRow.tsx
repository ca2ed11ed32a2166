/**
 * A row of the members table, for a member and a pending invitation alike: who, role, record scope
 * and teams (see ResponsiveTable: on a phone in one cell, the others under who after their header),
 * and the row's action.
 */
import { Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { ResponsiveRow, type TableColumn } from '../../ui/ResponsiveTable';
import { TeamBadges } from './TeamBadges';

export const MEMBER_COLUMNS: readonly TableColumn[] = [
  { header: 'Member' },
  { header: 'Role' },
  { header: 'Sees' },
  { header: 'Teams', visibleFrom: 'md' },
];

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
  return (
    <ResponsiveRow
      columns={MEMBER_COLUMNS}
      cells={[identity, role, scope, <TeamBadges key="teams" names={teamNames} />]}
      actions={action}
      stacked={stacked}
    />
  );
}
