/** Downloads the list as shown (same filters and sort) as CSV or JSON. */
import { useState } from 'react';
import { Button, Menu } from '@mantine/core';
import { IconChevronDown, IconDownload } from '@tabler/icons-react';
import { query, type QueryParams } from '../../lib/api';
import { downloadFromApi } from '../../lib/download';
import { notifyFailure } from '../../ui/notify-failure';

type Format = 'csv' | 'json';

export function ExportMenu({ path, params, fileStem }: { path: string; params: QueryParams; fileStem: string }) {
  const [pending, setPending] = useState<Format | null>(null);
  const download = async (format: Format) => {
    setPending(format);
    try {
      await downloadFromApi(`${path}${query({ ...params, format })}`, `${fileStem}.${format}`);
    } catch (error) {
      notifyFailure('Export failed', error);
    } finally {
      setPending(null);
    }
  };
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <Button
          variant="default"
          leftSection={<IconDownload size={16} />}
          rightSection={<IconChevronDown size={14} />}
          loading={pending !== null}
        >
          Export
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Export this view</Menu.Label>
        <Menu.Item onClick={() => void download('csv')}>CSV (spreadsheets)</Menu.Item>
        <Menu.Item onClick={() => void download('json')}>JSON</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
