/** A dashboard chart's frame: its heading, a CSV download of the chart's own rows, and its states. */
import { useState, type ReactNode } from 'react';
import { Button, Center, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { downloadFromApi } from '../../lib/download';
import { notifyFailure } from '../../ui/notify-failure';
import { QueryError } from '../../ui/QueryError';

export function ChartCard({
  id,
  title,
  description,
  controls,
  csvPath,
  csvName,
  loading,
  error,
  empty,
  children,
}: {
  id: string;
  title: string;
  description?: string;
  controls?: ReactNode;
  /** The chart's endpoint with `format=csv`, or null while the range is not valid. */
  csvPath: () => string | null;
  csvName: string;
  loading: boolean;
  error: unknown;
  empty: boolean;
  children: ReactNode;
}) {
  const [downloading, setDownloading] = useState(false);
  const download = async () => {
    const path = csvPath();
    if (!path) return;
    setDownloading(true);
    try {
      await downloadFromApi(path, csvName);
    } catch (failure) {
      notifyFailure('Could not download the CSV', failure);
    } finally {
      setDownloading(false);
    }
  };
  const titleId = `${id}-title`;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={titleId} aria-busy={loading}>
      <Stack gap="sm" h="100%">
        <Group justify="space-between" align="flex-start" gap="xs">
          <div>
            <Title order={2} size="h4" id={titleId}>
              {title}
            </Title>
            {description && (
              <Text size="xs" c="dimmed">
                {description}
              </Text>
            )}
          </div>
          <Group gap="xs">
            {controls}
            <Button
              size="compact-xs"
              variant="default"
              leftSection={<IconDownload size={14} aria-hidden />}
              onClick={() => void download()}
              loading={downloading}
              aria-label={`Download ${title} as CSV`}
            >
              CSV
            </Button>
          </Group>
        </Group>
        {error ? (
          <QueryError title={`Could not load ${title.toLowerCase()}`} error={error} />
        ) : loading ? (
          <Center h={200}>
            <Loader aria-label={`Loading ${title.toLowerCase()}`} />
          </Center>
        ) : empty ? (
          <Center h={200}>
            <Text size="sm" c="dimmed">
              No mentions in this range.
            </Text>
          </Center>
        ) : (
          children
        )}
      </Stack>
    </Paper>
  );
}
