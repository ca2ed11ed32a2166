import { describe, expect, it } from 'vitest';
import { nextListSearch } from './use-list-params';

const SPEC = { scope: 'one', sentiment: 'one', stage: 'many', q: 'typed', sort: 'one' } as const;
const DEFAULTS = { sort: 'name' };
const next = (search: string, change: Parameters<typeof nextListSearch<typeof SPEC>>[3]) => nextListSearch(SPEC, DEFAULTS, search, change);

describe('a change of a list page’s filters in the history', () => {
  it('adds an entry for a stream or a filter chosen, so Back undoes it', () => {
    expect(next('', { scope: 'kind:brand' })).toEqual({ search: '?scope=kind%3Abrand', replace: false });
    expect(next('?scope=kind%3Abrand', { sentiment: 'negative' })).toEqual({
      search: '?scope=kind%3Abrand&sentiment=negative',
      replace: false,
    });
    expect(next('?stage=lead', { stage: ['lead', 'customer'] })).toEqual({ search: '?stage=lead&stage=customer', replace: false });
    expect(next('?q=ann', { sort: 'created' })).toMatchObject({ replace: false });
  });

  it('adds an entry when a search starts, and replaces it while the search is typed on or cleared', () => {
    expect(next('?stage=lead', { q: 'an' })).toEqual({ search: '?stage=lead&q=an', replace: false });
    expect(next('?stage=lead&q=an', { q: 'anna' })).toEqual({ search: '?stage=lead&q=anna', replace: true });
    expect(next('?q=anna', { q: undefined })).toEqual({ search: '', replace: true });
  });

  it('adds an entry when the search is cleared together with the filters', () => {
    expect(next('?q=anna&stage=lead', { q: undefined, stage: [] })).toEqual({ search: '', replace: false });
  });

  it('adds no entry for a change that changes nothing, a default included', () => {
    expect(next('?sentiment=negative', { sentiment: 'negative' })).toBeNull();
    expect(next('', { sort: 'name' })).toBeNull();
  });

  it('keeps the saved view selected', () => {
    expect(next('?view=v1&stage=lead', { stage: [] })).toEqual({ search: '?view=v1', replace: false });
  });
});
