import { beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../platform/testing/test-app.js';
import { listCompanies } from '../crm/companies/company.service.js';
import { listActivities } from '../crm/activities/activity.service.js';
import { myDay } from '../crm/reminders/my-day.service.js';
import { seededDemo } from './demo.testing.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

describe('demo workspace', () => {
  it('has companies, timelines and a populated My day on first start', async () => {
    const ctx = await seededDemo(t.db);
    const { workspaceId } = ctx;

    const companies = await listCompanies(ctx, { limit: 50 });
    expect(companies.data.length).toBeGreaterThanOrEqual(6);
    expect(companies.data.every((c) => c.contactCount > 0)).toBe(true);

    const feed = await listActivities(ctx, { limit: 100, type: ['note', 'call', 'meeting', 'email'] });
    expect(new Set(feed.data.map((a) => a.type))).toEqual(new Set(['note', 'call', 'meeting', 'email']));

    const day = await myDay(ctx, 'UTC');
    expect(day.overdue.length).toBeGreaterThan(0);
    expect(day.today.length).toBeGreaterThan(0);
    expect(day.upcoming.length).toBeGreaterThan(0);
    expect(day.overdue.length + day.today.length + day.upcoming.length).toBeGreaterThanOrEqual(6);
    expect(day.dates.length).toBeGreaterThanOrEqual(3);

    const { rows: scores } = await t.db.query<{ tier: string }>('SELECT tier FROM contact_scores WHERE workspace_id = $1', [workspaceId]);
    const { rows: contacts } = await t.db.query('SELECT 1 FROM contacts WHERE workspace_id = $1', [workspaceId]);
    expect(scores).toHaveLength(contacts.length);
    expect(new Set(scores.map((s) => s.tier)).size).toBeGreaterThan(1);
  });
});
