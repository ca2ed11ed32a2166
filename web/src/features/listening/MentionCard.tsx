/**
 * One post in the stream: who said it (and how far they reach), where and when, the text as plain
 * text (social content is never rendered as HTML), every query it matched with what listening made
 * of it, and what can be done with it. A post several queries matched is one card (see
 * post-readings.ts); its actions act on the post, through its first mention.
 */
import { memo, useMemo } from 'react';
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
import { readingsOf, type PostReading } from './post-readings';
import { PostRelevanceButtons } from './PostRelevanceButtons';
import { SentimentBadge, UnanalysedBadge } from './SentimentBadge';
import type { MentionedPost, PostMention } from './types';
import classes from './MentionStreamPage.module.css';

const INFLUENCE_HELP = 'Influence from 0 to 100: followers, engagement, activity, and how often others reply to or share the author';

/** A query the post matched: its group on hover, and whether the reviewer took its mention out of the counts. */
function QueryBadge({ mention }: { mention: PostMention }) {
  const irrelevant = mention.relevance === 'irrelevant';
  return (
    <Tooltip label={`Query in ${kindLabel(mention.queryKind)}${irrelevant ? ', marked irrelevant' : ''}`}>
      <Badge
        size="sm"
        variant="dot"
        color={irrelevant ? 'gray' : 'blue'}
        tt="none"
        td={irrelevant ? 'line-through' : undefined}
        aria-label={irrelevant ? `${mention.queryName} (irrelevant)` : undefined}
      >
        {mention.queryName}
      </Badge>
    </Tooltip>
  );
}

/** The queries that read the post one way, and that reading: sentiment and intent (correctable). */
function Reading({ reading, post, canWrite }: { reading: PostReading; post: MentionedPost; canWrite: boolean }) {
  const [first] = reading.mentions;
  const names = reading.mentions.map((m) => m.queryName);
  return (
    <Group gap={6} wrap="wrap" role="group" aria-label={names.join(', ')}>
      {reading.mentions.map((mention) => (
        <QueryBadge key={mention.id} mention={mention} />
      ))}
      {reading.sentiment === null ? (
        <UnanalysedBadge language={post.language} />
      ) : (
        <SentimentBadge sentiment={reading.sentiment} score={reading.sentimentScore} />
      )}
      <IntentMenu mention={{ id: first!.id, messageId: post.messageId, intent: reading.intent }} canCorrect={canWrite} />
      {reading.readAboutSubject && (
        <Tooltip label={`Read from the sentences about ${names[0]}: the post talks about more than one subject`}>
          <Text span size="xs" c="dimmed" tabIndex={0}>
            about {names[0]}
          </Text>
        </Tooltip>
      )}
    </Group>
  );
}

export const MentionCard = memo(function MentionCard({
  post,
  selected,
  onSelect,
  canWrite,
}: {
  post: MentionedPost;
  selected: boolean;
  onSelect: (messageId: string, selected: boolean) => void;
  canWrite: boolean;
}) {
  const name = authorName(post.author);
  const handle = authorHandle(post.author);
  const profile = httpUrl(post.author.profileUrl);
  const readings = useMemo(() => readingsOf(post.mentions), [post.mentions]);
  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      role="article"
      aria-label={`Mention by ${name}`}
      tabIndex={-1}
      className={classes.card}
      data-message-id={post.messageId}
    >
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
            <Checkbox
              aria-label={`Select mention by ${name}`}
              checked={selected}
              onChange={(e) => onSelect(post.messageId, e.currentTarget.checked)}
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
                {post.author.followers !== null && (
                  <Text size="xs" c="dimmed">
                    {formatNumber(post.author.followers)} followers
                  </Text>
                )}
                <NetworkLabel network={post.network} />
                <Tooltip label={formatDateTime(post.sentAt)}>
                  <Text size="xs" c="dimmed" component="time" dateTime={post.sentAt}>
                    {formatRelative(post.sentAt)}
                  </Text>
                </Tooltip>
                {post.language && (
                  <Text size="xs" c="dimmed" tt="uppercase" aria-label={`Language ${post.language}`}>
                    {post.language}
                  </Text>
                )}
              </Group>
            </div>
          </Group>
          <Tooltip label={INFLUENCE_HELP} multiline w={260}>
            <Badge size="lg" variant="light" color="violet" style={{ flexShrink: 0 }} aria-label={`Influence ${post.influence} of 100`}>
              {post.influence}
            </Badge>
          </Tooltip>
        </Group>
        {post.title && (
          <Text size="sm" fw={600} dir="auto">
            {post.title}
          </Text>
        )}
        <MentionText text={post.text} />
        <Group justify="space-between" gap="xs" wrap="wrap" align="flex-end">
          <Stack gap={4}>
            {readings.map((reading) => (
              <Reading key={reading.mentions[0]!.id} reading={reading} post={post} canWrite={canWrite} />
            ))}
            {post.url && (
              <ExternalLink href={post.url} size="xs">
                Original
              </ExternalLink>
            )}
          </Stack>
          <Group gap="xs" wrap="nowrap">
            <PostRelevanceButtons mentions={post.mentions} disabled={!canWrite} />
            <MentionActionsMenu mentionId={post.mentions[0]!.id} authorName={name} />
          </Group>
        </Group>
      </Stack>
    </Paper>
  );
});
