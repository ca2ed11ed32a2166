/**
 * Use cases for imports. `importContacts` (and `importCompanies`, company.import.ts) is the whole
 * import in one call (the CLI and the benchmark use it directly); the HTTP flow splits it into
 * upload → mapping → a durable job, the same for every import target.
 */
import type { Ctx } from '../../platform/context.js';
import type { Db, Queryable } from '../../platform/db/db.js';
import { newId } from '../../platform/db/ids.js';
import { enqueueJob } from '../../platform/jobs/job.js';
import { RapportError, invalid, notFound, type FieldProblem } from '../../platform/http/errors.js';
import { cursorNotGivenOut, decodeCursor, encodeCursor, isCursorId, isCursorInstant } from '../../platform/http/cursor.js';
import { ROLE_RANK } from '../../platform/context.js';
import type { CustomField, FieldEntity } from '../custom-fields/custom-field.schema.js';
import { fieldsFor } from '../custom-fields/custom-field.service.js';
import { checkCompanyFormat, importCompanies } from './company.import.js';
import { checkCompanyMapping, readCompanyFile } from './csv.company.js';
import type { ContactDraft } from './import.draft.js';
import type { Mapping } from './import.mapping.js';
import { checkFileMapping, readImportFile, type ReadFile } from './import.reader.js';
import * as repo from './import.repo.js';
import { ownershipOf, quoted, type Owners, type OwnershipWords } from './import.ownership.js';
import { ReportBuilder, reportBeforeWriting } from './import.report.js';
import {
  MAX_REPORTED_ERRORS,
  type ImportDraft,
  type ImportFormat,
  type ImportListQuery,
  type ImportReport,
  type ImportTarget,
  type ImportView,
  BULK_ROWS,
} from './import.schema.js';
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

const CONTACT_OWNERSHIP: OwnershipWords = {
  records: 'contacts',
  withoutOwner: "the contact is the importer's",
  withoutTeam: 'the contact has no team',
};

/** Keeps the owner and team a row names when they are this workspace's (see import.ownership.ts). */
function withOwnership(ctx: Ctx, valid: ValidDraft, draft: ContactDraft, owners: Owners): ValidDraft {
  const words = ctx.actor.userId ? CONTACT_OWNERSHIP : { ...CONTACT_OWNERSHIP, withoutOwner: 'the contact has no owner' };
  const chosen = ownershipOf(ctx, draft.references, owners, words, (field, reason) =>
    draft.skipped.push({ field: draft.sources[field] ?? field, reason }),
  );
  if (chosen.ownerId !== undefined) valid.input.ownerId = chosen.ownerId;
  if (chosen.teamId !== undefined) valid.input.teamId = chosen.teamId;
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
  const found = new ReportBuilder();
  for (const draft of file.drafts(mapping, fields)) {
    const outcome = validateDraft(ctx, draft, fields);
    if (Array.isArray(outcome)) found.reject(outcome);
    else {
      valid.push(withOwnership(ctx, outcome, draft, owners));
      if (draft.references.companyId) namingCompanies.push({ valid: outcome, draft });
      found.skip(draft.row, draft.skipped);
    }
  }
  const { rejected } = found;
  const report = reportBeforeWriting(file.total, found, options.allowPartial, valid.length);
  if (report.status === 'failed' || valid.length === 0) {
    await options.onFinish?.(db, report);
    return report;
  }
  await withCompanies(ctx, db, namingCompanies, found.skipped);
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
    await db.exec('VACUUM (ANALYZE) contacts');
  }
  return finished;
}

/** What an import target reads and how it runs: the upload, mapping and job are the same for all. */
interface TargetRules {
  /** Whose custom fields the columns may fill. */
  entity: FieldEntity;
  /** Refuses a file it cannot read, or of a format it does not read. */
  read(format: ImportFormat, content: string, fields: readonly CustomField[]): ReadFile<unknown>;
  checkMapping(format: ImportFormat, columns: readonly string[], mapping: Mapping): FieldProblem[];
  run(ctx: Ctx, db: Db, options: ImportOptions): Promise<ImportReport>;
}

const TARGETS: Record<ImportTarget, TargetRules> = {
  contacts: { entity: 'contact', read: readImportFile, checkMapping: checkFileMapping, run: importContacts },
  companies: {
    entity: 'company',
    read: (format, content, fields) => {
      checkCompanyFormat(format);
      return readCompanyFile(content, fields);
    },
    checkMapping: (_format, columns, mapping) => checkCompanyMapping(columns, mapping),
    run: importCompanies,
  },
};

/** The whole import of a file into `target`, in one call (see importContacts). */
export function importInto(target: ImportTarget): TargetRules['run'] {
  return TARGETS[target].run;
}

/** Members see their own imports; admins see everyone's. */
function visibleTo(ctx: Ctx): string | null {
  return ROLE_RANK[ctx.actor.role] >= ROLE_RANK.admin || ctx.actor.kind === 'system' ? null : ctx.actor.userId;
}

async function readFor(ctx: Ctx, target: ImportTarget, format: ImportFormat, content: string) {
  const rules = TARGETS[target];
  return rules.read(format, content, await fieldsFor(ctx.db, ctx.workspaceId, rules.entity));
}

/** The columns, first rows and suggested mapping of a file, without storing it (the CLI shows them). */
export async function previewImport(ctx: Ctx, format: ImportFormat, content: string, target: ImportTarget = 'contacts') {
  const file = await readFor(ctx, target, format, content);
  return { columns: file.columns, total: file.total, sample: file.sample, suggestedMapping: file.suggestedMapping };
}

/** Stores the file and returns what the mapping step needs. Unreadable files are refused here. */
export async function createImport(
  ctx: Ctx,
  input: { target?: ImportTarget; format: ImportFormat; fileName: string; content: string },
): Promise<ImportDraft> {
  const target = input.target ?? 'contacts';
  const file = await readFor(ctx, target, input.format, input.content);
  const created = await repo.insertImport(ctx.db, ctx.workspaceId, {
    id: newId(),
    target,
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
  const mapping = input.mapping ?? (await readFor(ctx, work.target, work.format, work.content ?? '')).suggestedMapping;
  const problems = TARGETS[work.target].checkMapping(work.format, work.columns, mapping);
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

export async function listImports(ctx: Ctx, query: ImportListQuery): Promise<{ data: ImportView[]; nextCursor: string | null }> {
  const limit = query.limit ?? 20;
  const cursor = decodeCursor(query.cursor);
  if (cursor && (!isCursorInstant(cursor.v) || !isCursorId(cursor.id))) throw cursorNotGivenOut();
  const after = cursor ? { at: cursor.v as string, id: cursor.id } : null;
  const rows = await repo.listImports(ctx.db, ctx.workspaceId, visibleTo(ctx), after, limit);
  const data = rows.slice(0, limit);
  const last = data[data.length - 1];
  return {
    data,
    nextCursor: rows.length > limit && last ? encodeCursor({ v: new Date(last.createdAt).toISOString(), id: last.id }) : null,
  };
}
