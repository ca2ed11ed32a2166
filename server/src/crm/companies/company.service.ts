/** Use cases for companies. */
import type { Ctx } from '../../platform/context.js';
import type { Db, Queryable } from '../../platform/db/db.js';
import { newId } from '../../platform/db/ids.js';
import { changes, recordEvents } from '../../platform/events/event.js';
import { blank, type FieldProblem, invalid, notFound } from '../../platform/http/errors.js';
import { checkCustomValues, mergeCustomValues } from '../custom-fields/custom-field.values.js';
import { fieldsFor } from '../custom-fields/custom-field.service.js';
import { memberExists, teamExists } from '../contacts/contact.repo.js';
import { contactSearchText } from '../contacts/contact.service.js';
import { deleteActivitiesOnlyOfCompany } from '../activities/activity.repo.js';
import { decodeRankedCursor, decodeSortedCursor, rankedCursor, sortedCursor } from '../shared/list-cursor.js';
import { isSearch, searchText } from '../shared/search-text.js';
import { dedupeTags } from '../shared/tags.js';
import { normaliseDomains } from './company.domains.js';
import { checkCompanyOwnership } from './company.policy.js';
import * as repo from './company.repo.js';
import type { Company, CompanyInput, CompanyListQuery, CompanyPatch, CompanySize } from './company.schema.js';

interface CompanyFields {
  name: string;
  domains: string[];
  industry: string;
  size: CompanySize;
  ownerId: string | null;
  teamId: string | null;
  tags: string[];
  custom: Record<string, unknown>;
}

/**
 * Checks what the JSON schema cannot (a non-blank name, hostnames, custom values, references to
 * members and teams) and returns the fields in their stored form.
 */
async function prepare(
  ctx: Ctx,
  db: Queryable,
  fields: CompanyFields,
  patch: Partial<CompanyFields> & { custom?: Record<string, unknown> },
  stored: Record<string, unknown> = {},
): Promise<CompanyFields> {
  const problems: FieldProblem[] = [];
  const name = fields.name.trim();
  if (!name) problems.push(blank('name'));
  const { domains, problems: domainProblems } = normaliseDomains(fields.domains);
  problems.push(...domainProblems);
  if (patch.custom) {
    problems.push(...checkCustomValues(await fieldsFor(db, ctx.workspaceId, 'company'), patch.custom, fields.custom, stored));
  }
  if (patch.ownerId && patch.ownerId !== ctx.actor.userId && !(await memberExists(db, ctx.workspaceId, patch.ownerId))) {
    problems.push({ field: 'ownerId', reason: 'is not a member of this workspace' });
  }
  if (patch.teamId && !(await teamExists(db, ctx.workspaceId, patch.teamId))) {
    problems.push({ field: 'teamId', reason: 'is not a team of this workspace' });
  }
  if (problems.length) throw invalid(problems);
  checkCompanyOwnership(ctx, fields.ownerId, fields.teamId);
  return { ...fields, name, domains, industry: fields.industry.trim(), tags: dedupeTags(fields.tags) };
}

function toRow(id: string, fields: CompanyFields, createdAt: Date): repo.CompanyRow {
  return {
    id,
    ...fields,
    searchText: searchText([fields.name, ...fields.domains, fields.industry]),
    createdAt,
    updatedAt: new Date(),
  };
}

/** The company as events record it: without the caller-specific contact count. */
function eventView(company: Company): Omit<Company, 'contactCount'> {
  const { contactCount: _count, ...rest } = company;
  return rest;
}

export async function createCompany(ctx: Ctx, db: Db, input: CompanyInput): Promise<Company> {
  return db.transaction(async (tx) => {
    const fields = await prepare(
      ctx,
      tx,
      {
        name: input.name,
        domains: input.domains ?? [],
        industry: input.industry ?? '',
        size: input.size ?? '',
        ownerId: input.ownerId === undefined ? ctx.actor.userId : input.ownerId,
        teamId: input.teamId ?? null,
        tags: input.tags ?? [],
        custom: mergeCustomValues({}, input.custom ?? {}),
      },
      input,
    );
    const id = newId();
    await repo.insertCompany(tx, ctx.workspaceId, toRow(id, fields, new Date()));
    const created = (await repo.findCompany(ctx, id, tx))!;
    await recordEvents(tx, [
      {
        workspaceId: ctx.workspaceId,
        type: 'company.created',
        subjectType: 'company',
        subjectId: id,
        actorId: ctx.actor.userId,
        data: { after: eventView(created) },
      },
    ]);
    return created;
  });
}

