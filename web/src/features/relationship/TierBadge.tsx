/** A contact's value tier as a coloured badge that also says it in words. */
import { Badge } from '@mantine/core';
import { tierColor, tierLabel } from './score-format';

export function TierBadge({ tier, size = 'sm' }: { tier: string | null | undefined; size?: 'xs' | 'sm' | 'md' }) {
  if (!tier) return null;
  return (
    <Badge component="span" size={size} variant="light" color={tierColor(tier)} tt="none">
      {tierLabel(tier)}
    </Badge>
  );
}
