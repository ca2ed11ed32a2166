/** One message of a thread: inbound on the left, outbound on the right, internal notes in yellow. */
import { Anchor, Badge, Box, Group, Paper, Text, Tooltip } from '@mantine/core';
import { IconExternalLink, IconLock, IconPaperclip } from '@tabler/icons-react';
import { formatDateTime, formatRelative } from '../../lib/format';
import { httpUrl } from '../../lib/safe-url';
import { TEXT_COLORS } from '../../ui/text-colors';
import { SafeHtml } from './SafeHtml';
import type { Attachment, DeliveryStatus, Message } from './types';

const DELIVERY: Record<DeliveryStatus, { label: string; color: string }> = {
  queued: { label: 'Queued', color: 'gray' },
  sent: { label: 'Sent', color: 'blue' },
  delivered: { label: 'Delivered', color: 'green' },
  failed: { label: 'Not delivered', color: 'red' },
};

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function AttachmentChip({ attachment }: { attachment: Attachment }) {
  const url = httpUrl(attachment.url);
  const label = `${attachment.name}${attachment.size !== undefined ? ` · ${formatSize(attachment.size)}` : ''}`;
  const chip = (
    <Badge
      variant="outline"
      color="gray"
      tt="none"
      fw={500}
      leftSection={<IconPaperclip size={12} aria-hidden />}
      title={attachment.contentType}
    >
      {label}
    </Badge>
  );
  if (!url) return chip;
  return (
    <Anchor href={url} target="_blank" rel="noopener noreferrer nofollow" aria-label={`Attachment ${label} (opens in a new tab)`}>
      {chip}
    </Anchor>
  );
}

export function MessageItem({ message }: { message: Message }) {
  const note = message.kind === 'note';
  const outbound = !note && message.direction === 'out';
  const author = message.author.name || message.author.handle || (outbound ? 'Agent' : 'Customer');
  const link = httpUrl(message.url);
  return (
    <Box
      component="article"
      aria-label={`${note ? 'Note' : outbound ? 'Reply' : 'Message'} from ${author}`}
      style={{ display: 'flex', justifyContent: outbound || note ? 'flex-end' : 'flex-start' }}
    >
      <Paper
        withBorder
        p="sm"
        radius="md"
        maw="min(640px, 92%)"
        bg={note ? 'var(--mantine-color-yellow-light)' : outbound ? 'var(--mantine-primary-color-light)' : undefined}
        style={{ minWidth: 0 }}
      >
        <Group gap="xs" justify="space-between" wrap="nowrap" mb={4}>
          <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
            {note && <IconLock size={14} aria-label="Internal note" role="img" />}
            <Text size="sm" fw={600} truncate dir="auto">
              {author}
            </Text>
            {message.author.handle && message.author.name && (
              <Text size="xs" c="dimmed" truncate>
                {message.author.handle}
              </Text>
            )}
          </Group>
          <Tooltip label={formatDateTime(message.sentAt)}>
            <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
              <time dateTime={message.sentAt}>{formatRelative(message.sentAt, { short: true })}</time>
            </Text>
          </Tooltip>
        </Group>
        {message.title && (
          <Text size="sm" fw={600} mb={4} dir="auto">
            {message.title}
          </Text>
        )}
        {message.html ? (
          <SafeHtml html={message.html} />
        ) : (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} dir="auto">
            {message.text}
          </Text>
        )}
        {message.attachments.length > 0 && (
          <Group gap={4} mt="xs" aria-label="Attachments" role="group">
            {message.attachments.map((attachment, index) => (
              <AttachmentChip key={`${attachment.name}-${index}`} attachment={attachment} />
            ))}
          </Group>
        )}
        {(link || (outbound && message.deliveryStatus)) && (
          <Group gap="xs" mt="xs" justify="flex-end">
            {link && (
              <Anchor href={link} target="_blank" rel="noopener noreferrer nofollow" size="xs">
                <Group gap={2} component="span">
                  View original <IconExternalLink size={12} aria-hidden />
                </Group>
              </Anchor>
            )}
            {outbound && message.deliveryStatus && (
              <Badge size="xs" variant="light" color={DELIVERY[message.deliveryStatus].color}>
                {DELIVERY[message.deliveryStatus].label}
              </Badge>
            )}
          </Group>
        )}
        {outbound && message.deliveryStatus === 'failed' && message.deliveryError && (
          <Text size="xs" c={TEXT_COLORS.danger} mt={4}>
            {message.deliveryError}
          </Text>
        )}
      </Paper>
    </Box>
  );
}
