/** Use cases for contacts. */
import type { Ctx } from '../../platform/context.js';
import type { Db, Queryable } from '../../platform/db/db.js';
import { newId } from '../../platform/db/ids.js';
import type { WritePartAt } from '../../platform/db/write-part.js';
import { changes, recordEvents } from '../../platform/events/event.js';
import { decodeRankedCursor, decodeSortedCursor, rankedCursor, sortedCursor } from '../shared/list-cursor.js';
import { forbidden, invalid, notFound, type FieldProblem } from '../../platform/http/errors.js';
import { checkCustomValues, mergeCustomValues } from '../custom-fields/custom-field.values.js';
import { fieldsFor } from '../custom-fields/custom-field.service.js';
import { isSearch, searchText } from '../shared/search-text.js';
import { dedupeTags } from '../shared/tags.js';
import * as repo from './contact.repo.js';
import type { Contact, ContactInput, ContactListQuery, PostalAddress } from './contact.schema.js';

export function displayNameOf(input: {
  firstName?: string;
  lastName?: string;
  emails?: { address: string }[];
  phones?: { number: string }[];
  socialHandles?: { handle: string }[];
}): string {
  const name = [input.firstName?.trim(), input.lastName?.trim()].filter(Boolean).join(' ');
  return name || input.emails?.[0]?.address || input.socialHandles?.[0]?.handle || input.phones?.[0]?.number || '';
}

/** Trimmed address parts, empty ones dropped; an address with no part left is no address. */
function compactAddress(address: PostalAddress | null): PostalAddress | null {
  if (!address) return null;
  const parts = Object.entries(address)
    .map(([part, value]) => [part, value?.trim() ?? ''] as const)
    .filter(([, value]) => value !== '');
  return parts.length ? (Object.fromEntries(parts) as PostalAddress) : null;
}

/**
 * A phone number as caller ID, a dialer or a pasted E.164 number writes it, for search: its digits
 * alone (`+1 (415) 555-0100` → 14155550100) and, when a country code is set apart, the international
 * number without a trunk 0 and the national one with and without it (4155550100, 04155550100). Its
 * parts as written are indexed too (`searchText`), so `555-0100` still finds it. Migration crm/015
 * computes the same in SQL.
 */
export function phoneSearchForms(number: string): string[] {
  const forms = [number.replace(/\D/g, '')];
  const [, country, rest] = /^\s*(?:\+|00)(\d{1,3})\D+(.*)$/.exec(number) ?? [];
  const national = rest?.replace(/\D/g, '').replace(/^0+/, '');
  // `+44 (0)20 …` dialled from abroad is +4420…, without the trunk 0 it shows.
  if (national) forms.push(`${country}${national}`, national, `0${national}`);
  return [...new Set(forms)].filter((form) => form.length > 0);
}

/** What search finds a contact by; also rebuilt by companies when a company is renamed or deleted. */
export function contactSearchText(
  contact: Pick<ContactInput, 'firstName' | 'lastName' | 'title'> & {
    emails: readonly { address: string }[];
    phones: readonly { number: string }[];
    socialHandles: readonly { handle: string }[];
  },
  companyName: string | null,
): string {
  return searchText([
    contact.firstName,
    contact.lastName,
    contact.title,
    companyName,
    ...contact.emails.map((e) => e.address),
    ...contact.phones.map((p) => p.number),
    ...contact.socialHandles.map((h) => h.handle),
    ...contact.phones.flatMap((p) => phoneSearchForms(p.number)),
  ]);
}

function toRow(id: string, input: Required<ContactInput>, createdAt: Date, companyName: string | null): repo.ContactRow {
  const firstName = input.firstName.trim();
  const lastName = input.lastName.trim();
  const emails = input.emails.map((e) => ({ ...e, address: e.address.trim().toLowerCase() }));
  return {
    id,
    firstName,
    lastName,
    displayName: displayNameOf({ ...input, emails }),
    title: input.title.trim(),
    emails,
    phones: input.phones,
    socialHandles: input.socialHandles,
    companyId: input.companyId,
    ownerId: input.ownerId,
    teamId: input.teamId,
    lifecycleStage: input.lifecycleStage,
    tags: dedupeTags(input.tags),
    custom: input.custom as Record<string, unknown>,
    importantDates: input.importantDates,
    address: compactAddress(input.address),
    searchText: contactSearchText({ ...input, firstName, lastName, emails }, companyName),
    createdAt,
    updatedAt: new Date(),
  };
}

