/**
 * Writes companies in bulk inside the caller's transaction, each with the event the companies API
 * records for it: `company.created` with the new company, `company.updated` with the fields that
 * changed. A renamed company's contacts are found by its new name. Notes go to the companies'
 * timelines with their `activity.created` events, and one `company.imported` event per batch names
 * the import and the companies it wrote, as `contact.imported` does for contacts.
 */
import type { Ctx } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/db.js';
import { newId } from '../../platform/db/ids.js';
import { changes, recordEvents, type NewEvent } from '../../platform/events/event.js';
import { contactsOfCompany, setContactsSearchText } from '../companies/company.repo.js';
import { contactSearchText } from '../contacts/contact.service.js';
import { searchText } from '../shared/search-text.js';
import * as companyRepo from './company-import.repo.js';
import { changedFields, type CompanyPlan, type CompanyState } from './company.plan.js';
import { insertNotes } from './import.repo.js';
import { BATCH_SIZE } from './import.schema.js';

const searchTextOf = (company: CompanyState) => searchText([company.name, ...company.domains, company.industry]);

function imported(company: CompanyState, createdAt: Date, updatedAt: Date): companyRepo.ImportedCompany {
  const { id, name, domains, industry, size, ownerId, teamId, tags, custom } = company;
  return { id, name, domains, industry, size, ownerId, teamId, tags, custom, searchText: searchTextOf(company), createdAt, updatedAt };
}

/** The company as the companies API's events record it. */
const eventView = ({ searchText: _text, ...company }: companyRepo.ImportedCompany) => company;

/** A company a contacts import creates for the company its rows name: owned by the importer. */
export function newCompany(ctx: Ctx, name: string, domains: string[], now: Date): companyRepo.ImportedCompany {
  const company = {
    id: newId(),
    name,
    domains,
    industry: '',
    size: '' as const,
    ownerId: ctx.actor.userId,
    teamId: null,
    tags: [],
    custom: {},
  };
  return imported(company, now, now);
}

export function companyCreated(ctx: Ctx, company: companyRepo.ImportedCompany): NewEvent {
  return {
    workspaceId: ctx.workspaceId,
    type: 'company.created',
    subjectType: 'company',
    subjectId: company.id,
    actorId: ctx.actor.userId,
    data: { after: eventView(company) },
  };
}

/** Writes the plans, a batch at a time; `onBatch` hears how many rows of the file are written so far. */
export async function writeCompanies(
  ctx: Ctx,
  tx: Queryable,
  importId: string,
  plans: readonly CompanyPlan[],
  onBatch: (rows: number) => Promise<void>,
): Promise<void> {
  const now = new Date();
  let rows = 0;
  for (let offset = 0; offset < plans.length; offset += BATCH_SIZE) {
    const batch = plans.slice(offset, offset + BATCH_SIZE);
    const created = batch.filter((plan) => !plan.before).map((plan) => imported(plan, now, now));
    const changed = batch.filter((plan) => plan.before && changedFields(plan.before, plan).length > 0);
    const updated = changed.map((plan) => imported(plan, plan.before!.createdAt, now));
    await companyRepo.insertCompanies(tx, ctx.workspaceId, created);
    await companyRepo.updateCompanies(tx, ctx.workspaceId, updated);
    for (const plan of changed) {
      if (plan.name === plan.before!.name) continue;
      // Contacts are found by their company's name too; keep that in step with the rename.
      const contacts = await contactsOfCompany(tx, ctx.workspaceId, plan.id);
      const texts = contacts.map((c) => contactSearchText(c, plan.name));
      await setContactsSearchText(
        tx,
        ctx.workspaceId,
        contacts.map((c) => c.id),
        texts,
      );
    }
    const notes = batch.flatMap((plan) => plan.notes.map((body) => ({ id: newId(), contactId: null, companyId: plan.id, body })));
    await insertNotes(tx, ctx.workspaceId, ctx.actor.userId, notes);
    const event = (type: string, subjectId: string, data: Record<string, unknown>): NewEvent => ({
      workspaceId: ctx.workspaceId,
      type,
      subjectType: type === 'company.imported' ? 'import' : 'company',
      subjectId,
      actorId: ctx.actor.userId,
      data,
    });
    await recordEvents(tx, [
      ...created.map((company) => companyCreated(ctx, company)),
      ...updated.map((company, i) => {
        const { updatedAt: _b, ...before } = eventView(imported(changed[i]!.before!, changed[i]!.before!.createdAt, now));
        const { updatedAt: _a, ...after } = eventView(company);
        return event('company.updated', company.id, changes(before, after));
      }),
      event('company.imported', importId, { importId, count: batch.length, companyIds: batch.map((plan) => plan.id) }),
    ]);
    rows += batch.reduce((sum, plan) => sum + plan.rows, 0);
    await onBatch(rows);
  }
}
