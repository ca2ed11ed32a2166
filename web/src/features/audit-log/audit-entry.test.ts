import { describe, expect, it } from 'vitest';
import { changesOf, describeChange, displayValue, fieldLabel, recordPath, subjectLabel } from './audit-entry';

describe('audit log entries', () => {
  it('say what happened in words', () => {
    expect(describeChange('contact.updated')).toBe('Contact updated');
    expect(describeChange('conversation.messages_added')).toBe('Conversation messages added');
    expect(describeChange('api_token.revoked')).toBe('API token revoked');
    expect(describeChange('member.added')).toBe('Member added');
    expect(describeChange('listening_query.created')).toBe('Listening query created');
    expect(describeChange('weird')).toBe('Weird');
    expect(subjectLabel('api_token')).toBe('API token');
    expect(subjectLabel('user')).toBe('Member');
    expect(subjectLabel('notification')).toBe('Notification');
  });

  it('link the records that have a page, and only those', () => {
    expect(recordPath({ subjectType: 'contact', subjectId: 'c1' })).toBe('/contacts/c1');
    expect(recordPath({ subjectType: 'company', subjectId: 'k1' })).toBe('/companies/k1');
    expect(recordPath({ subjectType: 'conversation', subjectId: 'v1' })).toBe('/inbox/v1');
    expect(recordPath({ subjectType: 'api_token', subjectId: 't1' })).toBeNull();
  });

  it('list only the fields an update changed, before and after', () => {
    const changes = changesOf({
      before: { lifecycle_stage: 'lead', tags: ['vip'], updated_at: '2026-01-01', title: 'CTO' },
      after: { lifecycle_stage: 'customer', tags: ['vip'], updated_at: '2026-01-02', title: 'CTO', phones: [] },
    });
    expect(changes).toEqual([{ field: 'lifecycle_stage', before: 'lead', after: 'customer' }]);
    expect(changesOf({ before: { status: 'open' }, after: { status: 'resolved' } })).toEqual([
      { field: 'status', before: 'open', after: 'resolved' },
    ]);
  });

  it('show what a creation set, leaving out empty values and bookkeeping', () => {
    const changes = changesOf({
      after: { id: 'x', name: 'Sakura Media', domains: ['sakura.example'], custom: {}, industry: '', createdAt: '2026-01-01' },
    });
    expect(changes).toEqual([
      { field: 'name', before: null, after: 'Sakura Media' },
      { field: 'domains', before: null, after: 'sakura.example' },
    ]);
  });

  it('show the data of events that are not snapshots', () => {
    expect(changesOf({ rule: 'created-from-email', probability: null, contactId: 'c1' })).toEqual([
      { field: 'rule', before: null, after: 'created-from-email' },
      { field: 'contactId', before: null, after: 'c1' },
    ]);
    expect(changesOf({})).toEqual([]);
  });

  it('name fields and values for people', () => {
    expect(fieldLabel('lifecycle_stage')).toBe('Lifecycle stage');
    expect(fieldLabel('importantDates')).toBe('Important dates');
    expect(displayValue(true)).toBe('true');
    expect(displayValue(0)).toBe('0');
    expect(displayValue({ shoe_size: 37, note: '' })).toBe('shoe_size: 37');
    expect(displayValue([])).toBeNull();
    expect(displayValue(['read', 'write'])).toBe('read, write');
    expect(displayValue([{ address: 'a@b.co', label: 'work' }, { address: 'c@d.co' }])).toBe('a@b.co · work, c@d.co');
  });
});
