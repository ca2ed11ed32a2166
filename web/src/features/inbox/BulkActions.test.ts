import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { renderMarkup } from '../../ui/render-markup.testing';
import { BulkActions } from './BulkActions';

describe('the bulk actions', () => {
  it('offer what the bulk API takes: assignee, team, status, labels and spam', () => {
    const markup = renderMarkup(createElement(BulkActions, { ids: ['c1', 'c2'], onDone: () => undefined }));
    const buttons = [...markup.matchAll(/<button[^>]*>(.*?)<\/button>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));
    expect(buttons).toEqual(['Assign', 'Team', 'Status', 'Label', 'Spam', 'Clear selection']);
  });
});
