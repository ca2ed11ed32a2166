/** What a query would have found among recent messages, refreshed while it is typed. */
import { Badge, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { formatNumber, formatRelative } from '../../lib/format';
import { QueryError } from '../../ui/QueryError';
import { useQueryPreview } from './api';
import { IntentBadge } from './IntentBadge';
import { NetworkLabel } from './NetworkLabel';
import { SentimentBadge } from './SentimentBadge';
import type { QueryPreview as Preview } from './types';

export function QueryPreview({ text }: { text: string }) {
  const preview = useQueryPreview(text);
  const result = preview.data;
  return (
    <Stack gap="xs" component="section" aria-labelledby="query-preview-title" aria-busy={preview.isFetching}>
      <Group justify="space-between">
        <Title order={2} size="h4" id="query-preview-title">
          Preview
        </Title>
        {preview.isFetching && <Loader size="xs" aria-label="Updating the preview" />}
      </Group>
      {!text.trim() ? (
        <Text size="sm" c="dimmed">
          Type a query to see what it finds among recent messages.
        </Text>
      ) : preview.isError ? (
        <QueryError title="Could not preview the query" error={preview.error} onRetry={() => void preview.refetch()} />
      ) : result && !result.ok ? (
        <Text size="sm" c="dimmed">
          Fix the query to see what it finds.
        </Text>
      ) : result ? (
        <PreviewMatches result={result} />
      ) : null}
    </Stack>
  );
}

/** How many recent messages matched, and the latest of them: the server sends only so many, and the count says so. */
export function PreviewMatches({ result }: { result: Preview }) {
  const shown = result.samples.length;
  return (
    <>
      <Text size="sm" role="status">
        Matched <strong>{formatNumber(result.matched)}</strong> of {formatNumber(result.scanned)} recent messages
        {shown < result.matched && `, showing the latest ${formatNumber(shown)}`}
      </Text>
      {result.samples.map((sample) => (
        <Paper key={sample.messageId} withBorder p="xs" radius="sm">
          <Group gap="xs" mb={4} wrap="wrap">
            <Text size="xs" fw={600}>
              {sample.author ?? 'Unknown author'}
            </Text>
            <NetworkLabel network={sample.network} />
            <Text size="xs" c="dimmed" component="time" dateTime={sample.sentAt}>
              {formatRelative(sample.sentAt)}
            </Text>
            <SentimentBadge sentiment={sample.sentiment} />
            <IntentBadge intent={sample.intent} />
          </Group>
          {sample.title && (
            <Text size="sm" fw={600} lineClamp={1}>
              {sample.title}
            </Text>
          )}
          <Text size="sm" lineClamp={3} style={{ overflowWrap: 'anywhere' }}>
            {sample.text}
          </Text>
        </Paper>
      ))}
      {result.matched === 0 && (
        <Badge variant="light" color="gray">
          Nothing recent matches yet
        </Badge>
      )}
    </>
  );
}
