/** The frame around every page: navigation, search, notifications, theme and account. */
import type { ReactNode } from 'react';
import { AppShell, Burger, Group, Text, getDefaultZIndex, useMantineTheme } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import type { Session } from '../lib/types';
import { useLiveEvents } from '../lib/live-events';
import { useInboxLiveUpdates } from '../features/inbox/use-inbox-live-updates';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { NotificationToasts } from '../features/notifications/NotificationToasts';
import { SearchPalette } from '../features/search/SearchPalette';
import { PopupLayer } from '../ui/PopupLayer';
import { AccountMenu } from './AccountMenu';
import { ColorSchemeToggle } from './ColorSchemeToggle';
import { MainNav } from './MainNav';
import { MAIN_ID, SkipLink } from './SkipLink';
import { useFocusOnNavigate } from './use-focus-on-navigate';

const NAVIGATION_ID = 'main-navigation';

export function Shell({ session, children }: { session: Session; children: ReactNode }) {
  const [opened, { toggle, close }] = useDisclosure();
  const theme = useMantineTheme();
  // Below the navbar's breakpoint the closed navigation only slides out of view: inert keeps its links
  // out of the Tab order and from screen readers until the menu button opens it. Read on the first
  // render, so no hidden link is ever focusable.
  const wide = useMediaQuery(`(min-width: ${theme.breakpoints.sm})`, undefined, { getInitialValueInEffect: false });
  const navigationHidden = !wide && !opened;
  useLiveEvents(true);
  useInboxLiveUpdates();
  useFocusOnNavigate(MAIN_ID);
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <SkipLink />
      <NotificationToasts />
      {/* Mantine stacks the navigation one above the header; the two never overlap, but the header's
          menus, portaled into it, would open under the navigation open on a phone. */}
      <AppShell.Header zIndex={getDefaultZIndex('app') + 2}>
        <PopupLayer>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label="Toggle navigation"
                aria-expanded={opened}
                aria-controls={NAVIGATION_ID}
              />
              <Text fw={700} size="lg">
                Rapport
              </Text>
              <Text c="dimmed" size="sm" visibleFrom="md" truncate>
                {session.workspace.name}
              </Text>
            </Group>
            <SearchPalette />
            <Group gap={6} wrap="nowrap">
              <NotificationBell />
              <ColorSchemeToggle />
              <AccountMenu session={session} />
            </Group>
          </Group>
        </PopupLayer>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label="Main" id={NAVIGATION_ID} inert={navigationHidden}>
        <MainNav onNavigate={close} />
      </AppShell.Navbar>
      <AppShell.Main id={MAIN_ID} tabIndex={-1} style={{ outline: 'none' }}>
        <PopupLayer>{children}</PopupLayer>
      </AppShell.Main>
    </AppShell>
  );
}
