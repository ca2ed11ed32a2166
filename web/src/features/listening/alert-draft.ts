/**
 * The alert form's values and their translation to and from the API. An alert watches exactly one
 * query or one group, and must be delivered somewhere; the form says so before the server has to.
 */
import { parseScope, scopeValue } from './query-scope';
import type { Alert, AlertInput, Trigger } from './types';

export interface AlertDraft {
  name: string;
  /** `kind:<group>` or `query:<id>`; empty until chosen. */
  scope: string;
  trigger: Trigger;
  keyword: string;
  sensitivity: number;
  minMentions: number;
  cooldownMinutes: number;
  notifyInApp: boolean;
  /** Addresses separated by commas, spaces or new lines, as people paste them. */
  emails: string;
  webhookUrl: string;
  isActive: boolean;
}

/** The server's own defaults, so that a new alert behaves the same from the API and from the form. */
export function alertDraft(alert?: Alert): AlertDraft {
  if (!alert) {
    return {
      name: '',
      scope: '',
      trigger: 'volume',
      keyword: '',
      sensitivity: 3,
      minMentions: 5,
      cooldownMinutes: 60,
      notifyInApp: true,
      emails: '',
      webhookUrl: '',
      isActive: true,
    };
  }
  const scope = alert.queryId ? scopeValue({ queryId: alert.queryId }) : alert.queryKind ? scopeValue({ kind: alert.queryKind }) : '';
  return {
    name: alert.name,
    scope,
    trigger: alert.trigger,
    keyword: alert.keyword ?? '',
    sensitivity: alert.sensitivity,
    minMentions: alert.minMentions,
    cooldownMinutes: alert.cooldownMinutes,
    notifyInApp: alert.notifyInApp,
    emails: alert.notifyEmails.join(', '),
    webhookUrl: alert.webhookUrl ?? '',
    isActive: alert.isActive,
  };
}

export function emailsOf(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).filter(Boolean))];
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Problems by field name (the API's names, so server problems land on the same inputs). */
export function alertDraftProblems(draft: AlertDraft): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!draft.name.trim()) problems.name = 'Give the alert a name';
  const scope = parseScope(draft.scope);
  if ('all' in scope) problems.queryId = 'Choose a query or a group';
  if (draft.trigger === 'keyword' && !draft.keyword.trim()) problems.keyword = 'A keyword alert needs a keyword';
  const badEmail = emailsOf(draft.emails).find((e) => !EMAIL.test(e));
  if (badEmail) problems.notifyEmails = `${badEmail} is not an e-mail address`;
  if (draft.webhookUrl.trim() && !/^https?:\/\/\S+$/.test(draft.webhookUrl.trim()))
    problems.webhookUrl = 'Use an http:// or https:// address';
  if (!draft.notifyInApp && emailsOf(draft.emails).length === 0 && !draft.webhookUrl.trim()) {
    problems.notifyInApp = 'An alert must go somewhere: in the app, by e-mail or to a webhook';
  }
  return problems;
}

export function toAlertInput(draft: AlertDraft): AlertInput {
  const scope = parseScope(draft.scope);
  return {
    name: draft.name.trim(),
    queryId: 'queryId' in scope ? scope.queryId : null,
    queryKind: 'kind' in scope ? scope.kind : null,
    trigger: draft.trigger,
    keyword: draft.trigger === 'keyword' ? draft.keyword.trim() : null,
    sensitivity: draft.sensitivity,
    minMentions: draft.minMentions,
    cooldownMinutes: draft.cooldownMinutes,
    notifyInApp: draft.notifyInApp,
    notifyEmails: emailsOf(draft.emails),
    webhookUrl: draft.webhookUrl.trim() || null,
    isActive: draft.isActive,
  };
}
