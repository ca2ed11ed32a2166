/** A list's filters in one row, and once any is set, a button that clears them all. */
import type { ReactNode } from 'react';
import { Button, Group } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';

export function FiltersBar({ filtered, onClear, children }: { filtered: boolean; onClear: () => void; children: ReactNode }) {
  return (
    <Group mb="sm" gap="xs" align="flex-end">
      {children}
      {filtered && (
        <Button variant="subtle" color="gray" leftSection={<IconFilterOff size={16} />} onClick={onClear}>
          Clear
        </Button>
      )}
    </Group>
  );
}
