/** Use cases of the customer 360 timeline: a contact's, and a company's (its own entries and its contacts'). */
import { getCompany, getContact, recordScope } from '../crm/index.js';
import type { Ctx } from '../platform/context.js';
import { decodeInstant, encodeInstant } from '../inbox/index.js';
import { plainPreview } from './plain-text.js';
import * as repo from './timeline.repo.js';
import { ACTIVITY_KINDS, TIMELINE_KINDS, type TimelineItem, type TimelineKind, type TimelineQuery } from './timeline.schema.js';

/** Enough to recognise a message or mention; the whole text is one click away, in its conversation. */
export const PREVIEW_CHARS = 300;

/**
 * Notes, calls, meetings, tasks and logged e-mails are shown whole and as written: they are plain text
 * people typed (a note saying "seats <50" is not markup), and the timeline is where they are read.
 */
const typedByPeople: ReadonlySet<TimelineKind> = new Set(ACTIVITY_KINDS);

function kindsOf(query: TimelineQuery): Set<TimelineKind> {
  if (!query.kinds) return new Set(TIMELINE_KINDS);
  return new Set(query.kinds.split(',') as TimelineKind[]);
}

/** Task times come back inside JSON as Postgres writes them; the API writes every instant the same way. */
const instant = (value: string | null) => (value === null ? null : new Date(value).toISOString());

async function page(ctx: Ctx, contactIds: string[], companyId: string | null, query: TimelineQuery) {
  const kinds = kindsOf(query);
  const limit = query.limit ?? 50;
  const before = decodeInstant(query.cursor);
  const rows = await repo.timelinePage(ctx.db, ctx.workspaceId, ctx.actor, {
    contactIds,
    companyId,
    activityKinds: ACTIVITY_KINDS.filter((k) => kinds.has(k)),
    messages: kinds.has('message'),
    mentions: kinds.has('mention'),
    network: query.network ?? null,
    before: before ? { at: before.at, id: before.id } : null,
    limit,
  });
  const items: TimelineItem[] = rows.slice(0, limit).map((row) => ({
    ...row,
    task: row.task && { ...row.task, dueAt: instant(row.task.dueAt), doneAt: instant(row.task.doneAt) },
    ...(typedByPeople.has(row.kind)
      ? { title: row.title ?? '', body: row.body ?? '' }
      : { title: plainPreview(row.title ?? '', PREVIEW_CHARS), body: plainPreview(row.body ?? '', PREVIEW_CHARS) }),
  }));
  const last = items.at(-1);
  return { data: items, nextCursor: rows.length > limit && last ? encodeInstant(last.occurredAt, last.id) : null };
}

export async function contactTimeline(ctx: Ctx, contactId: string, query: TimelineQuery) {
  await getContact(ctx, contactId);
  return page(ctx, [contactId], null, query);
}

export async function companyTimeline(ctx: Ctx, companyId: string, query: TimelineQuery) {
  await getCompany(ctx, companyId);
  const contactIds = await repo.visibleCompanyContacts(ctx.db, ctx.workspaceId, companyId, (alias, params) =>
    recordScope(ctx.actor, alias, params),
  );
  return page(ctx, contactIds, companyId, query);
}
