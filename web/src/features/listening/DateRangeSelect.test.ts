import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { renderMarkup } from '../../ui/render-markup.testing';
import { DateRangeSelect } from './DateRangeSelect';

const textOf = (markup: string) => markup.replace(/<[^>]+>/g, ' ');

describe('the date range picker', () => {
  it('checks a custom range as it is chosen: too long, or ending before it starts, is told at the day to change', () => {
    const tooLong = renderMarkup(
      createElement(DateRangeSelect, { value: { fromDay: '2025-06-01', toDay: '2026-12-07' }, onChange: () => {}, longestDays: 400 }),
    );
    expect(textOf(tooLong)).toContain('At most 400 days from the start');
    const backwards = renderMarkup(
      createElement(DateRangeSelect, { value: { fromDay: '2025-06-09', toDay: '2025-06-01' }, onChange: () => {}, longestDays: 400 }),
    );
    expect(textOf(backwards)).toContain('Must be on or before the end');
  });

  it('lets a long range be where nothing limits it (the mention stream)', () => {
    const markup = renderMarkup(
      createElement(DateRangeSelect, { value: { fromDay: '2025-06-01', toDay: '2026-12-07' }, onChange: () => {} }),
    );
    expect(textOf(markup)).not.toContain('At most');
  });
});
