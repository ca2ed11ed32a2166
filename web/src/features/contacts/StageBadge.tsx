import { Badge } from '@mantine/core';

const COLORS: Record<string, string> = {
  subscriber: 'gray',
  lead: 'blue',
  qualified: 'cyan',
  opportunity: 'violet',
  customer: 'green',
  advocate: 'teal',
  churned: 'red',
  other: 'gray',
};

export function StageBadge({ stage }: { stage: string }) {
  return (
    <Badge variant="light" color={COLORS[stage] ?? 'gray'} tt="capitalize" fw={600}>
      {stage}
    </Badge>
  );
}
