import { describe, expect, it } from 'vitest';
import { filtersFromUrl, urlFromFilters } from './use-inbox-filters';

describe('inbox filters in the URL', () => {
  it('keep the inbox view out of `view`, where list pages keep a saved view', () => {
    expect(urlFromFilters({ view: 'all', label: 'Billing' })).toEqual({ inbox: 'all', label: 'Billing' });
    expect(urlFromFilters({ status: 'pending' })).toEqual({ status: 'pending' });
    expect(filtersFromUrl({ inbox: 'mine', status: 'open' })).toEqual({ view: 'mine', status: 'open' });
  });
});
