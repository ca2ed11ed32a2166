/**
 * The stream's toolbar: how many posts it holds with these filters (exact up to 10,000, then "more
 * than"), its CSV download, and the keyboard shortcuts.
 */
import { useState } from 'react';
import { ActionIcon, Button, Group, Kbd, Popover, Table, Text, Tooltip } from '@mantine/core';
import { IconDownload, IconKeyboard } from '@tabler/icons-react';
import { downloadFromApi } from '../../lib/download';
import { notifyFailure } from '../../ui/notify-failure';
import { postCountLabel } from './post-count';
import { STREAM_SHORTCUTS } from './stream-keys';
import type { PostCount } from './types';

export function StreamSummary({
  count,
  exportPath,
  helpOpen,
  onHelpChange,
}: {
  count: PostCount | undefined;
  /** The CSV of the stream as filtered now. */
  exportPath: () => string;
  helpOpen: boolean;
  onHelpChange: (open: boolean) => void;
}) {
  const [downloading, setDownloading] = useState(false);
  const download = async () => {
    setDownloading(true);
    try {
      await downloadFromApi(exportPath(), 'mentions.csv');
    } catch (failure) {
      notifyFailure('Could not download the CSV', failure);
    } finally {
      setDownloading(false);
    }
  };
  return (
    <Group gap="xs" justify="space-between" wrap="wrap">
      <Text size="sm" c="dimmed" role="status" aria-live="polite">
        {count ? postCountLabel(count) : '\u00a0'}
      </Text>
      <Group gap="xs" wrap="nowrap">
        <Tooltip label="The posts of this stream with these filters, newest first (at most 50,000)" multiline w={260}>
          <Button
            size="compact-xs"
            variant="default"
            leftSection={<IconDownload size={14} aria-hidden />}
            onClick={() => void download()}
            loading={downloading}
            aria-label="Download these posts as CSV"
          >
            CSV
          </Button>
        </Tooltip>
        <Popover opened={helpOpen} onChange={onHelpChange} position="bottom-end" withArrow trapFocus returnFocus>
          <Popover.Target>
            <ActionIcon variant="subtle" color="gray" aria-label="Keyboard shortcuts" onClick={() => onHelpChange(!helpOpen)}>
              <IconKeyboard size={18} aria-hidden />
            </ActionIcon>
          </Popover.Target>
          <Popover.Dropdown>
            <Text size="xs" c="dimmed" mb={6}>
              Shortcuts work when you are not typing in a field.
            </Text>
            <Table aria-label="Keyboard shortcuts" withRowBorders={false} verticalSpacing={2}>
              <Table.Tbody>
                {STREAM_SHORTCUTS.map((shortcut) => (
                  <Table.Tr key={shortcut.keys}>
                    <Table.Td>
                      <Kbd size="xs">{shortcut.keys}</Kbd>
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs">{shortcut.description}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Popover.Dropdown>
        </Popover>
      </Group>
    </Group>
  );
}
