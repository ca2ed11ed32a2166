/**
 * Relationship health as a number coloured by band. With a contact, the reasons that moved it show
 * on hover or focus; they are read from the contact's relationship only then, so a list of
 * thousands of contacts does not ask for thousands of them.
 */
import { useState } from 'react';
import { Badge, List, Loader, Stack, Text, Tooltip } from '@mantine/core';
import { useRelationship } from './api';
import { formatEffect, healthBand, HEALTH_COLORS, HEALTH_LABELS, sortReasons } from './score-format';

function Reasons({ contactId, health }: { contactId: string; health: number }) {
  const relationship = useRelationship(contactId);
  const reasons = relationship.data?.score?.healthReasons;
  return (
    <Stack gap={2}>
      <Text size="xs" fw={600}>
        Why health is {health}
      </Text>
      {relationship.isPending && <Loader size="xs" color="white" aria-label="Loading the reasons" />}
      {relationship.isError && <Text size="xs">The reasons could not be loaded.</Text>}
      {reasons && reasons.length === 0 && <Text size="xs">Nothing moved it from neutral.</Text>}
      {reasons && reasons.length > 0 && (
        <List size="xs" spacing={0}>
          {sortReasons(reasons).map((reason) => (
            <List.Item key={reason.code}>
              {formatEffect(reason.effect)} {reason.text}
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}

export function HealthBadge({ health, contactId }: { health: number | null | undefined; contactId?: string }) {
  const [asked, setAsked] = useState(false);
  if (health === null || health === undefined) return null;
  const band = healthBand(health);
  const badge = (
    <Badge
      component="span"
      size="sm"
      variant="light"
      color={HEALTH_COLORS[band]}
      tt="none"
      tabIndex={contactId ? 0 : undefined}
      onMouseEnter={() => setAsked(true)}
      onFocus={() => setAsked(true)}
    >
      {health} · {HEALTH_LABELS[band]}
    </Badge>
  );
  if (!contactId) return badge;
  return (
    <Tooltip multiline w={260} label={asked ? <Reasons contactId={contactId} health={health} /> : `Health ${health}`}>
      {badge}
    </Tooltip>
  );
}
