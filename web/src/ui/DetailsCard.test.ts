import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { DetailsCard } from './DetailsCard';
import { attributeValues, renderMarkup } from './render-markup.testing';

describe('the details card', () => {
  it('is a section named by its heading, two cards on a page apart', () => {
    const card = createElement(DetailsCard, {
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-02T00:00:00.000Z',
      children: null,
    });
    const markup = renderMarkup(createElement('div', null, card, card));
    const named = attributeValues(markup, 'aria-labelledby');
    expect(named).toHaveLength(2);
    expect(new Set(named).size).toBe(2);
    for (const id of named) expect(markup).toMatch(new RegExp(`<h2[^>]*id="${id}"[^>]*>Details</h2>`));
  });
});
