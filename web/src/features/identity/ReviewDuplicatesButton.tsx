/** The way from the contacts list to the duplicate review queue, with how many pairs wait. */
import { Badge, Button, VisuallyHidden } from '@mantine/core';
import { IconCopy } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useOpenDuplicateCount } from './api';

export function ReviewDuplicatesButton() {
  const count = useOpenDuplicateCount();
  const open = count.data ?? 0;
  return (
    <Button
      component={Link}
      to="/contacts/duplicates"
      variant="default"
      leftSection={<IconCopy size={16} aria-hidden />}
      rightSection={
        open > 0 && (
          <Badge size="sm" variant="filled" color="orange" circle={open < 10}>
            {open > 999 ? '999+' : open}
            <VisuallyHidden> open {open === 1 ? 'pair' : 'pairs'}</VisuallyHidden>
          </Badge>
        )
      }
    >
      Review duplicates
    </Button>
  );
}
