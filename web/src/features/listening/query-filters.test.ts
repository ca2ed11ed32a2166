import { describe, expect, it } from 'vitest';
import { readFilter, writeFilter } from './query-filters';

describe('reading the pickers from the query text', () => {
  it('shows nothing picked when the query does not filter on the field', () => {
    expect(readFilter('acme AND phone', 'lang')).toEqual({ editable: true, values: [] });
    expect(readFilter('', 'channel')).toEqual({ editable: true, values: [] });
  });

  it('shows a top-level part typed by hand, whatever its place, spelling and case', () => {
    expect(readFilter('acme AND lang:FR', 'lang')).toEqual({ editable: true, values: ['fr'] });
    expect(readFilter('LANG:(en OR fr) acme', 'lang')).toEqual({ editable: true, values: ['en', 'fr'] });
    expect(readFilter('acme channel:( mastodon OR "bluesky" ) -jobs', 'channel')).toEqual({
      editable: true,
      values: ['mastodon', 'bluesky'],
    });
    expect(readFilter('(acme OR acmecorp) AND channel:email', 'channel')).toEqual({ editable: true, values: ['email'] });
  });

  it('leaves the picker read-only where the field sits inside OR, NOT, a group or NEAR, or comes twice', () => {
    for (const text of [
      'acme OR lang:fr',
      'acme AND NOT lang:fr',
      'acme -lang:fr',
      '(acme AND lang:fr) OR phone',
      'acme lang:en lang:fr',
      'lang:fr NEAR/2 acme',
    ]) {
      const filter = readFilter(text, 'lang');
      expect(filter.editable, text).toBe(false);
      expect(filter.editable === false && filter.reason, text).toMatch(/change languages in the text/);
    }
  });

  it('leaves the picker read-only for a value list it cannot show, but still reads the other field', () => {
    expect(readFilter('acme lang:(en AND fr)', 'lang').editable).toBe(false);
    expect(readFilter('acme lang:(en AND fr) channel:rss', 'channel')).toEqual({ editable: true, values: ['rss'] });
  });

  it('does not take field syntax inside quotes, braces or literal URLs for a field', () => {
    expect(readFilter('"lang:fr" OR {lang:fr}', 'lang')).toEqual({ editable: true, values: [] });
    expect(readFilter('url:https://lang:fr.example', 'lang')).toEqual({ editable: true, values: [] });
  });

  it('waits for unclosed brackets and quotes before offering a list', () => {
    expect(readFilter('(acme OR phone', 'lang')).toMatchObject({ editable: false, reason: expect.stringMatching(/Close the brackets/) });
    expect(readFilter('acme "battery', 'lang').editable).toBe(false);
    expect(readFilter('acme)', 'lang').editable).toBe(false);
  });
});

describe('writing the pickers into the query text', () => {
  it('adds one top-level AND part at the end, as a group when several values are picked', () => {
    expect(writeFilter('acme', 'lang', ['fr'])).toBe('acme AND lang:fr');
    expect(writeFilter('acme  \n', 'lang', ['en', 'fr'])).toBe('acme AND lang:(en OR fr)');
    expect(writeFilter('', 'channel', ['mastodon'])).toBe('channel:mastodon');
  });

  it('brackets an OR query before adding, so the part applies to all of it', () => {
    const text = writeFilter('acme OR acmecorp', 'channel', ['rss']);
    expect(text).toBe('(acme OR acmecorp) AND channel:rss');
    expect(readFilter(text, 'channel')).toEqual({ editable: true, values: ['rss'] });
  });

  it('updates the part in place and leaves the rest as written', () => {
    expect(writeFilter('lang:en   acme  -jobs', 'lang', ['en', 'de'])).toBe('lang:(en OR de)   acme  -jobs');
    expect(writeFilter('acme AND lang:(en OR fr) AND phone', 'lang', ['fr'])).toBe('acme AND lang:fr AND phone');
  });

  it('removes the part and the AND that joined it when the picker is cleared', () => {
    expect(writeFilter('acme AND lang:fr', 'lang', [])).toBe('acme');
    expect(writeFilter('acme AND lang:fr AND phone', 'lang', [])).toBe('acme AND phone');
    expect(writeFilter('acme lang:fr phone', 'lang', [])).toBe('acme phone');
    expect(writeFilter('lang:fr AND acme', 'lang', [])).toBe('acme');
    expect(writeFilter('channel:(rss OR email)', 'channel', [])).toBe('');
  });

  it('keeps the other picker’s part when one changes', () => {
    const both = writeFilter(writeFilter('acme', 'lang', ['fr']), 'channel', ['mastodon', 'bluesky']);
    expect(both).toBe('acme AND lang:fr AND channel:(mastodon OR bluesky)');
    expect(writeFilter(both, 'lang', [])).toBe('acme AND channel:(mastodon OR bluesky)');
  });

  it('never rewrites a query whose picker is read-only', () => {
    for (const text of ['acme OR lang:fr', 'acme -lang:fr', '(acme OR phone']) {
      expect(writeFilter(text, 'lang', ['de'])).toBe(text);
      expect(writeFilter(text, 'lang', [])).toBe(text);
    }
  });
});
