import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { renderMarkup } from '../../ui/render-markup.testing';
import { DashboardPage } from './DashboardPage';

const textOf = (markup: string) => markup.replace(/<[^>]+>/g, ' ');

describe('the dashboard’s date range', () => {
  it('from a URL the charts cannot be drawn for, shows one message instead of a refusal per chart', () => {
    const markup = renderMarkup(createElement(DashboardPage), '/listening/dashboard?range=custom&from=2025-06-01&to=2026-12-07');
    const alerts = markup.match(/role="alert"/g) ?? [];
    expect(alerts).toHaveLength(1);
    expect(textOf(markup)).toContain('No charts for this date range');
    expect(textOf(markup)).toMatch(/spans 55\d days; the charts cover at most 400/);
    for (const chart of ['Volume', 'Sentiment', 'Share of voice']) expect(markup).not.toContain(`Download ${chart} as CSV`);
  });

  it('draws the charts for a range they cover', () => {
    const markup = renderMarkup(createElement(DashboardPage), '/listening/dashboard?range=custom&from=2025-06-01&to=2025-06-30');
    expect(markup).toContain('Download Volume as CSV');
    expect(textOf(markup)).not.toContain('No charts for this date range');
  });
});
