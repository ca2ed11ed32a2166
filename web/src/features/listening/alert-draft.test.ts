import { describe, expect, it } from 'vitest';
import { alertDraft, alertDraftProblems, emailsOf, toAlertInput } from './alert-draft';
import type { Alert } from './types';

const saved: Alert = {
  id: 'al1',
  name: 'Crisis',
  queryId: null,
  queryKind: 'brand',
  trigger: 'negative',
  keyword: null,
  sensitivity: 4,
  minMentions: 8,
  cooldownMinutes: 30,
  notifyInApp: false,
  notifyEmails: ['pr@example.org', 'ceo@example.org'],
  webhookUrl: 'https://hooks.example.org/x',
  allowPrivateNetwork: false,
  isActive: true,
  lastFiredAt: null,
  awaitingHistoryOf: [],
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
};

describe('alert drafts', () => {
  it('round-trips a saved alert through the form', () => {
    const input = toAlertInput(alertDraft(saved));
    expect(input).toEqual({
      name: 'Crisis',
      queryId: null,
      queryKind: 'brand',
      trigger: 'negative',
      keyword: null,
      sensitivity: 4,
      minMentions: 8,
      cooldownMinutes: 30,
      notifyInApp: false,
      notifyEmails: ['pr@example.org', 'ceo@example.org'],
      webhookUrl: 'https://hooks.example.org/x',
      isActive: true,
    });
  });

  it('sends one query as queryId, and a keyword only for keyword alerts', () => {
    const draft = { ...alertDraft(), name: ' Recall ', scope: 'query:q1', trigger: 'volume' as const, keyword: 'recall' };
    expect(toAlertInput(draft)).toMatchObject({ name: 'Recall', queryId: 'q1', queryKind: null, keyword: null, webhookUrl: null });
    expect(toAlertInput({ ...draft, trigger: 'keyword' }).keyword).toBe('recall');
  });

  it('reads pasted addresses, however they are separated, once each', () => {
    expect(emailsOf('a@x.org, b@x.org\nc@x.org; a@x.org ')).toEqual(['a@x.org', 'b@x.org', 'c@x.org']);
    expect(emailsOf('  ')).toEqual([]);
  });

  it('names what is missing or wrong, by the API’s field names', () => {
    expect(alertDraftProblems(alertDraft())).toEqual({ name: 'Give the alert a name', queryId: 'Choose a query or a group' });
    const draft = { ...alertDraft(), name: 'K', scope: 'kind:brand', trigger: 'keyword' as const, emails: 'nope', webhookUrl: 'ftp://x' };
    expect(Object.keys(alertDraftProblems(draft)).sort()).toEqual(['keyword', 'notifyEmails', 'webhookUrl']);
    expect(alertDraftProblems({ ...alertDraft(), name: 'Quiet', scope: 'kind:brand', notifyInApp: false })).toHaveProperty('notifyInApp');
    expect(alertDraftProblems({ ...alertDraft(saved) })).toEqual({});
  });
});
