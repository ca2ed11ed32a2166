/**
 * The top of a page: an optional way back, the title, a line of context and the page's actions.
 * Titles are often people's and companies' names, which can be one long unbroken word: they wrap
 * anywhere rather than widen the page.
 */
import type { ReactNode } from 'react';
import { Anchor, Group, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconArrowLeft } from '@tabler/icons-react';
import { Link } from 'react-router';

export function PageHeader({
  title,
  back,
  description,
  actions,
}: {
  title: ReactNode;
  back?: { to: string; label: string };
  description?: ReactNode;
  actions?: ReactNode;
}) {
  useDocumentTitle(typeof title === 'string' ? `${title} · Rapport` : 'Rapport');
  return (
    <Group justify="space-between" align="flex-end" mb="md" gap="sm">
      <div style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
        {back && (
          <Anchor component={Link} to={back.to} size="sm" c="dimmed">
            <Group gap={4} component="span">
              <IconArrowLeft size={14} aria-hidden />
              {back.label}
            </Group>
          </Anchor>
        )}
        {/* Titles are often names, in any script: their direction is their own. */}
        <Title order={1} size="h2" dir="auto">
          {title}
        </Title>
        {description && (
          <Text c="dimmed" size="sm">
            {description}
          </Text>
        )}
      </div>
      {actions && <Group gap="xs">{actions}</Group>}
    </Group>
  );
}
