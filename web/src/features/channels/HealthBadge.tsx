/** A channel's health at a glance: working, failing, paused, or not synced yet. */
import { Badge } from '@mantine/core';
import { healthLabel } from './channel-kinds';
import type { ChannelKind, HealthState } from './types';

const COLORS: Record<HealthState, string> = { ok: 'green', failing: 'red', paused: 'gray', new: 'blue' };

export function HealthBadge({ state, kind }: { state: HealthState; kind: ChannelKind }) {
  return (
    // As wide as its words: in a narrow table column a badge otherwise shrinks to "HEALT…".
    <Badge variant="light" color={COLORS[state] ?? COLORS.new} miw="max-content">
      {healthLabel(state, kind)}
    </Badge>
  );
}
