/** What the relationship is worth and how it is doing: value score and tier, health and its reasons. */
import { Card, Group, Loader, Progress, Stack, Text, Title, Tooltip } from '@mantine/core';
import { formatDateTime, formatRelative } from '../../lib/format';
import { QueryError } from '../../ui/QueryError';
import { TEXT_COLORS } from '../../ui/text-colors';
import { useRelationship } from './api';
import { HealthBadge } from './HealthBadge';
import { COMPONENT_HINTS, COMPONENT_LABELS, formatEffect, sortReasons } from './score-format';
import { TierBadge } from './TierBadge';
import { VALUE_COMPONENTS, type ContactScore } from './types';

export function ScoreCard({ contactId }: { contactId: string }) {
  const relationship = useRelationship(contactId);
  return (
    <Card withBorder component="section" aria-labelledby="score-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="score-heading">
          Value and health
        </Title>
        {relationship.isPending && <Loader size="sm" aria-label="Loading the scores" />}
        {relationship.isError && <QueryError title="Could not load the scores" error={relationship.error} />}
        {relationship.data && <Scores score={relationship.data.score} />}
      </Stack>
    </Card>
  );
}

function Scores({ score }: { score: ContactScore | null }) {
  return !score ? (
    <Text size="sm" c="dimmed">
      Not scored yet. Scores are computed nightly and shortly after each change.
    </Text>
  ) : (
    <>
      <Group gap="xs">
        <Text size="sm" fw={600}>
          Value {score.valueScore}/100
        </Text>
        <TierBadge tier={score.tier} />
        <HealthBadge health={score.health} />
      </Group>
      {score.tierLimit && (
        <Text size="sm" c="dimmed">
          {score.tierLimit.text}
        </Text>
      )}
      <Stack gap={6}>
        {VALUE_COMPONENTS.map((component) => {
          const value = score.components[component];
          return (
            <div key={component}>
              <Group justify="space-between" gap="xs">
                <Tooltip label={COMPONENT_HINTS[component]}>
                  <Text size="xs" c="dimmed">
                    {COMPONENT_LABELS[component]}
                  </Text>
                </Tooltip>
                <Text size="xs">{value === null ? 'Not used' : value}</Text>
              </Group>
              {value !== null && <Progress value={value} size="xs" aria-label={`${COMPONENT_LABELS[component]} ${value} of 100`} />}
            </div>
          );
        })}
      </Stack>
      <div>
        <Text size="xs" fw={600} c="dimmed" tt="uppercase" lts={0.3}>
          Health {score.health}/100
        </Text>
        {score.healthReasons.length === 0 ? (
          <Text size="sm" c="dimmed">
            Nothing moved it from neutral.
          </Text>
        ) : (
          <Stack component="ul" gap={2} p={0} m={0} style={{ listStyle: 'none' }} aria-label="Health reasons">
            {sortReasons(score.healthReasons).map((reason) => (
              <Group component="li" key={reason.code} gap={6} wrap="nowrap" align="baseline">
                <Text
                  size="sm"
                  fw={700}
                  ff="monospace"
                  c={reason.effect > 0 ? TEXT_COLORS.success : reason.effect < 0 ? TEXT_COLORS.danger : 'dimmed'}
                  w={36}
                  ta="right"
                  style={{ flexShrink: 0 }}
                >
                  {formatEffect(reason.effect)}
                </Text>
                <Text size="sm">{reason.text}</Text>
              </Group>
            ))}
          </Stack>
        )}
      </div>
      <Text size="xs" c="dimmed">
        Computed <span title={formatDateTime(score.computedAt)}>{formatRelative(score.computedAt)}</span>
      </Text>
    </>
  );
}
