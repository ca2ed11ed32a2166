import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { attributeValues, renderMarkup } from '../../ui/render-markup.testing';
import { UnmergeButton } from './UnmergeButton';

const button = (id: string, mergedAt: string) =>
  renderMarkup(createElement(UnmergeButton, { merge: { id, mergedName: 'Noor Haddad', mergedAt }, onUnmerged: () => undefined }));

describe('the unmerge buttons of one contact', () => {
  it('are told apart by when the merge was made, when the same name was merged in twice', () => {
    const labels = [button('a', '2026-03-01T09:00:00Z'), button('b', '2026-05-20T16:30:00Z')].flatMap((markup) =>
      attributeValues(markup, 'aria-label'),
    );
    expect(labels).toHaveLength(2);
    expect(labels.every((label) => label.startsWith('Unmerge Noor Haddad, merged '))).toBe(true);
    expect(new Set(labels).size).toBe(2);
  });
});
