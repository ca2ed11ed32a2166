import { createElement } from 'react';
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { Page } from '../lib/types';
import { PagedTable } from './PagedTable';
import { renderMarkup } from './render-markup.testing';

interface Row {
  id: string;
  name: string;
}

type PagedList = UseInfiniteQueryResult<InfiniteData<Page<Row>>, Error>;

/** The parts of a query result the table reads, in one of its states. */
function list(state: Partial<Record<keyof PagedList, unknown>>): PagedList {
  const settled = {
    data: undefined,
    hasNextPage: false,
    isFetchingNextPage: false,
    fetchNextPage: () => Promise.resolve(),
    refetch: () => Promise.resolve(),
    isPending: false,
    isError: false,
    isSuccess: false,
    error: null,
  };
  return { ...settled, ...state } as unknown as PagedList;
}

const loaded = (rows: Row[], nextCursor: string | null) => ({ pages: [{ data: rows, nextCursor }], pageParams: [undefined] });

function render(state: Partial<Record<keyof PagedList, unknown>>) {
  return renderMarkup(
    createElement(PagedTable<Row>, {
      list: list(state),
      label: 'Contact list',
      columns: [{ key: 'name', header: 'Name', render: (row: Row) => row.name }],
      href: (row: Row) => `/contacts/${row.id}`,
      failedTitle: 'Could not load contacts',
      empty: 'No contacts match',
      countText: (loadedRows: number, hasMore: boolean) => `${hasMore ? 'More than ' : ''}${loadedRows} shown`,
    }),
  );
}

describe('a list read a page at a time', () => {
  it('shows only the failure when the first page did not load', () => {
    const markup = render({ isError: true, error: new TypeError('Failed to fetch') });
    expect(markup).toContain('Could not load contacts');
    expect(markup).not.toContain('aria-label="Contact list"');
  });

  it('keeps the rows already loaded when a later page fails', () => {
    const markup = render({ isError: true, error: new TypeError('Failed to fetch'), data: loaded([{ id: '1', name: 'Ada' }], 'next') });
    expect(markup).not.toContain('Could not load contacts');
    expect(markup).toContain('aria-label="Contact list"');
  });

  it('says how many rows it holds once loaded, and that there are more past the pages read', () => {
    expect(render({ isSuccess: true, data: loaded([{ id: '1', name: 'Ada' }], null) })).toContain('>1 shown<');
    expect(render({ isSuccess: true, hasNextPage: true, data: loaded([{ id: '1', name: 'Ada' }], 'next') })).toContain(
      '>More than 1 shown<',
    );
  });

  it('says no count while the first page loads', () => {
    expect(render({ isPending: true })).not.toContain('shown');
  });
});
