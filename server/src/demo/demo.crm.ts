/**
 * Demo records beyond contacts: companies the demo contacts work for, a few months of notes, calls,
 * meetings and e-mails on their timelines, important dates coming up, and open tasks for the demo
 * owner, so My day has something overdue, something due today and something coming up on first start.
 */
import type { Db } from '../platform/db/db.js';
import type { Ctx } from '../platform/context.js';
import type { Contact, ContactInput } from '../crm/contacts/contact.schema.js';
import { updateContact } from '../crm/contacts/contact.service.js';
import type { CompanyInput } from '../crm/companies/company.schema.js';
import { createCompany } from '../crm/companies/company.service.js';
import type { ActivityInput } from '../crm/activities/activity.schema.js';
import { logActivity } from '../crm/activities/activity.service.js';
import { createTask, updateTask } from '../crm/tasks/task.service.js';
import { addDays } from '../crm/reminders/calendar.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Companies, each with the e-mail domain its demo contacts use. */
const COMPANIES: (CompanyInput & { domains: string[] })[] = [
  { name: 'Analytical Engines Ltd', domains: ['analytical.example'], industry: 'Computing hardware', size: '51-200', tags: ['customer'] },
  {
    name: 'Cobol Systems',
    domains: ['cobol.example'],
    industry: 'Enterprise software',
    size: '1001-5000',
    tags: ['customer', 'reference'],
  },
  { name: 'Bletchley Research', domains: ['bletchley.example'], industry: 'Research', size: '11-50', tags: ['prospect'] },
  { name: 'Apollo Orbital', domains: ['apollo.example', 'orbit.example'], industry: 'Aerospace', size: '201-1000', tags: ['customer'] },
  { name: 'Spanning Tree Networks', domains: ['stp.example', 'w3.example'], industry: 'Networking', size: '5000+', tags: ['enterprise'] },
  { name: 'Logística Núñez', domains: ['logistica.example'], industry: 'Logistics', size: '51-200', tags: ['win-back'] },
  { name: 'Sakura Media', domains: ['sakura.example'], industry: 'Media', size: '201-1000', tags: ['apac', 'prospect'] },
];

/** Timeline entries per contact (by e-mail), written by the contact's owner, `daysAgo` before now. */
const HISTORY: Record<string, (Omit<ActivityInput, 'contactId' | 'occurredAt'> & { daysAgo: number })[]> = {
  'ada@analytical.example': [
    {
      type: 'meeting',
      subject: 'Kick-off workshop',
      body: 'Mapped their support channels; Mastodon is where their users are.',
      durationMinutes: 90,
      daysAgo: 118,
    },
    { type: 'email', subject: 'Onboarding checklist', direction: 'out', daysAgo: 110 },
    {
      type: 'call',
      subject: 'Quarterly check-in',
      body: 'Happy with the inbox; wants sentiment reports per product.',
      durationMinutes: 30,
      direction: 'out',
      daysAgo: 35,
    },
    { type: 'note', body: 'Prefers e-mail over calls. Decision maker for the analytics add-on.', daysAgo: 12 },
  ],
  'grace@cobol.example': [
    {
      type: 'call',
      subject: 'Renewal planning',
      body: 'Enterprise renewal in March; asked for a multi-year offer.',
      durationMinutes: 45,
      direction: 'in',
      daysAgo: 64,
    },
    { type: 'meeting', subject: 'Executive business review', durationMinutes: 60, daysAgo: 40 },
    {
      type: 'email',
      subject: 'Multi-year pricing',
      body: 'Sent the three-year proposal with the volume discount.',
      direction: 'out',
      daysAgo: 9,
    },
  ],
  'alan@bletchley.example': [
    { type: 'email', subject: 'Question about the API', direction: 'in', daysAgo: 50 },
    {
      type: 'call',
      subject: 'Discovery call',
      body: 'Research team of 30; needs listening on academic forums.',
      durationMinutes: 25,
      direction: 'out',
      daysAgo: 21,
    },
    {
      type: 'meeting',
      subject: 'Product demo',
      body: 'Showed listening and alerts. Next: pilot proposal.',
      durationMinutes: 60,
      daysAgo: 6,
    },
  ],
  'margaret@apollo.example': [
    { type: 'note', body: 'Opened three support cases about SSO in one week; follow up on the fix.', daysAgo: 28 },
    { type: 'call', subject: 'SSO fix confirmed', durationMinutes: 15, direction: 'out', daysAgo: 20 },
  ],
  'katherine@orbit.example': [{ type: 'email', subject: 'Whitepaper download follow-up', direction: 'out', daysAgo: 4 }],
  'radia@stp.example': [
    { type: 'meeting', subject: 'Security review', body: 'Passed their vendor security questionnaire.', durationMinutes: 120, daysAgo: 88 },
    { type: 'note', body: 'Champion inside the networking group; introduce her to the community programme.', daysAgo: 15 },
  ],
  'jose.nunez@logistica.example': [
    {
      type: 'call',
      subject: 'Cancellation call',
      body: 'Left for a cheaper tool; open to coming back if we add WhatsApp.',
      durationMinutes: 20,
      direction: 'in',
      daysAgo: 95,
    },
  ],
  'yuki@sakura.example': [
    { type: 'meeting', subject: 'Campaign insights workshop', durationMinutes: 75, daysAgo: 17 },
    { type: 'email', subject: 'Proposal for the APAC rollout', direction: 'out', daysAgo: 3 },
  ],
};

