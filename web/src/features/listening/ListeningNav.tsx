/** Links between the four listening pages; the current one is marked for assistive technology too. */
import { Button, Group } from '@mantine/core';
import { IconAlarm, IconChartAreaLine, IconFilterSearch, IconMessages } from '@tabler/icons-react';
import { Link, useLocation } from 'react-router';

const PAGES = [
  { to: '/listening', label: 'Mentions', icon: IconMessages, exact: true },
  { to: '/listening/queries', label: 'Queries', icon: IconFilterSearch, exact: false },
  { to: '/listening/dashboard', label: 'Dashboard', icon: IconChartAreaLine, exact: false },
  { to: '/listening/alerts', label: 'Alerts', icon: IconAlarm, exact: false },
];

export function ListeningNav() {
  const { pathname } = useLocation();
  return (
    <Group component="nav" aria-label="Listening" gap={4} mb="sm" wrap="wrap">
      {PAGES.map(({ to, label, icon: Icon, exact }) => {
        const active = exact ? pathname === to || pathname === `${to}/` : pathname === to || pathname.startsWith(`${to}/`);
        return (
          <Button
            key={to}
            component={Link}
            to={to}
            size="compact-sm"
            variant={active ? 'light' : 'subtle'}
            color={active ? undefined : 'gray'}
            leftSection={<Icon size={16} aria-hidden />}
            aria-current={active ? 'page' : undefined}
          >
            {label}
          </Button>
        );
      })}
    </Group>
  );
}
