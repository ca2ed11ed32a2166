import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { renderMarkup } from './render-markup.testing';
import { SearchInput } from './SearchInput';

describe('a search box', () => {
  it('follows the direction of what is typed in it, on the text box itself', () => {
    const markup = renderMarkup(createElement(SearchInput, { 'aria-label': 'Search contacts', value: 'نور', onSearch: () => {} }));
    expect(markup).toMatch(/<input[^>]*\sdir="auto"[^>]*value="نور"|<input[^>]*value="نور"[^>]*\sdir="auto"/);
  });
});
