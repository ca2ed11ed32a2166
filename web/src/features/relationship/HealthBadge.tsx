/**
 * Relationship health as a number coloured by band. Given the reasons that moved it (contact rows
 * carry the strongest few), they show on hover or focus without another request.
 */
import { Badge, List, Stack, Text, Tooltip } from '@mantine/core';
import type { HealthReason } from './types';
import { formatEffect, healthBand, HEALTH_COLORS, HEALTH_LABELS, sortReasons } from './score-format';

function Reasons({ health, reasons }: { health: number; reasons: HealthReason[] }) {
  return (
    <Stack gap={2}>
      <Text size="xs" fw={600}>
        Why health is {health}
      </Text>
      {reasons.length === 0 ? (
        <Text size="xs">Nothing moved it from neutral.</Text>
      ) : (
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

export function HealthBadge({ health, reasons }: { health: number | null | undefined; reasons?: HealthReason[] | null }) {
  if (health === null || health === undefined) return null;
  const band = healthBand(health);
  const badge = (
    <Badge component="span" size="sm" variant="light" color={HEALTH_COLORS[band]} tt="none" tabIndex={reasons ? 0 : undefined}>
      {health} · {HEALTH_LABELS[band]}
    </Badge>
  );
  if (!reasons) return badge;
  return (
    <Tooltip multiline w={260} label={<Reasons health={health} reasons={reasons} />}>
      {badge}
    </Tooltip>
  );
}
