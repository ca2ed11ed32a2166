/**
 * Writes validated contacts in bulk inside the caller's transaction: the companies they name
 * (found by name or created), then the contacts in batches of 5,000, each batch one INSERT over
 * unnested arrays (COPY on PostgreSQL), and the notes the rows hold on their timelines. One
 * `contact.imported` event per batch lists the batch's contact ids — the outbox stays small for big
 * files, and subscribers still learn every new id. Each note has its own `activity.created`, as a
 * note logged through the API does, written with the batch's notes in the same statement.
 */
import type { Ctx } from '../../platform/context.js';
import type { Db, Queryable } from '../../platform/db/db.js';
import { newId } from '../../platform/db/ids.js';
import { recordEvents } from '../../platform/events/event.js';
import { contactSearchText, displayNameOf } from '../contacts/contact.service.js';
import { searchText } from '../shared/search-text.js';
import { dedupeTags } from '../shared/tags.js';
import * as repo from './import.repo.js';
import type { ValidDraft } from './import.validate.js';

export const BATCH_SIZE = 5000;

function pgArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}

/** Finds or creates the companies the rows name; returns lower-cased name → id, and how many were new. */
async function resolveCompanies(ctx: Ctx, tx: Queryable, rows: readonly ValidDraft[]) {
  const names = new Map<string, string>();
  for (const row of rows) {
    // A row whose company was found by its id (see import.service.ts) needs no lookup by name.
    if (row.input.companyId) continue;
    const name = row.companyName?.trim();
    if (name && !names.has(name.toLowerCase())) names.set(name.toLowerCase(), name);
  }
  if (names.size === 0) return { ids: new Map<string, string>(), created: 0 };
  const ids = await repo.companiesByName(tx, ctx.workspaceId, [...names.keys()]);
  const missing = [...names].filter(([key]) => !ids.has(key)).map(([key, name]) => ({ key, id: newId(), name }));
  await repo.insertCompanies(
    tx,
    ctx.workspaceId,
    ctx.actor.userId,
    missing.map(({ id, name }) => ({ id, name, searchText: searchText([name]) })),
  );
  for (const company of missing) ids.set(company.key, company.id);
  return { ids, created: missing.length };
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
    const batch = rows.slice(offset, offset + BATCH_SIZE).map((row) => {
      const name = row.companyName?.trim() || null;
      const companyId = row.input.companyId ?? (name ? (companies.ids.get(name.toLowerCase()) ?? null) : null);
      return toImported(row, companyId, name);
    });
    // PostgreSQL loads fastest through COPY; PGlite cannot COPY inside a transaction (its blob
    // option does not reach the transaction's query), and inserts over unnested arrays are as fast there.
    if (db.kind === 'postgres') await repo.copyContacts(db, tx, ctx.workspaceId, batch);
    else await repo.insertContacts(tx, ctx.workspaceId, batch);
    const notes = batch.flatMap((contact, i) => rows[offset + i]!.notes.map((body) => ({ id: newId(), contactId: contact.id, body })));
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
