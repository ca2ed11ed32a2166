import { describe, expect, it } from 'vitest';
import { countsQuery, listQuery } from './inbox-queries';

describe('inbox queries', () => {
  it('list the spam folder whatever the view and status the URL keeps for the inbox', () => {
    expect(listQuery({ view: 'mine', status: 'open', label: 'billing', spam: 'true' })).toEqual({ label: 'billing', spam: 'true' });
    expect(listQuery({ view: 'mine', status: 'pending' })).toEqual({ view: 'mine', status: 'pending' });
  });

  it('count with the list’s view, status and filters, so each count is the length of the list it labels', () => {
    expect(countsQuery({ view: 'all', status: 'open', network: 'email' })).toEqual({ view: 'all', status: 'open', network: 'email' });
    // In the spam folder the views still count the inbox they lead back to.
    expect(countsQuery({ view: 'mine', status: 'open', spam: 'true' })).toEqual({ view: 'mine', status: 'open' });
  });
});
