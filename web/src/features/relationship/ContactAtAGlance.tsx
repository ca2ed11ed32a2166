/**
 * The contact behind a conversation, for the agent answering it: who they are, what they are worth
 * to the business and how the relationship stands (with why), who owns it, what is coming up and
 * what else they are having trouble with — without leaving the inbox.
 */
import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { formatDay, formatDaysAway } from '../../lib/format';
import { useContact } from '../contacts/api';
import { StageBadge } from '../contacts/StageBadge';
import { useMembers } from '../members/api';
import { useRelationship } from './api';
import { HealthBadge } from './HealthBadge';
import { TierBadge } from './TierBadge';

const TROUBLES_SHOWN = 2;

export function ContactAtAGlance({ contactId, name, conversationId }: { contactId: string; name: string; conversationId: string }) {
  const contact = useContact(contactId);
  const relationship = useRelationship(contactId);
  const members = useMembers();
  const link = (
    <Anchor component={Link} to={`/contacts/${contactId}`} size="sm" fw={600} dir="auto">
      {contact.data?.displayName ?? name}
    </Anchor>
  );
  // A member limited to their own records may not see the contact: the name is all they get.
  if (!contact.data) return link;
  const { title, companyName, lifecycleStage, tier, health, healthReasons, ownerId, tags } = contact.data;
  const owner = members.data?.find((member) => member.id === ownerId)?.name;
  const memory = relationship.data?.memory;
  const nextDate = memory?.upcomingDates[0];
  const troubles = (memory?.troubles ?? [])
    .filter((trouble) => !trouble.resolved && trouble.conversationId !== conversationId)
    .slice(0, TROUBLES_SHOWN);
  return (
    <Stack gap={6} component="section" aria-label={`About ${contact.data.displayName}`}>
      {link}
      {(title || companyName) && (
        <Text size="xs" c="dimmed">
          {[title, companyName].filter(Boolean).join(' · ')}
        </Text>
      )}
      <Group gap={4}>
        <StageBadge stage={lifecycleStage} />
        <TierBadge tier={tier} />
        <HealthBadge health={health} reasons={healthReasons} />
      </Group>
      {owner && <Text size="xs">Owner: {owner}</Text>}
      {tags.length > 0 && (
        <Group gap={4} role="group" aria-label="Tags">
          {tags.map((tag) => (
            <Badge key={tag} size="xs" variant="outline" color="gray" tt="none">
              {tag}
            </Badge>
          ))}
        </Group>
      )}
      {nextDate && (
        <Text size="xs">
          Coming up: {nextDate.label}, {formatDay(nextDate.date)} ({formatDaysAway(nextDate.daysAway)})
        </Text>
      )}
      {troubles.length > 0 && (
        <Stack gap={2}>
          <Text size="xs" fw={600}>
            Also having trouble with
          </Text>
          {troubles.map((trouble) => (
            <Text key={`${trouble.conversationId ?? ''}${trouble.at}`} size="xs" lineClamp={2}>
              {trouble.conversationId ? (
                <Anchor component={Link} to={`/inbox/${trouble.conversationId}`} inherit>
                  {trouble.text}
                </Anchor>
              ) : (
                trouble.text
              )}
            </Text>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
