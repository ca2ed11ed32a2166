/** The "Details" card on the side of a contact's or company's page, ending with when it was created and last changed. */
import { useId, type ReactNode } from 'react';
import { Card, Divider, Stack, Text, Title } from '@mantine/core';
import { formatDateTime } from '../lib/format';

export function DetailsCard({ createdAt, updatedAt, children }: { createdAt: string; updatedAt: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <Card withBorder component="section" aria-labelledby={headingId}>
      <Stack gap="md">
        <Title order={2} size="h4" id={headingId}>
          Details
        </Title>
        {children}
        <Divider />
        <Text size="xs" c="dimmed">
          Created {formatDateTime(createdAt)} · Updated {formatDateTime(updatedAt)}
        </Text>
      </Stack>
    </Card>
  );
}
