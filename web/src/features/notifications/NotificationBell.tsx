/** The bell in the header: the unread count, and the latest notifications in a dropdown. */
import { ActionIcon, Button, Divider, Group, Indicator, Popover, ScrollArea, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBell } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { useMarkAllNotificationsRead, useMarkNotificationRead, useNotifications } from './api';
import { NotificationItem } from './NotificationItem';
import { subjectLink } from './subject-link';
import type { Notification } from './types';

export function NotificationBell() {
  const [opened, { toggle, close }] = useDisclosure(false);
  const list = useNotifications();
  const markRead = useMarkNotificationRead();
  const markAll = useMarkAllNotificationsRead();
  const navigate = useNavigate();
  const unread = list.data?.unread ?? 0;
  const label = unread > 0 ? `Notifications, ${unread} unread` : 'Notifications';

  const open = (notification: Notification) => {
    if (!notification.readAt) markRead.mutate(notification.id);
    const to = subjectLink(notification.subjectType, notification.subjectId);
    if (to) {
      close();
      void navigate(to);
    }
  };

  return (
    <Popover opened={opened} onChange={(value) => !value && close()} position="bottom-end" width={340} shadow="md" trapFocus>
      <Popover.Target>
        <ActionIcon variant="subtle" color="gray" size="lg" onClick={toggle} aria-label={label} style={{ overflow: 'visible' }}>
          <Indicator label={unread > 99 ? '99+' : unread} size={16} disabled={unread === 0} offset={2} color="red" aria-hidden>
            <IconBell size={18} />
          </Indicator>
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown p={0} role="dialog" aria-label="Notifications">
        <Group justify="space-between" px="sm" py="xs">
          <Text fw={600} size="sm">
            Notifications
          </Text>
          <Button variant="subtle" size="compact-xs" disabled={unread === 0} loading={markAll.isPending} onClick={() => markAll.mutate()}>
            Mark all read
          </Button>
        </Group>
        <Divider />
        <ScrollArea.Autosize mah={400} type="auto">
          <Stack gap={0} p={4}>
            {list.data?.data.length === 0 && (
              <Text size="sm" c="dimmed" p="md" ta="center">
                You are all caught up.
              </Text>
            )}
            {list.data?.data.map((notification) => (
              <NotificationItem key={notification.id} notification={notification} onOpen={open} />
            ))}
          </Stack>
        </ScrollArea.Autosize>
      </Popover.Dropdown>
    </Popover>
  );
}
