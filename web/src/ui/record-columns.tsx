/**
 * Columns the lists of contacts and companies both show, each list placing them (width, from which
 * screen size) among its own.
 */
import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import { formatRelative } from '../lib/format';
import { TagList } from './TagList';
import type { Column } from './VirtualTable';

type Placement = Pick<Column<unknown>, 'width' | 'visibleFrom'>;

/** The name, as a link of its own: the row's click is for the mouse, the link for the keyboard and screen readers. */
export function nameColumn<T>(placement: Placement, name: (row: T) => string, href: (row: T) => string): Column<T> {
  return {
    key: 'name',
    header: 'Name',
    ...placement,
    render: (row) => (
      <Anchor component={Link} to={href(row)} c="inherit" fw={500} size="sm" truncate display="block" dir="auto">
        {name(row)}
      </Anchor>
    ),
  };
}

export function tagsColumn<T extends { tags: string[] }>(placement: Placement): Column<T> {
  return { key: 'tags', header: 'Tags', ...placement, render: (row) => <TagList tags={row.tags} max={2} /> };
}

export function ownerColumn<T extends { ownerId: string | null }>(
  placement: Placement,
  memberName: (id: string | null) => string | null,
): Column<T> {
  return {
    key: 'owner',
    header: 'Owner',
    ...placement,
    render: (row) => (
      <Text size="sm" truncate>
        {memberName(row.ownerId) ?? '—'}
      </Text>
    ),
  };
}

export function updatedColumn<T extends { updatedAt: string }>(placement: Placement): Column<T> {
  return {
    key: 'updated',
    header: 'Updated',
    ...placement,
    render: (row) => (
      <Text size="sm" c="dimmed" truncate>
        {formatRelative(row.updatedAt, { short: true })}
      </Text>
    ),
  };
}
