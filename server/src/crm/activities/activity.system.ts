/**
 * System entries on the timeline, derived from committed domain events (a contact's stage
 * changed, a contact moved to another company). Subscribers run after the commit and may see an
 * event twice, so each entry is keyed by its event id and written once.
 */
import type { Queryable } from '../../platform/db/db.js';
import { newId } from '../../platform/db/ids.js';
import type { DomainEvent } from '../../platform/events/event.js';
import type { AppDeps } from '../../platform/module.js';
import { insertSystemActivity, type ActivityRow } from './activity.repo.js';

interface Change<T> {
  before?: Partial<T>;
  after?: Partial<T>;
}

interface SystemEntry {
  systemEvent: string;
  contactId: string;
  companyId: string | null;
  subject: string;
  data: Record<string, unknown>;
}

/** The subject is read by people: "Lead", not the stored "lead" (every stage is one word). */
const stageName = (stage: string) => stage.charAt(0).toUpperCase() + stage.slice(1);

function stageChange(event: DomainEvent): SystemEntry | null {
  const { before, after } = event.data as Change<{ lifecycleStage: string }>;
  if (!before?.lifecycleStage || !after?.lifecycleStage) return null;
  return {
    systemEvent: 'contact.stage_changed',
    contactId: event.subjectId,
    companyId: null,
    subject: `Lifecycle stage changed from ${stageName(before.lifecycleStage)} to ${stageName(after.lifecycleStage)}`,
    data: { before: { lifecycleStage: before.lifecycleStage }, after: { lifecycleStage: after.lifecycleStage } },
  };
}

type CompanyLink = { companyId: string | null; companyName: string | null };

/** contact.updated carries only changed fields; an entry when the company is one of them. */
function companyChange(event: DomainEvent): SystemEntry | null {
  const { before, after } = event.data as Change<CompanyLink>;
  if (!before || !after || !('companyId' in after) || before.companyId === after.companyId) return null;
  const from = before.companyId ? (before.companyName ?? 'a company') : null;
  const to = after.companyId ? (after.companyName ?? 'a company') : null;
  const subject = to && from ? `Moved from ${from} to ${to}` : to ? `Joined ${to}` : `Left ${from}`;
  return {
    systemEvent: 'contact.company_changed',
    contactId: event.subjectId,
    // Shown on the timeline of the company joined or, when leaving, of the one left.
    companyId: after.companyId ?? before.companyId ?? null,
    subject,
    data: {
      before: { companyId: before.companyId ?? null, companyName: before.companyName ?? null },
      after: { companyId: after.companyId ?? null, companyName: after.companyName ?? null },
    },
  };
}

/** The timeline entry an event makes, if any. Pure, so the wording is tested without a database. */
export function systemEntryFor(event: DomainEvent): SystemEntry | null {
  if (event.type === 'contact.stage_changed') return stageChange(event);
  if (event.type === 'contact.updated') return companyChange(event);
  return null;
}

export async function recordSystemEntry(db: Queryable, event: DomainEvent): Promise<boolean> {
  const entry = systemEntryFor(event);
  if (!entry) return false;
  const now = new Date();
  const row: ActivityRow = {
    id: newId(),
    type: 'system',
    contactId: entry.contactId,
    companyId: entry.companyId,
    subject: entry.subject,
    body: '',
    occurredAt: new Date(event.occurredAt),
    durationMinutes: null,
    direction: null,
    authorId: event.actorId,
    dueAt: null,
    assigneeId: null,
    doneAt: null,
    remindedAt: null,
    systemEvent: entry.systemEvent,
    data: { eventId: String(event.id), ...entry.data },
    createdAt: now,
    updatedAt: now,
  };
  return insertSystemActivity(db, event.workspaceId, row);
}

export function subscribeSystemActivities(deps: AppDeps): void {
  for (const type of ['contact.stage_changed', 'contact.updated']) {
    deps.bus.subscribe(type, (event) => recordSystemEntry(deps.db, event).then(() => undefined));
  }
}
