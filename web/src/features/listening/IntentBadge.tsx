/** A message's intent as a read-only badge (the stream's cards use IntentMenu to correct it). */
import { Badge } from '@mantine/core';
import { INTENT_COLORS, INTENT_LABELS, intentOf } from './labels';

export function IntentBadge({ intent }: { intent: string | null }) {
  const known = intentOf(intent);
  if (!known) return null;
  return (
    <Badge size="sm" variant="outline" color={INTENT_COLORS[known]}>
      {INTENT_LABELS[known]}
    </Badge>
  );
}
