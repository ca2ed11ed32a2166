import { describe, expect, it } from 'vitest';
import { subjectLink } from './subject-link';

const id = '01a24c45-27e8-785d-9edd-e356dcbda186';

describe('where a notification leads', () => {
  it('opens the record a CRM notification is about', () => {
    expect(subjectLink('contact', id)).toBe(`/contacts/${id}`);
    expect(subjectLink('company', id)).toBe(`/companies/${id}`);
    expect(subjectLink('task', id)).toBe('/my-day');
  });

  it('opens the conversation an inbox notification is about, and the alerts for a listening alert', () => {
    // The server sends these for assignment, @mentions, missed SLAs and snoozes ending (inbox) and alert firings (listening).
    expect(subjectLink('conversation', id)).toBe(`/inbox/${id}`);
    expect(subjectLink('listening_alert', id)).toBe('/listening/alerts');
  });

  it('leads nowhere without a subject it knows', () => {
    expect(subjectLink('conversation', null)).toBeNull();
    expect(subjectLink('notification', id)).toBeNull();
  });
});