/** Checks what the JSON schema cannot: references to other records, and custom field values. */
async function checkReferences(
  ctx: Ctx,
  db: Queryable,
  input: ContactInput,
  mergedCustom: Record<string, unknown>,
  checkCompany: boolean,
  storedCustom: Record<string, unknown> = {},
): Promise<void> {
  const problems: FieldProblem[] = [];
  if (!displayNameOf(input)) {
    problems.push({ field: 'firstName', reason: 'a contact needs a name, an e-mail, a phone or a social handle' });
  }
  if (input.custom) {
    problems.push(...checkCustomValues(await fieldsFor(db, ctx.workspaceId, 'contact'), input.custom, mergedCustom, storedCustom));
  }
  if (input.ownerId && input.ownerId !== ctx.actor.userId && !(await repo.memberExists(db, ctx.workspaceId, input.ownerId))) {
    problems.push({ field: 'ownerId', reason: 'is not a member of this workspace' });
  }
  if (input.teamId && !(await repo.teamExists(db, ctx.workspaceId, input.teamId))) {
    problems.push({ field: 'teamId', reason: 'is not a team of this workspace' });
  }
  if (checkCompany && input.companyId && !(await repo.companyExists(db, ctx.workspaceId, input.companyId))) {
    problems.push({ field: 'companyId', reason: 'is not a company of this workspace' });
  }
  if (problems.length) throw invalid(problems);
}

/** A member limited to their own records may only create records they own (or their team's). */
function checkOwnership(ctx: Ctx, ownerId: string | null, teamId: string | null) {
  const { actor } = ctx;
  if (actor.recordScope === 'all' || actor.kind === 'system') return;
  if (ownerId === actor.userId) return;
  if (actor.recordScope === 'team' && teamId && actor.teamIds.includes(teamId)) return;
  throw forbidden('You can only keep contacts you own' + (actor.recordScope === 'team' ? ' or your teams own' : ''));
}

export function withDefaults(ctx: Ctx, input: ContactInput): Required<ContactInput> {
  return {
    firstName: input.firstName ?? '',
    lastName: input.lastName ?? '',
    title: input.title ?? '',
    emails: input.emails ?? [],
    phones: input.phones ?? [],
    socialHandles: input.socialHandles ?? [],
    companyId: input.companyId ?? null,
    ownerId: input.ownerId === undefined ? ctx.actor.userId : input.ownerId,
    teamId: input.teamId ?? null,
    lifecycleStage: input.lifecycleStage ?? 'lead',
    tags: input.tags ?? [],
    custom: mergeCustomValues({}, input.custom ?? {}) as Required<ContactInput>['custom'],
    importantDates: input.importantDates ?? [],
    address: input.address ?? null,
  };
}

export async function createContact(ctx: Ctx, input: ContactInput): Promise<Contact> {
  const full = withDefaults(ctx, input);
  checkOwnership(ctx, full.ownerId, full.teamId);
  await checkReferences(ctx, ctx.db, input, full.custom as Record<string, unknown>, false);
  const row = toRow(newId(), full, new Date(), null);
  const created = await repo.insertContact(ctx, row, full.companyId !== null);
  if (!created) throw invalid([{ field: 'companyId', reason: 'is not a company of this workspace' }]);
  if (created.companyName) {
    // The company's name is part of what search finds; store it now that we know it, where an update puts it.
    row.searchText = contactSearchText(
      { ...full, firstName: row.firstName, lastName: row.lastName, emails: row.emails },
      created.companyName,
    );
    await ctx.db.query('UPDATE contacts SET search_text = $3 WHERE workspace_id = $1 AND id = $2', [
      ctx.workspaceId,
      row.id,
      row.searchText,
    ]);
  }
  return created;
}

/** Rows for new contacts without a company, each checked as `createContact` checks one. */
async function newContactRows(ctx: Ctx, inputs: readonly Omit<ContactInput, 'companyId'>[]): Promise<repo.ContactRow[]> {
  const now = new Date();
  const rows: repo.ContactRow[] = [];
  for (const input of inputs) {
    const full = withDefaults(ctx, input);
    checkOwnership(ctx, full.ownerId, full.teamId);
    await checkReferences(ctx, ctx.db, input, full.custom as Record<string, unknown>, false);
    rows.push(toRow(newId(), full, now, null));
  }
  return rows;
}

/** Creates many contacts without a company at once: one statement for all of them and their events. */
export async function createContacts(ctx: Ctx, inputs: readonly Omit<ContactInput, 'companyId'>[]): Promise<Contact[]> {
  return repo.insertContactRows(ctx, await newContactRows(ctx, inputs));
}

/** A contact a caller's statement is about to insert, as it will be stored. */
export type NewContact = Readonly<repo.ContactRow>;

/**
 * New contacts without a company as one part of a caller's statement (matching on arrival writes
 * a new sender's contact with its keys and link in one round trip), checked as `createContacts`
 * checks them; the rows are returned as they will be stored.
 */
export async function contactsWrite(
  ctx: Ctx,
  inputs: readonly Omit<ContactInput, 'companyId'>[],
): Promise<{ contacts: NewContact[]; write: WritePartAt }> {
  const rows = await newContactRows(ctx, inputs);
  return { contacts: rows, write: repo.contactRowsWrite(ctx, rows) };
}

export async function getContact(ctx: Ctx, id: string): Promise<Contact> {
  const contact = await repo.findContact(ctx, id);
  if (!contact) throw notFound('Contact');
  return contact;
}

/** The contact if the actor may see it, locked until the caller's transaction ends. */
export async function lockContact(ctx: Ctx, tx: Queryable, id: string): Promise<Contact | null> {
  return repo.findContact(ctx, id, tx, true);
}

