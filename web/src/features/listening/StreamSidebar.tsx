/** The streams to read: every mention, a group of queries (brand, competitors…), or one query. */
import type { ReactNode } from 'react';
import { Badge, NavLink, Stack, Text, type MantineSpacing } from '@mantine/core';
import { IconMessages, IconPlayerPause, IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { groupQueries, scopeValue, type QueryScope } from './query-scope';
import type { SavedQuery } from './types';

export function StreamSidebar({
  queries,
  scope,
  onChange,
  canWrite,
}: {
  queries: SavedQuery[];
  scope: QueryScope;
  onChange: (scope: QueryScope) => void;
  canWrite: boolean;
}) {
  const current = scopeValue(scope);
  const entry = (target: QueryScope, label: string, extra: { icon?: ReactNode; right?: ReactNode; pl?: MantineSpacing } = {}) => {
    const value = scopeValue(target);
    const active = value === current;
    return (
      <NavLink
        key={value}
        component="button"
        label={label}
        leftSection={extra.icon}
        rightSection={extra.right}
        pl={extra.pl}
        active={active}
        aria-current={active ? 'page' : undefined}
        onClick={() => onChange(target)}
      />
    );
  };
  return (
    <Stack gap="xs">
      <nav aria-label="Mention streams">
        {entry({ all: true }, 'All mentions', { icon: <IconMessages size={16} aria-hidden /> })}
        {groupQueries(queries).map((group) => (
          <div key={group.kind}>
            {entry({ kind: group.kind }, group.label, {
              right: (
                <Badge size="xs" variant="light" color="gray" aria-label={`${group.queries.length} queries`}>
                  {group.queries.length}
                </Badge>
              ),
            })}
            {group.queries.map((q) =>
              entry({ queryId: q.id }, q.name, {
                pl: 'xl',
                right: q.isActive ? undefined : <IconPlayerPause size={12} aria-label="Paused" />,
              }),
            )}
          </div>
        ))}
      </nav>
      {queries.length === 0 && (
        <Text size="sm" c="dimmed">
          No saved queries yet. Write one to start listening.
        </Text>
      )}
      {canWrite && (
        <NavLink component={Link} to="/listening/queries/new" label="New query" leftSection={<IconPlus size={16} aria-hidden />} />
      )}
    </Stack>
  );
}
