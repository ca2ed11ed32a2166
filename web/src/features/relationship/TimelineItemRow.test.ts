import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { directionOf, renderMarkup } from '../../ui/render-markup.testing';
import { TimelineItemRow } from './TimelineItemRow';
import type { TimelineItem } from './types';

const note: TimelineItem = {
  id: 'n',
  kind: 'note',
  occurredAt: '2026-01-01T10:00:00Z',
  title: 'مكالمة التجديد',
  body: 'تحدثنا عن خطة Enterprise للسنة القادمة',
  network: null,
  direction: null,
  conversationId: null,
  sentiment: null,
  author: 'Sky Service',
  task: null,
};

describe('a timeline entry', () => {
  it('shows its title and text in their own direction', () => {
    const markup = renderMarkup(createElement(TimelineItemRow, { item: note, canWrite: false }));
    expect(directionOf(markup, 'مكالمة التجديد')).toBe('auto');
    expect(directionOf(markup, 'تحدثنا عن خطة Enterprise للسنة القادمة')).toBe('auto');
  });
});
