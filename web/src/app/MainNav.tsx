/** The main navigation: one entry per area of the app. */
import { NavLink } from '@mantine/core';
import { IconAddressBook, IconBuilding, IconChecklist, IconEar, IconInbox, IconSettings, IconSun } from '@tabler/icons-react';
import { NavLink as RouterLink, useLocation } from 'react-router';
import { InboxNavBadge } from '../features/inbox/InboxNavBadge';

const AREAS = [
  { to: '/my-day', label: 'My day', icon: IconSun },
  { to: '/tasks', label: 'Tasks', icon: IconChecklist },
  { to: '/inbox', label: 'Inbox', icon: IconInbox, badge: InboxNavBadge },
  { to: '/listening', label: 'Listening', icon: IconEar },
  { to: '/contacts', label: 'Contacts', icon: IconAddressBook },
  { to: '/companies', label: 'Companies', icon: IconBuilding },
  { to: '/settings', label: 'Settings', icon: IconSettings },
];

export function MainNav({ onNavigate }: { onNavigate: () => void }) {
  const { pathname } = useLocation();
  return (
    <>
      {AREAS.map((area) => {
        const active = pathname === area.to || pathname.startsWith(`${area.to}/`);
        return (
          <NavLink
            key={area.to}
            component={RouterLink}
            to={area.to}
            label={area.label}
            leftSection={<area.icon size={18} aria-hidden />}
            rightSection={area.badge && <area.badge />}
            active={active}
            aria-current={active ? 'page' : undefined}
            onClick={onNavigate}
          />
        );
      })}
    </>
  );
}
