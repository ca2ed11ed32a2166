/** What a contact's important dates mean on a given day: reminders due, and dates coming up. */
import { addDays, daysBetween, nextOccurrence } from './calendar.js';

export interface ImportantDate {
  kind: string;
  date: string;
  label?: string;
}

export interface DatedContact {
  id: string;
  displayName: string;
  importantDates: readonly ImportantDate[];
}

/** Renewals are reminded a week ahead as well, while there is still time to act. */
const EARLY_NOTICE_DAYS: Record<string, number> = { renewal: 7 };

export interface DateReminder {
  contactId: string;
  title: string;
  /** One reminder per contact, date, occurrence year (and early notice). */
  dedupeKey: string;
}

const PLAIN_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Dates as stored; rows written around the API (imports, old data) are not trusted to be well formed. */
function wellFormed(dates: readonly ImportantDate[]): ImportantDate[] {
  return Array.isArray(dates)
    ? dates.filter((d) => d && typeof d.date === 'string' && PLAIN_DATE.test(d.date) && typeof d.kind === 'string')
    : [];
}

function describe(date: ImportantDate): string {
  if (date.label) return date.label;
  return date.kind === 'custom' ? 'important date' : date.kind;
}

/** The reminders `contact` earns on `today` ('YYYY-MM-DD'). */
export function remindersOn(contact: DatedContact, today: string): DateReminder[] {
  const reminders: DateReminder[] = [];
  for (const date of wellFormed(contact.importantDates)) {
    const key = `date:${contact.id}:${date.kind}:${date.date}`;
    const next = nextOccurrence(date.date, today);
    if (next === today) {
      reminders.push({
        contactId: contact.id,
        title: `${contact.displayName}: ${describe(date)} today`,
        dedupeKey: `${key}:${next.slice(0, 4)}`,
      });
    }
    const notice = EARLY_NOTICE_DAYS[date.kind];
    if (notice) {
      const ahead = nextOccurrence(date.date, addDays(today, notice));
      if (ahead === addDays(today, notice)) {
        reminders.push({
          contactId: contact.id,
          title: `${contact.displayName}: ${describe(date)} in ${notice} days`,
          dedupeKey: `${key}:${ahead.slice(0, 4)}:${notice}d`,
        });
      }
    }
  }
  return reminders;
}

export interface UpcomingDate {
  contactId: string;
  contactName: string;
  kind: string;
  label: string | null;
  date: string;
  nextOccurrence: string;
  daysAway: number;
}

/** Dates occurring from `today` to `today + days`, soonest first. */
export function upcomingDates(contacts: readonly DatedContact[], today: string, days: number): UpcomingDate[] {
  const upcoming: UpcomingDate[] = [];
  for (const contact of contacts) {
    for (const date of wellFormed(contact.importantDates)) {
      const next = nextOccurrence(date.date, today);
      const daysAway = daysBetween(today, next);
      if (daysAway > days) continue;
      upcoming.push({
        contactId: contact.id,
        contactName: contact.displayName,
        kind: date.kind,
        label: date.label ?? null,
        date: date.date,
        nextOccurrence: next,
        daysAway,
      });
    }
  }
  return upcoming.sort((a, b) => a.daysAway - b.daysAway || a.contactName.localeCompare(b.contactName));
}
