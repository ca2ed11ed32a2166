/** Limits a list to what carries every tag chosen. */
import { TagsInput } from '@mantine/core';

export function TagsFilter({ tags, onChange }: { tags: string[] | undefined; onChange: (tags: string[]) => void }) {
  return (
    <TagsInput
      aria-label="Tags"
      placeholder={tags?.length ? undefined : 'Any tag'}
      value={tags ?? []}
      onChange={onChange}
      clearable
      clearButtonProps={{ 'aria-label': 'Clear tags' }}
      w={{ base: '100%', sm: 200 }}
    />
  );
}
