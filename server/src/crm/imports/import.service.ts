/**
 * Use cases for contact imports. `importContacts` is the whole import in one call (the CLI and the
 * benchmark use it directly); the HTTP flow splits it into upload → mapping → a durable job.
 */
import type { Ctx } from '../../platform/context.js';
import type { Db, Queryable } from '../../platform/db/db.js';
import { newId } from '../../platform/db/ids.js';
import { enqueueJob } from '../../platform/jobs/job.js';
import { RapportError, invalid, notFound } from '../../platform/http/errors.js';
import { ROLE_RANK } from '../../platform/context.js';
import { fieldsFor } from '../custom-fields/custom-field.service.js';
import type { ContactDraft } from './import.draft.js';
import type { Mapping } from './import.mapping.js';
import { checkFileMapping, readImportFile } from './import.reader.js';
import * as repo from './import.repo.js';
import { MAX_REPORTED_ERRORS, type ImportDraft, type ImportFormat, type ImportReport, type ImportView } from './import.schema.js';
import { validateDraft, type RowProblem, type ValidDraft } from './import.validate.js';
import { writeContacts } from './import.writer.js';
import { runImportJob } from './import.job.js';

export interface ImportOptions {
  format: ImportFormat;
  content: string;
  /** Column → target; the suggested mapping when left out. */
  mapping?: Mapping;
  /** Write the valid rows even when some are rejected (otherwise nothing is written). */
  allowPartial: boolean;
  /** Names the import in events; a new id when left out. */
  importId?: string;
  /** Called between batches with the rows handled so far. */
  onProgress?: (processed: number, total: number) => Promise<void>;
  /** Runs with the outcome: inside the write transaction when rows were written, so both commit together. */
  onFinish?: (db: Queryable, report: ImportReport) => Promise<void>;
}

type Owners = Awaited<ReturnType<typeof repo.ownerIds>>;

/** What the report says of a file's id: quoted, and cut short if it is long (a file may hold anything there). */
const quoted = (value: string) => `"${value.slice(0, 40)}"`;

/**
 * Keeps the owner and team a row names when they are this workspace's. A file from another
 * workspace names members and teams that are not here, and a member limited to their own records
 * may only import contacts they own: those contacts are the importer's, in no team, and the
 * report lists the owner or team left out. An owner or team given as none is kept as none.
 */
function withOwnership(ctx: Ctx, valid: ValidDraft, draft: ContactDraft, owners: Owners): ValidDraft {
  const { ownerId, teamId } = draft.references;
  const skip = (field: 'ownerId' | 'teamId', reason: string) => draft.skipped.push({ field: draft.sources[field] ?? field, reason });
  const restricted = ctx.actor.recordScope !== 'all' && ctx.actor.kind !== 'system';
  if (ownerId === null && !restricted) valid.input.ownerId = null;
  else if (ownerId && ownerId.toLowerCase() !== ctx.actor.userId) {
    if (restricted) skip('ownerId', `${quoted(ownerId)} is not you; you can only import contacts you own`);
    else if (owners.members.has(ownerId.toLowerCase())) valid.input.ownerId = ownerId.toLowerCase();
    else {
      const instead = ctx.actor.userId ? "the contact is the importer's" : 'the contact has no owner';
      skip('ownerId', `${quoted(ownerId)} is not a member of this workspace; ${instead}`);
    }
  }
  if (teamId && owners.teams.has(teamId.toLowerCase())) valid.input.teamId = teamId.toLowerCase();
  else if (teamId) skip('teamId', `${quoted(teamId)} is not a team of this workspace; the contact has no team`);
  return valid;
}

/**
 * Keeps the company a row names by id when it is this workspace's, whatever its name is now (two
 * companies may share one). Otherwise the company is found or created by the row's company name,
 * and when the row has none, the report lists the id left out. One query for the whole file.
 */
async function withCompanies(ctx: Ctx, db: Db, named: readonly { valid: ValidDraft; draft: ContactDraft }[], skipped: RowProblem[]) {
  if (named.length === 0) return;
  const ids = named.map(({ draft }) => draft.references.companyId!.toLowerCase());
  const companies = await repo.companyNamesById(db, ctx.workspaceId, ids);
  for (const [i, { valid, draft }] of named.entries()) {
    const name = companies.get(ids[i]!);
    if (name !== undefined) {
      valid.input.companyId = ids[i]!;
      valid.companyName = name;
    } else if (!valid.companyName && skipped.length < MAX_REPORTED_ERRORS) {
      const reason = `${quoted(draft.references.companyId!)} is not a company of this workspace, and the row names none; not imported`;
      skipped.push({ row: draft.row, field: draft.sources.companyId ?? 'companyId', reason });
    }
  }
  // The report lists what was left out row by row.
  skipped.sort((a, b) => a.row - b.row);
}

