/** The frame around every page: navigation, search, theme and account. */
import type { ReactNode } from 'react';
import { ActionIcon, AppShell, Burger, Group, Menu, NavLink, Text, Title, Tooltip, useMantineColorScheme } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconAddressBook, IconLogout, IconMoon, IconSun } from '@tabler/icons-react';
import { NavLink as RouterLink, useLocation } from 'react-router';
import type { Session } from '../lib/types';
import { useSignOut } from '../features/auth/session';

const NAV = [{ to: '/contacts', label: 'Contacts', icon: IconAddressBook }];

export function Shell({ session, children }: { session: Session; children: ReactNode }) {
  const [opened, { toggle, close }] = useDisclosure();
  const { colorScheme, toggleColorScheme } = useMantineColorScheme();
  const location = useLocation();
  const signOut = useSignOut();
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group>
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            <Title order={1} size="h4">
              Rapport
            </Title>
            <Text c="dimmed" size="sm" visibleFrom="sm">
              {session.workspace.name}
            </Text>
          </Group>
          <Group gap="xs">
            <Tooltip label={colorScheme === 'dark' ? 'Light theme' : 'Dark theme'}>
              <ActionIcon variant="subtle" onClick={toggleColorScheme} aria-label="Toggle colour theme">
                {colorScheme === 'dark' ? <IconSun size={18} /> : <IconMoon size={18} />}
              </ActionIcon>
            </Tooltip>
            <Menu position="bottom-end">
              <Menu.Target>
                <ActionIcon variant="subtle" aria-label="Account" size="lg">
                  <Text fw={600} size="sm">
                    {session.user.name.slice(0, 1)}
                  </Text>
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>
                  {session.user.name} · {session.role}
                </Menu.Label>
                <Menu.Item leftSection={<IconLogout size={16} />} onClick={() => signOut.mutate()}>
                  Sign out
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label="Main">
        {NAV.map((item) => (
          <NavLink
            key={item.to}
            component={RouterLink}
            to={item.to}
            label={item.label}
            leftSection={<item.icon size={18} />}
            active={location.pathname.startsWith(item.to)}
            onClick={close}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}
