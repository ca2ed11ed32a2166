/** Pops up a toast when a notification for the signed-in member arrives on the live stream. */
import { notifications } from '@mantine/notifications';
import { IconBell } from '@tabler/icons-react';
import { useLiveEvent } from '../../lib/live-events';

export function NotificationToasts() {
  useLiveEvent((event) => {
    if (event.type !== 'notification.created' || !event.notification) return;
    notifications.show({
      title: event.notification.body ? event.notification.title : undefined,
      message: event.notification.body || event.notification.title,
      icon: <IconBell size={16} />,
      autoClose: 6000,
    });
  });
  return null;
}