/** Reads, validates and writes a whole file; all rows or none unless `allowPartial`. */
export async function importContacts(ctx: Ctx, db: Db, options: ImportOptions): Promise<ImportReport> {
  const fields = await fieldsFor(db, ctx.workspaceId, 'contact');
  const owners = await repo.ownerIds(db, ctx.workspaceId);
  const file = readImportFile(options.format, options.content, fields);
  const mapping = options.mapping ?? file.suggestedMapping;
  const mappingProblems = checkFileMapping(options.format, file.columns, mapping);
  if (mappingProblems.length) throw invalid(mappingProblems, 'The column mapping is not valid');

  const valid: ValidDraft[] = [];
  const namingCompanies: { valid: ValidDraft; draft: ContactDraft }[] = [];
  const errors: RowProblem[] = [];
  const skipped: RowProblem[] = [];
  let rejected = 0;
  for (const draft of file.drafts(mapping, fields)) {
    const outcome = validateDraft(ctx, draft, fields);
    if (Array.isArray(outcome)) {
      rejected++;
      if (errors.length < MAX_REPORTED_ERRORS) errors.push(...outcome.slice(0, MAX_REPORTED_ERRORS - errors.length));
    } else {
      valid.push(withOwnership(ctx, outcome, draft, owners));
      if (draft.references.companyId) namingCompanies.push({ valid: outcome, draft });
      const room = MAX_REPORTED_ERRORS - skipped.length;
      if (room > 0) skipped.push(...draft.skipped.slice(0, room).map((value) => ({ row: draft.row, ...value })));
    }
  }
  const report: ImportReport = {
    status: 'done',
    total: file.total,
    processed: file.total,
    imported: 0,
    rejected,
    companiesCreated: 0,
    errors,
    skipped,
  };
  if ((rejected > 0 && !options.allowPartial) || valid.length === 0) {
    report.status = rejected > 0 && !options.allowPartial ? 'failed' : 'done';
    // Nothing was imported, so nothing was imported without some of its values.
    report.skipped = [];
    await options.onFinish?.(db, report);
    return report;
  }
  await withCompanies(ctx, db, namingCompanies, skipped);
  const importId = options.importId ?? newId();
  const finished = await db.transaction(async (tx) => {
    const written = await writeContacts(
      ctx,
      db,
      tx,
      importId,
      valid,
      (count) => options.onProgress?.(rejected + count, file.total) ?? Promise.resolve(),
    );
    Object.assign(report, written);
    await options.onFinish?.(tx, report);
    return report;
  });
  if (finished.imported >= BULK_ROWS) {
    // A bulk load leaves GIN indexes with pending entries and the planner without statistics;
    // searches right after the import are several times slower until they are merged.
    await db.exec('VACUUM (ANALYZE) contacts');
  }
  return finished;
}

const BULK_ROWS = 1000;

/** Members see their own imports; admins see everyone's. */
function visibleTo(ctx: Ctx): string | null {
  return ROLE_RANK[ctx.actor.role] >= ROLE_RANK.admin || ctx.actor.kind === 'system' ? null : ctx.actor.userId;
}

/** The columns, first rows and suggested mapping of a file, without storing it (the CLI shows them). */
export async function previewImport(ctx: Ctx, format: ImportFormat, content: string) {
  const file = readImportFile(format, content, await fieldsFor(ctx.db, ctx.workspaceId, 'contact'));
  return { columns: file.columns, total: file.total, sample: file.sample, suggestedMapping: file.suggestedMapping };
}

/** Stores the file and returns what the mapping step needs. Unreadable files are refused here. */
export async function createImport(ctx: Ctx, input: { format: ImportFormat; fileName: string; content: string }): Promise<ImportDraft> {
  const fields = await fieldsFor(ctx.db, ctx.workspaceId, 'contact');
  const file = readImportFile(input.format, input.content, fields);
  const created = await repo.insertImport(ctx.db, ctx.workspaceId, {
    id: newId(),
    format: input.format,
    fileName: input.fileName,
    content: input.content,
    columns: file.columns,
    total: file.total,
    createdBy: ctx.actor.userId,
  });
  return { ...created, columns: file.columns, sample: file.sample, suggestedMapping: file.suggestedMapping };
}

/** Checks the mapping and queues the import; it runs as a job (see import.job.ts). */
export async function startImport(ctx: Ctx, db: Db, id: string, input: { mapping?: Mapping; allowPartial: boolean }): Promise<ImportView> {
  const work = await repo.findImportWork(ctx.db, ctx.workspaceId, id);
  if (!work || (visibleTo(ctx) && work.createdBy !== ctx.actor.userId)) throw notFound('Import');
  if (work.status !== 'mapping') throw new RapportError('import_started', 409, 'This import has already been started');
  let mapping = input.mapping;
  if (!mapping) {
    const fields = await fieldsFor(ctx.db, ctx.workspaceId, 'contact');
    mapping = readImportFile(work.format, work.content ?? '', fields).suggestedMapping;
  }
  const problems = checkFileMapping(work.format, work.columns, mapping);
  if (problems.length) throw invalid(problems, 'The column mapping is not valid');
  await db.transaction(async (tx) => {
    if (!(await repo.markStarted(tx, ctx.workspaceId, id, mapping, input.allowPartial))) {
      throw new RapportError('import_started', 409, 'This import has already been started');
    }
    await enqueueJob(
      tx,
      runImportJob,
      { workspaceId: ctx.workspaceId, importId: id },
      { workspaceId: ctx.workspaceId, uniqueKey: `import:${id}` },
    );
  });
  return (await repo.findImport(ctx.db, ctx.workspaceId, id, null))!;
}

export async function getImport(ctx: Ctx, id: string): Promise<ImportView> {
  const found = await repo.findImport(ctx.db, ctx.workspaceId, id, visibleTo(ctx));
  if (!found) throw notFound('Import');
  return found;
}

export async function listImports(ctx: Ctx, limit: number): Promise<ImportView[]> {
  return repo.listImports(ctx.db, ctx.workspaceId, visibleTo(ctx), limit);
}
