/**
 * What the relationship remembers: what the customer wants and had trouble with, their
 * conversations, how they feel over time, where and when to reach them next.
 */
import type { ReactNode } from 'react';
import { Anchor, Badge, Card, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { formatDateTime, formatDay, formatDaysAway, formatRelative } from '../../lib/format';
import { DetailList, DetailRow } from '../../ui/DetailRow';
import { QueryError } from '../../ui/QueryError';
import { statusLabel } from '../inbox/labels';
import { IntentBadge } from '../listening/IntentBadge';
import { NetworkLabel } from '../listening/NetworkLabel';
import { useRelationship } from './api';
import { formatShare } from './score-format';
import { SentimentTrend } from './SentimentTrend';
import { TIMELINE_KIND_META } from './timeline-kinds';
import type { RelationshipMemory, TimelineKind } from './types';

const SHOWN = 5;

function Section({ title, empty, children, count }: { title: string; empty: string; children: ReactNode; count: number }) {
  return (
    <Stack gap={6} component="section" aria-label={title}>
      <Text size="xs" fw={600} c="dimmed" tt="uppercase" lts={0.3}>
        {title}
      </Text>
      {count === 0 ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        <Stack component="ul" gap={6} p={0} m={0} style={{ listStyle: 'none' }}>
          {children}
        </Stack>
      )}
    </Stack>
  );
}

function ConversationLink({ id, children }: { id: string | null; children: ReactNode }) {
  if (!id) return <>{children}</>;
  return (
    <Anchor component={Link} to={`/inbox/${id}`} size="sm" inherit>
      {children}
    </Anchor>
  );
}

/** One remembered thing: its text (to its conversation) over a line of what it is and when. */
function Entry({ text, conversationId, children }: { text: string; conversationId: string | null; children: ReactNode }) {
  return (
    <Stack component="li" gap={2}>
      <Text size="sm" lineClamp={2} dir="auto">
        <ConversationLink id={conversationId}>{text}</ConversationLink>
      </Text>
      <Group gap={6}>{children}</Group>
    </Stack>
  );
}

function When({ iso }: { iso: string }) {
  return (
    <Text component="time" dateTime={iso} size="xs" c="dimmed" title={formatDateTime(iso)} style={{ whiteSpace: 'nowrap' }}>
      {formatRelative(iso)}
    </Text>
  );
}

const kindLabel = (kind: string) => TIMELINE_KIND_META[kind as TimelineKind]?.label ?? kind;
function Facts({ memory }: { memory: RelationshipMemory }) {
  const { preferredChannel, lastInteraction, nextInteraction, upcomingDates } = memory;
  return (
    <DetailList>
      <DetailRow label="Preferred channel">
        {preferredChannel ? (
          <Group gap={6}>
            <NetworkLabel network={preferredChannel.network} />
            <Text size="xs" c="dimmed">
              {formatShare(preferredChannel.share)} of messages
            </Text>
          </Group>
        ) : (
          'Not known yet'
        )}
      </DetailRow>
      <DetailRow label="Last interaction">
        {lastInteraction ? (
          <Group gap={6}>
            <Text size="sm">{kindLabel(lastInteraction.kind)}</Text>
            {lastInteraction.network && <NetworkLabel network={lastInteraction.network} />}
            <When iso={lastInteraction.at} />
          </Group>
        ) : (
          'None yet'
        )}
      </DetailRow>
      <DetailRow label="Next interaction">
        {nextInteraction ? (
          <Group gap={6}>
            <Text size="sm">{nextInteraction.title}</Text>
            {nextInteraction.kind === 'date' ? (
              <Text size="xs" c="dimmed">
                {formatDay(nextInteraction.at)}
              </Text>
            ) : (
              <When iso={nextInteraction.at} />
            )}
          </Group>
        ) : (
          'Nothing planned'
        )}
      </DetailRow>
      {upcomingDates.length > 0 && (
        <DetailRow label="Coming up">
          {upcomingDates.map((d) => (
            <Text key={d.label + d.date} size="sm">
              {d.label}: {formatDay(d.date)} ({formatDaysAway(d.daysAway)})
            </Text>
          ))}
        </DetailRow>
      )}
    </DetailList>
  );
}

export function MemoryPanel({ contactId }: { contactId: string }) {
  const relationship = useRelationship(contactId);
  return (
    <Card withBorder component="section" aria-labelledby="memory-heading">
      <Stack gap="md">
        <Title order={2} size="h4" id="memory-heading">
          Relationship
        </Title>
        {relationship.isPending && <Loader size="sm" aria-label="Loading the relationship" />}
        {relationship.isError && (
          <QueryError title="Could not load the relationship" error={relationship.error} onRetry={() => void relationship.refetch()} />
        )}
        {relationship.data && <Memory memory={relationship.data.memory} />}
      </Stack>
    </Card>
  );
}

function Memory({ memory }: { memory: RelationshipMemory }) {
  const conversations = memory.openConversations.length + memory.pastConversations.length;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg" verticalSpacing="md">
      <Stack gap="md">
        <Facts memory={memory} />
        <Stack gap={6} component="section" aria-label="Sentiment trend">
          <Text size="xs" fw={600} c="dimmed" tt="uppercase" lts={0.3}>
            Sentiment trend
          </Text>
          <SentimentTrend trend={memory.sentimentTrend} />
        </Stack>
      </Stack>
      <Stack gap="md">
        <Section title="Wants" empty="No requests or buying signals yet." count={memory.wants.length}>
          {memory.wants.slice(0, SHOWN).map((want, index) => (
            <Entry key={index} text={want.text} conversationId={want.conversationId}>
              <IntentBadge intent={want.intent} />
              <When iso={want.at} />
            </Entry>
          ))}
        </Section>
        <Section title="Troubles" empty="No complaints or bad experiences." count={memory.troubles.length}>
          {memory.troubles.slice(0, SHOWN).map((trouble, index) => (
            <Entry key={index} text={trouble.text} conversationId={trouble.conversationId}>
              <Badge size="sm" variant="light" color={trouble.resolved ? 'teal' : 'red'}>
                {trouble.resolved ? 'Resolved' : 'Unresolved'}
              </Badge>
              <When iso={trouble.at} />
            </Entry>
          ))}
        </Section>
        <Section title="Conversations" empty="No conversations yet." count={conversations}>
          {memory.openConversations.slice(0, SHOWN).map((c) => (
            <Entry key={c.id} text={c.subject || '(no subject)'} conversationId={c.id}>
              <Badge size="sm" variant="light" color="blue">
                {statusLabel(c.status)}
              </Badge>
              {c.network && <NetworkLabel network={c.network} />}
              <When iso={c.lastMessageAt} />
            </Entry>
          ))}
          {memory.pastConversations.slice(0, SHOWN).map((c) => (
            <Entry key={c.id} text={c.subject || '(no subject)'} conversationId={c.id}>
              <Badge size="sm" variant="light" color="gray">
                {statusLabel(c.status)}
              </Badge>
              {c.network && <NetworkLabel network={c.network} />}
              {c.closedAt && <When iso={c.closedAt} />}
            </Entry>
          ))}
        </Section>
      </Stack>
    </SimpleGrid>
  );
}