export async function getCompany(ctx: Ctx, id: string): Promise<Company> {
  const company = await repo.findCompany(ctx, id);
  if (!company) throw notFound('Company');
  return company;
}

export async function updateCompany(ctx: Ctx, db: Db, id: string, patch: CompanyPatch): Promise<Company> {
  return db.transaction(async (tx) => {
    const before = await repo.findCompany(ctx, id, tx, true);
    if (!before) throw notFound('Company');
    const fields = await prepare(
      ctx,
      tx,
      {
        name: patch.name ?? before.name,
        domains: patch.domains ?? before.domains,
        industry: patch.industry ?? before.industry,
        size: patch.size ?? before.size,
        ownerId: patch.ownerId === undefined ? before.ownerId : patch.ownerId,
        teamId: patch.teamId === undefined ? before.teamId : patch.teamId,
        tags: patch.tags ?? before.tags,
        custom: mergeCustomValues(before.custom, patch.custom ?? {}),
      },
      patch,
      before.custom,
    );
    await repo.updateCompanyRow(tx, ctx.workspaceId, toRow(id, fields, new Date(before.createdAt)));
    if (fields.name !== before.name) {
      // Contacts are found by their company's name too; keep that in step with the rename.
      const contacts = await repo.contactsOfCompany(tx, ctx.workspaceId, id);
      await repo.setContactsSearchText(
        tx,
        ctx.workspaceId,
        contacts.map((c) => c.id),
        contacts.map((c) => contactSearchText(c, fields.name)),
      );
    }
    // Still visible to the actor: checkCompanyOwnership refused handing it out of their reach.
    const after = (await repo.findCompany(ctx, id, tx))!;
    const { updatedAt: _b, ...beforeFields } = eventView(before);
    const { updatedAt: _a, ...afterFields } = eventView(after);
    await recordEvents(tx, [
      {
        workspaceId: ctx.workspaceId,
        type: 'company.updated',
        subjectType: 'company',
        subjectId: id,
        actorId: ctx.actor.userId,
        data: changes(beforeFields, afterFields),
      },
    ]);
    return after;
  });
}

/**
 * Deletes the company. Its contacts stay, without a company; activities logged only against the
 * company go with it, and those also about a contact keep their contact (the foreign key clears
 * their company).
 */
export async function deleteCompany(ctx: Ctx, db: Db, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await repo.findCompany(ctx, id, tx, true);
    if (!before) throw notFound('Company');
    const contacts = await repo.contactsOfCompany(tx, ctx.workspaceId, id);
    const detachedContactIds = contacts.map((c) => c.id);
    await repo.detachContacts(
      tx,
      ctx.workspaceId,
      detachedContactIds,
      contacts.map((c) => contactSearchText(c, null)),
      new Date(),
    );
    const deletedActivities = await deleteActivitiesOnlyOfCompany(tx, ctx.workspaceId, id);
    await repo.deleteCompanyRow(tx, ctx.workspaceId, id);
    await recordEvents(tx, [
      {
        workspaceId: ctx.workspaceId,
        type: 'company.deleted',
        subjectType: 'company',
        subjectId: id,
        actorId: ctx.actor.userId,
        data: { before: eventView(before), detachedContactIds, deletedActivities },
      },
    ]);
  });
}

/**
 * A page of the list: ranked by relevance for a search without a sort, else in its sort order.
 * Either way the cursor pages through every record, and is taken back only in the same order.
 */
export async function listCompanies(ctx: Ctx, query: CompanyListQuery) {
  const limit = query.limit ?? 50;
  if (isSearch(query.q) && !query.sort) {
    const page = await repo.searchCompanies(ctx, query, decodeRankedCursor(query.cursor, query.q), limit);
    return { data: page.rows, nextCursor: page.next && rankedCursor(query.q, page.next) };
  }
  const sort = query.sort ?? 'name';
  const kind = sort.endsWith('name') ? 'text' : 'instant';
  const result = await repo.listCompanies(ctx, query, decodeSortedCursor(query.cursor, sort, kind), limit);
  const last = result.rows[result.rows.length - 1];
  return {
    data: result.rows,
    nextCursor: result.hasMore && last ? sortedCursor(sort, { v: repo.cursorValueOf(sort, last), id: last.id }) : null,
  };
}
