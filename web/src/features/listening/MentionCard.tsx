/**
 * One mention in the stream: who said it (and how far they reach), where and when, the text as
 * plain text (social content is never rendered as HTML), what listening made of it, and what can
 * be done with it.
 */
import { memo } from 'react';
import { Avatar, Badge, Checkbox, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { formatDateTime, formatNumber, formatRelative } from '../../lib/format';
import { httpUrl } from '../../lib/safe-url';
import { ExternalLink } from '../../ui/ExternalLink';
import { IntentMenu } from './IntentMenu';
import { kindLabel } from './labels';
import { MentionActionsMenu } from './MentionActionsMenu';
import { MentionText } from './MentionText';
import { authorHandle, authorName } from './mention-author';
import { NetworkLabel } from './NetworkLabel';
import { RelevanceButtons } from './RelevanceButtons';
import { SentimentBadge } from './SentimentBadge';
import type { Mention } from './types';

const INFLUENCE_HELP = 'Influence from 0 to 100: followers, engagement, activity, and how often others reply to or share the author';

export const MentionCard = memo(function MentionCard({
  mention,
  selected,
  onSelect,
  canWrite,
}: {
  mention: Mention;
  selected: boolean;
  onSelect: (id: string, selected: boolean) => void;
  canWrite: boolean;
}) {
  const name = authorName(mention.author);
  const handle = authorHandle(mention.author);
  const profile = httpUrl(mention.author.profileUrl);
  return (
    <Paper withBorder p="sm" radius="md" role="article" aria-label={`Mention by ${name}`}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
            <Checkbox
              aria-label={`Select mention by ${name}`}
              checked={selected}
              onChange={(e) => onSelect(mention.id, e.currentTarget.checked)}
            />
            <Avatar radius="xl" size="md" color="initials" name={name} aria-hidden />
            <div style={{ minWidth: 0 }}>
              <Group gap={6} wrap="wrap">
                <Text fw={600} size="sm" truncate dir="auto">
                  {profile ? <ExternalLink href={profile}>{name}</ExternalLink> : name}
                </Text>
                {handle && handle !== name && (
                  <Text size="xs" c="dimmed" truncate dir="auto">
                    {handle}
                  </Text>
                )}
              </Group>
              <Group gap="xs" wrap="wrap">
                {mention.author.followers !== null && (
                  <Text size="xs" c="dimmed">
                    {formatNumber(mention.author.followers)} followers
                  </Text>
                )}
                <NetworkLabel network={mention.network} />
                <Tooltip label={formatDateTime(mention.sentAt)}>
                  <Text size="xs" c="dimmed" component="time" dateTime={mention.sentAt}>
                    {formatRelative(mention.sentAt)}
                  </Text>
                </Tooltip>
                {mention.language && (
                  <Text size="xs" c="dimmed" tt="uppercase" aria-label={`Language ${mention.language}`}>
                    {mention.language}
                  </Text>
                )}
              </Group>
            </div>
          </Group>
          <Tooltip label={INFLUENCE_HELP} multiline w={260}>
            <Badge size="lg" variant="light" color="violet" style={{ flexShrink: 0 }} aria-label={`Influence ${mention.influence} of 100`}>
              {mention.influence}
            </Badge>
          </Tooltip>
        </Group>
        {mention.title && (
          <Text size="sm" fw={600} dir="auto">
            {mention.title}
          </Text>
        )}
        <MentionText text={mention.text} />
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Group gap={6} wrap="wrap">
            <Tooltip label={`Query in ${kindLabel(mention.queryKind)}`}>
              <Badge size="sm" variant="dot" color="blue" tt="none">
                {mention.queryName}
              </Badge>
            </Tooltip>
            <SentimentBadge sentiment={mention.sentiment} score={mention.sentimentScore} />
            <IntentMenu mention={mention} canCorrect={canWrite} />
            {mention.readAboutSubject && (
              <Tooltip label={`Read from the sentences about ${mention.queryName}: the post talks about more than one subject`}>
                <Text span size="xs" c="dimmed" tabIndex={0}>
                  about {mention.queryName}
                </Text>
              </Tooltip>
            )}
            {mention.url && (
              <ExternalLink href={mention.url} size="xs">
                Original
              </ExternalLink>
            )}
          </Group>
          <Group gap="xs" wrap="nowrap">
            <RelevanceButtons mentionId={mention.id} relevance={mention.relevance} disabled={!canWrite} />
            <MentionActionsMenu mentionId={mention.id} authorName={name} />
          </Group>
        </Group>
      </Stack>
    </Paper>
  );
});
