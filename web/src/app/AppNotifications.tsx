/**
 * Where toasts appear. A few at once, the others waiting their turn: several alerts firing
 * together stacked toasts up the whole of a phone's screen. On a phone, where a toast takes the
 * screen's width, they also pile into the room of one (tapping the pile spreads it) and a long
 * message is cut shorter.
 */
import { useMediaQuery } from '@mantine/hooks';
import { Notifications } from '@mantine/notifications';

const NOTIFICATION_LIMITS = { phone: 2, wide: 3 } as const;

export function AppNotifications() {
  const phone = useMediaQuery('(max-width: 36em)');
  return (
    <Notifications
      position="bottom-right"
      limit={phone ? NOTIFICATION_LIMITS.phone : NOTIFICATION_LIMITS.wide}
      layout={phone ? 'stacked' : 'default'}
      notificationMaxHeight={phone ? 120 : 200}
    />
  );
}