export async function updateContact(ctx: Ctx, db: Db, id: string, patch: ContactInput): Promise<Contact> {
  return db.transaction((tx) => updateContactInTransaction(ctx, tx, id, patch));
}

/** The update inside a caller's transaction: merges change a contact together with other rows. */
export async function updateContactInTransaction(ctx: Ctx, tx: Queryable, id: string, patch: ContactInput): Promise<Contact> {
  const before = await repo.findContact(ctx, id, tx, true);
  if (!before) throw notFound('Contact');
  const merged: Required<ContactInput> = {
    firstName: patch.firstName ?? before.firstName,
    lastName: patch.lastName ?? before.lastName,
    title: patch.title ?? before.title,
    emails: (patch.emails ?? before.emails) as Required<ContactInput>['emails'],
    phones: patch.phones ?? before.phones,
    socialHandles: (patch.socialHandles ?? before.socialHandles) as Required<ContactInput>['socialHandles'],
    companyId: patch.companyId === undefined ? before.companyId : patch.companyId,
    ownerId: patch.ownerId === undefined ? before.ownerId : patch.ownerId,
    teamId: patch.teamId === undefined ? before.teamId : patch.teamId,
    lifecycleStage: (patch.lifecycleStage ?? before.lifecycleStage) as Required<ContactInput>['lifecycleStage'],
    tags: patch.tags ?? before.tags,
    custom: mergeCustomValues(before.custom, patch.custom ?? {}) as Required<ContactInput>['custom'],
    importantDates: (patch.importantDates ?? before.importantDates) as Required<ContactInput>['importantDates'],
    address: patch.address === undefined ? before.address : patch.address,
  };
  checkOwnership(ctx, merged.ownerId, merged.teamId);
  await checkReferences(
    ctx,
    tx,
    {
      ...patch,
      firstName: merged.firstName,
      lastName: merged.lastName,
      emails: merged.emails,
      phones: merged.phones,
      socialHandles: merged.socialHandles,
    },
    merged.custom as Record<string, unknown>,
    patch.companyId !== undefined,
    before.custom,
  );
  let companyName = before.companyName;
  if (patch.companyId !== undefined) {
    const { rows } = await tx.query<{ name: string }>('SELECT name FROM companies WHERE workspace_id = $1 AND id = $2', [
      ctx.workspaceId,
      merged.companyId,
    ]);
    companyName = rows[0]?.name ?? null;
  }
  const row = toRow(id, merged, new Date(before.createdAt), companyName);
  await repo.updateContactRow(tx, ctx.workspaceId, row);
  const after = (await repo.findContact(ctx, id, tx))!;
  const { updatedAt: _b, ...beforeFields } = before;
  const { updatedAt: _a, ...afterFields } = after;
  const diff = changes(beforeFields, afterFields);
  const events = [
    {
      workspaceId: ctx.workspaceId,
      type: 'contact.updated',
      subjectType: 'contact',
      subjectId: id,
      actorId: ctx.actor.userId,
      data: diff,
    },
  ];
  if (before.lifecycleStage !== after.lifecycleStage) {
    events.push({
      workspaceId: ctx.workspaceId,
      type: 'contact.stage_changed',
      subjectType: 'contact',
      subjectId: id,
      actorId: ctx.actor.userId,
      data: { before: { lifecycleStage: before.lifecycleStage }, after: { lifecycleStage: after.lifecycleStage } },
    });
  }
  await recordEvents(tx, events);
  return after;
}

export async function deleteContact(ctx: Ctx, db: Db, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await repo.findContact(ctx, id, tx, true);
    if (!before) throw notFound('Contact');
    await repo.deleteContactRow(tx, ctx.workspaceId, id);
    await recordEvents(tx, [
      {
        workspaceId: ctx.workspaceId,
        type: 'contact.deleted',
        subjectType: 'contact',
        subjectId: id,
        actorId: ctx.actor.userId,
        data: { before },
      },
    ]);
  });
}

/**
 * A page of the list: ranked by relevance for a search without a sort, else in its sort order.
 * Either way the cursor pages through every record, and is taken back only in the same order.
 */
export async function listContacts(ctx: Ctx, query: ContactListQuery) {
  const limit = query.limit ?? 50;
  if (isSearch(query.q) && !query.sort) {
    const page = await repo.searchContacts(ctx, query, decodeRankedCursor(query.cursor, query.q), limit);
    return { data: page.rows, nextCursor: page.next && rankedCursor(query.q, page.next) };
  }
  const sort = query.sort ?? 'name';
  const kind = sort.endsWith('name') ? 'text' : 'instant';
  const result = await repo.listContacts(ctx, query, decodeSortedCursor(query.cursor, sort, kind), limit);
  const last = result.rows[result.rows.length - 1];
  return {
    data: result.rows,
    nextCursor: result.hasMore && last ? sortedCursor(sort, { v: result.cursorValue(last), id: last.id }) : null,
  };
}