/** The member's own context, so entries and companies carry the right author and owner. */
function asMember(ctx: Ctx, userId: string | null): Ctx {
  if (!userId || userId === ctx.actor.userId) return ctx;
  return { ...ctx, actor: { kind: 'user', userId, role: 'agent', recordScope: 'all', teamIds: [] } };
}

/** A date in a leap `year` whose yearly occurrence is `days` from today (leap, so 29 February stays valid). */
function dateIn(days: number, year: number): string {
  return `${year}-${addDays(new Date().toISOString().slice(0, 10), days).slice(5)}`;
}

export async function seedDemoCrm(ctx: Ctx, db: Db, contacts: readonly Contact[]): Promise<void> {
  const byEmail = new Map(contacts.map((c) => [c.emails[0]?.address ?? '', c]));
  const domainOf = (c: Contact) => c.emails[0]?.address.split('@')[1] ?? '';

  for (const company of COMPANIES) {
    const members = contacts.filter((c) => company.domains.includes(domainOf(c)));
    const created = await createCompany(asMember(ctx, members[0]?.ownerId ?? null), db, company);
    for (const contact of members) await updateContact(ctx, db, contact.id, { companyId: created.id });
  }

  const now = Date.now();
  for (const [email, entries] of Object.entries(HISTORY)) {
    const contact = byEmail.get(email);
    if (!contact) continue;
    for (const { daysAgo, ...entry } of entries) {
      // Mid-morning to late afternoon, so the timeline reads like a working day.
      const occurredAt = new Date(now - daysAgo * DAY - ((daysAgo * 7) % 8) * HOUR).toISOString();
      await logActivity(asMember(ctx, contact.ownerId), db, { ...entry, contactId: contact.id, occurredAt } as ActivityInput);
    }
  }

  type ImportantDates = NonNullable<ContactInput['importantDates']>;
  const dated: [string, ImportantDates[number]][] = [
    ['katherine@orbit.example', { kind: 'birthday', date: dateIn(10, 1976) }],
    ['tim@w3.example', { kind: 'anniversary', date: dateIn(3, 2016), label: 'Customer since' }],
    ['yuki@sakura.example', { kind: 'renewal', date: dateIn(20, 2020), label: 'Agency contract renewal' }],
  ];
  for (const [email, date] of dated) {
    const contact = byEmail.get(email);
    // Stored dates were validated when the contact was created; only their kind is typed more loosely on read.
    if (contact) await updateContact(ctx, db, contact.id, { importantDates: [...(contact.importantDates as ImportantDates), date] });
  }

  const task = (title: string, dueInHours: number, email?: string, notes?: string) =>
    createTask(ctx, db, {
      title,
      notes,
      dueAt: new Date(now + dueInHours * HOUR).toISOString(),
      contactId: email ? (byEmail.get(email)?.id ?? null) : null,
    });
  await task('Send Grace the signed multi-year order form', -50, 'grace@cobol.example', 'She asked for it before their budget meeting.');
  await task('Chase the pilot proposal review', -26, 'alan@bletchley.example');
  const noonToday = (Date.parse(`${new Date(now).toISOString().slice(0, 10)}T12:00:00Z`) - now) / HOUR;
  await task("Triage today's escalations from the inbox", noonToday);
  await task('Call Ada about the analytics add-on', 1, 'ada@analytical.example');
  await task('Prepare the APAC rollout timeline', 3, 'yuki@sakura.example');
  await task('Check in after the SSO fix', 30, 'margaret@apollo.example');
  await task('Invite Katherine to the customer webinar', 75, 'katherine@orbit.example');
  await task('Win-back offer with WhatsApp support', 140, 'jose.nunez@logistica.example');
  await task('Plan the community meetup', 300);
  const done = await task('Send the onboarding checklist', -24 * 110, 'ada@analytical.example');
  await updateTask(ctx, db, done.id, { done: true });
}
