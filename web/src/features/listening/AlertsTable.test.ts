import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { renderMarkup } from '../../ui/render-markup.testing';
import { quietCheckMessage } from './alert-waiting';
import { AlertsTable } from './AlertsTable';
import type { Alert } from './types';

const alert = (name: string, awaitingHistoryOf: string[]): Alert => ({
  id: name,
  name,
  queryId: null,
  queryKind: 'brand',
  trigger: 'volume',
  keyword: null,
  sensitivity: 3,
  minMentions: 5,
  cooldownMinutes: 60,
  notifyInApp: true,
  notifyEmails: [],
  webhookUrl: null,
  allowPrivateNetwork: false,
  isActive: true,
  lastFiredAt: null,
  awaitingHistoryOf,
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
});

const textOf = (alerts: Alert[]) =>
  renderMarkup(createElement(AlertsTable, { alerts, queries: [], canWrite: true, onEdit: () => {} })).replace(/<[^>]+>/g, ' ');

describe('a spike alert waiting for a query’s history', () => {
  it('says in its row which queries it waits for, and nothing when it does not wait', () => {
    expect(textOf([alert('Brand volume', ['Globex'])])).toContain('Waiting for “Globex”’s history to be matched');
    expect(textOf([alert('Brand volume', ['Acme', 'Globex'])])).toContain('Waiting for the history of “Acme”, “Globex” to be matched');
    expect(textOf([alert('Brand volume', [])])).not.toContain('Waiting');
  });

  it('tells, after “Check now”, why it did not fire', () => {
    expect(quietCheckMessage('Brand volume', ['Globex'])).toMatchObject({
      title: 'Brand volume is waiting',
      message: expect.stringMatching(/^Waiting for “Globex”’s history to be matched: /),
    });
    expect(quietCheckMessage('Brand volume', []).title).toBe('Brand volume is quiet');
  });
});
