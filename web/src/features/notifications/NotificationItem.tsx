import { Box, Group, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { formatRelative } from '../../lib/format';
import type { Notification } from './types';
import classes from './NotificationItem.module.css';

export function NotificationItem({ notification, onOpen }: { notification: Notification; onOpen: (n: Notification) => void }) {
  const unread = !notification.readAt;
  return (
    <UnstyledButton className={classes.item} onClick={() => onOpen(notification)} data-unread={unread || undefined}>
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <Box className={classes.dot} aria-hidden />
        <div style={{ minWidth: 0 }}>
          <Text size="sm" fw={unread ? 600 : 400} lineClamp={2}>
            {unread && <VisuallyHidden>Unread: </VisuallyHidden>}
            {notification.title}
          </Text>
          {notification.body && (
            <Text size="xs" c="dimmed" lineClamp={2}>
              {notification.body}
            </Text>
          )}
          <Text size="xs" c="dimmed">
            {formatRelative(notification.createdAt)}
          </Text>
        </div>
      </Group>
    </UnstyledButton>
  );
}
