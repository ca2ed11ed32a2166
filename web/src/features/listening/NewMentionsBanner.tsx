/** Announces mentions that arrived since the list was loaded; showing them reloads the list from the top. */
import { Button, Center } from '@mantine/core';
import { IconArrowUp } from '@tabler/icons-react';

export function NewMentionsBanner({ count, onShow, loading }: { count: number; onShow: () => void; loading: boolean }) {
  return (
    <div role="status" aria-live="polite">
      {count > 0 && (
        <Center>
          <Button size="compact-sm" radius="xl" leftSection={<IconArrowUp size={14} aria-hidden />} onClick={onShow} loading={loading}>
            {count === 1 ? '1 new mention' : `${count >= 50 ? '50+' : count} new mentions`}
          </Button>
        </Center>
      )}
    </div>
  );
}
