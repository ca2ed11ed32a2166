/** The number of open conversations, beside "Inbox" in the main navigation. */
import { Badge } from '@mantine/core';
import { useConversationCounts } from './api';

export function InboxNavBadge() {
  const counts = useConversationCounts();
  const open = counts.data?.statuses.open ?? 0;
  if (open === 0) return null;
  return (
    <Badge size="sm" variant="light" circle={open < 10} aria-label={`${open} open conversations`}>
      {open > 999 ? '999+' : open}
    </Badge>
  );
}
