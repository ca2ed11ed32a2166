/** A record's tags as small badges, at most `max` of them with a "+n" for the rest. */
import { Badge, Group, VisuallyHidden } from '@mantine/core';

/** `max` keeps a table cell to one line; without it every tag shows and the list wraps. */
export function TagList({ tags, max }: { tags: string[]; max?: number }) {
  const shown = max ?? tags.length;
  const rest = tags.length - shown;
  return (
    <Group gap={4} wrap={max === undefined ? 'wrap' : 'nowrap'} style={{ overflow: 'hidden' }}>
      {tags.slice(0, shown).map((tag) => (
        <Badge
          key={tag}
          variant="outline"
          color="gray"
          size="sm"
          tt="none"
          fw={500}
          style={{ flexShrink: max === undefined ? 0 : 1, minWidth: 0 }}
        >
          {tag}
        </Badge>
      ))}
      {rest > 0 && (
        <Badge variant="transparent" color="gray" size="sm" tt="none">
          +{rest}
          <VisuallyHidden> more tags</VisuallyHidden>
        </Badge>
      )}
    </Group>
  );
}
