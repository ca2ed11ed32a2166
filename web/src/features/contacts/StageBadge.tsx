import { Badge } from '@mantine/core';
import { stageLabel } from './stage-labels';

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
    <Badge variant="light" color={COLORS[stage] ?? 'gray'} tt="none" fw={600}>
      {stageLabel(stage)}
    </Badge>
  );
}
