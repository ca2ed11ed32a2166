/** The "?" dialog: every inbox keyboard shortcut. */
import { Kbd, Table, Text } from '@mantine/core';
import { Dialog } from '../../ui/Dialog';

/** What each key does in the inbox, for its "?" help dialog. */
const SHORTCUTS: { keys: string; description: string }[] = [
  { keys: 'j', description: 'Next conversation' },
  { keys: 'k', description: 'Previous conversation' },
  { keys: 'a', description: 'Assign the conversation to me' },
  { keys: 'e', description: 'Resolve the conversation and open the next one' },
  { keys: 'r', description: 'Write a reply' },
  { keys: 'n', description: 'Write an internal note' },
  { keys: '/', description: 'Search conversations' },
  { keys: '?', description: 'Show these shortcuts' },
];

export function ShortcutsHelp({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Dialog opened={opened} onClose={onClose} title="Keyboard shortcuts" centered>
      <Text size="sm" c="dimmed" mb="sm">
        Shortcuts work when you are not typing in a field.
      </Text>
      <Table aria-label="Keyboard shortcuts">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Key</Table.Th>
            <Table.Th>Action</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {SHORTCUTS.map((shortcut) => (
            <Table.Tr key={shortcut.keys}>
              <Table.Td>
                <Kbd>{shortcut.keys}</Kbd>
              </Table.Td>
              <Table.Td>{shortcut.description}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Dialog>
  );
}
