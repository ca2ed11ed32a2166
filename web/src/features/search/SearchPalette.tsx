/** Global search on Ctrl/Cmd-K: a dialog with a search box and a keyboard-navigable list of results. */
import { Button, Kbd, Text } from '@mantine/core';
import { useDisclosure, useHotkeys, useOs } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { SearchBox } from './SearchBox';
import { Dialog } from '../../ui/Dialog';

export function SearchPalette() {
  const [opened, { open, close }] = useDisclosure(false);
  const os = useOs();
  const mod = os === 'macos' || os === 'ios' ? '⌘' : 'Ctrl';
  useHotkeys([['mod+K', open]], []);
  return (
    <>
      <Button
        variant="default"
        onClick={open}
        leftSection={<IconSearch size={16} />}
        rightSection={
          <Text span visibleFrom="sm" size="xs">
            <Kbd size="xs">{mod}</Kbd> <Kbd size="xs">K</Kbd>
          </Text>
        }
        w={{ base: 'auto', sm: 320 }}
        c="dimmed"
        fw={400}
        styles={{ inner: { justifyContent: 'flex-start' }, label: { flex: 1 } }}
        aria-keyshortcuts="Control+K Meta+K"
      >
        Search…
      </Button>
      <Dialog opened={opened} onClose={close} title="Search contacts and companies" size="lg" yOffset="10vh">
        <SearchBox onDone={close} />
      </Dialog>
    </>
  );
}
