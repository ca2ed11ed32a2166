import { describe, expect, it } from 'vitest';
import { joinItems, splitItems, splitItemsKeepingBlanks } from './list-items.js';

describe('list cells', () => {
  it('keep an item whole when it holds ;, : or \\', () => {
    const items = ['custom:2020-03-01 Joined; then: founded', 'custom:2021-01-01 C:\\temp\\', 'irc:ann;;away', 'plain'];
    const cell = joinItems(items);
    expect(cell).toBe('custom:2020-03-01 Joined\\; then: founded; custom:2021-01-01 C:\\\\temp\\\\; irc:ann\\;\\;away; plain');
    expect(splitItems(cell)).toEqual(items);
  });

  it('read cells written before items were escaped as they were read then', () => {
    expect(splitItems('birthday:1990-04-01; custom:2020-03-01 Joined, then founded Acme;  ; renewal:2027-01-31')).toEqual([
      'birthday:1990-04-01',
      'custom:2020-03-01 Joined, then founded Acme',
      'renewal:2027-01-31',
    ]);
    // A lone backslash that escapes nothing stays, as it was written.
    expect(splitItems('custom:2020-03-01 C:\\temp\\x')).toEqual(['custom:2020-03-01 C:\\temp\\x']);
  });

  it('escape commas too in tags and options, which imports split on , as well as ;', () => {
    const tags = ['a; b', 'c, d', 'e\\f', 'g\\', 'plain'];
    const cell = joinItems(tags, ';,');
    expect(cell).toBe('a\\; b; c\\, d; e\\\\f; g\\\\; plain');
    expect(splitItems(cell, ';,')).toEqual(tags);
    // Tags typed in a spreadsheet, and tags exported before they were escaped, read as they did.
    expect(splitItems('vip, beta;gamma', ';,')).toEqual(['vip', 'beta', 'gamma']);
    expect(splitItems('C:\\temp; x\\y', ';,')).toEqual(['C:\\temp', 'x\\y']);
    // Where only `;` separates, `\,` is no escape.
    expect(splitItems('a\\, b', ';')).toEqual(['a\\, b']);
  });

  it('keep blank items where they stand when asked, for lists that pair with another by position', () => {
    const labels = ['work', '', 'a; b \\ c', ''];
    const cell = joinItems(labels);
    expect(cell).toBe('work; ; a\\; b \\\\ c; ');
    expect(splitItemsKeepingBlanks(cell)).toEqual(labels);
    expect(splitItems(cell)).toEqual(['work', 'a; b \\ c']);
  });
});
