/**
 * Writes validated contacts in bulk inside the caller's transaction: the companies they name
 * (found by domain or name, or created), then the contacts in batches of 5,000, each batch one
 * INSERT over unnested arrays (COPY on PostgreSQL), and the notes the rows hold on their timelines. One
 * `contact.imported` event per batch lists the batch's contact ids — the outbox stays small for big
 * files, and subscribers still learn every new id. Each note has its own `activity.created`, as a
 * note logged through the API does, written with the batch's notes in the same statement.
 */
import type { Ctx } from '../../platform/context.js';
import type { Db, Queryable } from '../../platform/db/db.js';
import { newId } from '../../platform/db/ids.js';
import { recordEvents } from '../../platform/events/event.js';
import { normaliseDomain } from '../companies/company.domains.js';
import { contactSearchText, displayNameOf } from '../contacts/contact.service.js';
import { dedupeTags } from '../shared/tags.js';
import * as companyRepo from './company-import.repo.js';
import { CompanyIndex } from './company.match.js';
import { companyCreated, newCompany } from './company.writer.js';
import * as repo from './import.repo.js';
import { BATCH_SIZE } from './import.schema.js';
import type { ValidDraft } from './import.validate.js';

function pgArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}

/** A company cell that is a hostname (`acme.example`) may be a company's domain: it is looked up as one first. */
const domainInName = (name: string) => (name.includes('.') ? normaliseDomain(name) : null);

/**
 * Finds the company each row names by its domain or name, as a companies import finds them (see
 * company.match.ts), and creates those not found: named by the row's company (else its domain),
 * with the row's company domain, owned by the importer. Returns each row's company, and how many
 * were new.
 */
async function resolveCompanies(ctx: Ctx, tx: Queryable, rows: readonly ValidDraft[]) {
  const named = rows.map((row) => {
    // A row whose company was found by its id (see import.service.ts) needs no lookup.
    if (row.input.companyId) return null;
    const name = row.companyName?.trim() || null;
    const domain = row.companyDomain;
    return name || domain ? { name, domain, nameDomain: !domain && name ? domainInName(name) : null } : null;
  });
  const wanted = named.filter((n) => n !== null);
  const resolved: ({ id: string; name: string } | null)[] = rows.map(() => null);
  if (wanted.length === 0) return { resolved, created: 0 };
  const known = await companyRepo.companiesToMatch(tx, ctx.workspaceId, {
    domains: wanted.flatMap((n) => [n.domain, n.nameDomain].filter((d) => d !== null)),
    lowerNames: wanted.flatMap((n) => (n.name ? [n.name.toLowerCase()] : [])),
  });
  const index = new CompanyIndex<{ id: string; name: string; domains: string[] }>(known);
  const now = new Date();
  const created: companyRepo.ImportedCompany[] = [];
  for (const [i, wish] of named.entries()) {
    if (!wish) continue;
    const domains = wish.domain ? [wish.domain] : [];
    const match = (wish.nameDomain ? index.find({ domains: [wish.nameDomain] }) : null) ?? index.find({ domains, name: wish.name });
    if (match) {
      // Found by its domain, the contact is searched by the company's own name; by name, as the row spells it (as ever).
      resolved[i] = { id: match.company.id, name: match.by === 'name' ? (wish.name ?? match.company.name) : match.company.name };
      continue;
    }
    const name = wish.name ?? wish.domain!;
    const company = newCompany(ctx, name, domains, now);
    created.push(company);
    index.add(company);
    resolved[i] = { id: company.id, name };
  }
  await companyRepo.insertCompanies(tx, ctx.workspaceId, created);
  await recordEvents(
    tx,
    created.map((company) => companyCreated(ctx, company)),
  );
  return { resolved, created: created.length };
}

function toImported(row: ValidDraft, companyId: string | null, companyName: string | null): repo.ImportedContact {
  const { input } = row;
  const firstName = input.firstName.trim();
  const lastName = input.lastName.trim();
  const emails = input.emails.map((e) => ({ ...e, address: e.address.trim().toLowerCase() }));
  return {
    id: newId(),
    firstName,
    lastName,
    displayName: displayNameOf({ ...input, emails }),
    title: input.title.trim(),
    emails: JSON.stringify(emails),
    phones: JSON.stringify(input.phones),
    socialHandles: JSON.stringify(input.socialHandles),
    companyId,
    ownerId: input.ownerId,
    teamId: input.teamId,
    lifecycleStage: input.lifecycleStage,
    tags: pgArray(dedupeTags(input.tags)),
    custom: JSON.stringify(input.custom),
    importantDates: JSON.stringify(input.importantDates),
    address: input.address ? JSON.stringify(input.address) : null,
    searchText: contactSearchText({ ...input, firstName, lastName, emails }, companyName),
  };
}

export async function writeContacts(
  ctx: Ctx,
  db: Db,
  tx: Queryable,
  importId: string,
  rows: readonly ValidDraft[],
  onBatch: (written: number) => Promise<void>,
): Promise<{ imported: number; companiesCreated: number }> {
  const companies = await resolveCompanies(ctx, tx, rows);
  let written = 0;
  for (let offset = 0; offset < rows.length; offset += BATCH_SIZE) {
    const batch = rows.slice(offset, offset + BATCH_SIZE).map((row, i) => {
      const company = companies.resolved[offset + i];
      if (company) return toImported(row, company.id, company.name);
      return toImported(row, row.input.companyId, row.companyName?.trim() || null);
    });
    // PostgreSQL loads fastest through COPY; PGlite cannot COPY inside a transaction (its blob
    // option does not reach the transaction's query), and inserts over unnested arrays are as fast there.
    if (db.kind === 'postgres') await repo.copyContacts(db, tx, ctx.workspaceId, batch);
    else await repo.insertContacts(tx, ctx.workspaceId, batch);
    const notes = batch.flatMap((contact, i) =>
      rows[offset + i]!.notes.map((body) => ({ id: newId(), contactId: contact.id, companyId: null, body })),
    );
    await repo.insertNotes(tx, ctx.workspaceId, ctx.actor.userId, notes);
    await recordEvents(tx, [
      {
        workspaceId: ctx.workspaceId,
        type: 'contact.imported',
        subjectType: 'import',
        subjectId: importId,
        actorId: ctx.actor.userId,
        data: { importId, count: batch.length, contactIds: batch.map((c) => c.id) },
      },
    ]);
    written += batch.length;
    await onBatch(written);
  }
  return { imported: written, companiesCreated: companies.created };
}
