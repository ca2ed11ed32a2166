/** The teams a member or invitation belongs to, as quiet badges. */
import { Badge, Group } from '@mantine/core';

export function TeamBadges({ names }: { names: string[] }) {
  return (
    <Group gap={4}>
      {names.map((name) => (
        <Badge key={name} variant="light" color="gray" tt="none">
          {name}
        </Badge>
      ))}
    </Group>
  );
}
