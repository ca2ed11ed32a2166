/** A channel's health at a glance: working, failing, paused, or not synced yet. */
import { Badge } from '@mantine/core';
import type { HealthState } from './types';

const HEALTH: Record<HealthState, { label: string; color: string }> = {
  ok: { label: 'Healthy', color: 'green' },
  failing: { label: 'Failing', color: 'red' },
  paused: { label: 'Paused', color: 'gray' },
  new: { label: 'Not synced yet', color: 'blue' },
};

export function HealthBadge({ state }: { state: HealthState }) {
  const { label, color } = HEALTH[state] ?? HEALTH.new;
  return (
    <Badge variant="light" color={color}>
      {label}
    </Badge>
  );
}
