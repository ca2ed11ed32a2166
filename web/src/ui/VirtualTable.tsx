/**
 * A table that renders only the rows in view and asks for the next page as the end comes near, so
 * lists of 100,000 records scroll smoothly. One real <table> with a sticky header, so screen
 * readers still see rows and column headers.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { Loader, Paper, Table, Text, type MantineBreakpoint } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useNavigate } from 'react-router';
import classes from './VirtualTable.module.css';

export interface Column<T> {
  key: string;
  header: string;
  width?: number | string;
  visibleFrom?: MantineBreakpoint;
  render: (row: T) => ReactNode;
}

const ROW_HEIGHT = 44;
const PREFETCH_ROWS = 30;

export function VirtualTable<T>({
  label,
  rows,
  columns,
  rowKey,
  rowHref,
  hasMore,
  loadingMore,
  onLoadMore,
  loading,
  empty,
  height = 'calc(100dvh - 260px)',
}: {
  label: string;
  rows: T[];
  columns: Column<T>[];
  rowKey: (row: T) => string;
  rowHref: (row: T) => string;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  loading: boolean;
  empty: ReactNode;
  height?: string;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const navigate = useNavigate();
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items[items.length - 1]?.index ?? 0;
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);

  useEffect(() => {
    if (hasMore && !loadingMore && lastIndex >= rows.length - PREFETCH_ROWS) onLoadMore();
  }, [hasMore, loadingMore, lastIndex, rows.length, onLoadMore]);

  return (
    <Paper withBorder>
      <div ref={scroller} className={classes.scroller} style={{ height }} role="region" aria-label={label} tabIndex={0}>
        <Table layout="fixed" stickyHeader verticalSpacing={0} highlightOnHover aria-rowcount={hasMore ? -1 : rows.length + 1}>
          <Table.Thead>
            <Table.Tr>
              {columns.map((column) => (
                <Table.Th key={column.key} w={column.width} visibleFrom={column.visibleFrom} className={classes.head}>
                  {column.header}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {paddingTop > 0 && <tr aria-hidden style={{ height: paddingTop }} />}
            {items.map((item) => {
              const row = rows[item.index]!;
              return (
                <Table.Tr
                  key={rowKey(row)}
                  aria-rowindex={item.index + 2}
                  className={classes.row}
                  style={{ height: ROW_HEIGHT }}
                  onClick={(event) => {
                    if ((event.target as HTMLElement).closest('a, button, input')) return;
                    void navigate(rowHref(row));
                  }}
                >
                  {columns.map((column) => (
                    <Table.Td key={column.key} visibleFrom={column.visibleFrom} className={classes.cell}>
                      {column.render(row)}
                    </Table.Td>
                  ))}
                </Table.Tr>
              );
            })}
            {paddingBottom > 0 && <tr aria-hidden style={{ height: paddingBottom }} />}
          </Table.Tbody>
        </Table>
        {loading && rows.length === 0 && (
          <div className={classes.status}>
            <Loader size="sm" aria-label="Loading" />
          </div>
        )}
        {!loading && rows.length === 0 && <div className={classes.status}>{empty}</div>}
        {loadingMore && (
          <Text size="xs" c="dimmed" ta="center" p="xs" role="status">
            Loading more…
          </Text>
        )}
      </div>
    </Paper>
  );
}
