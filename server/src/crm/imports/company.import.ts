/**
 * The companies import in one call, as `importContacts` is for contacts: reads a CSV file with a
 * mapping, validates every row, finds the company each row means so that importing again creates no
 * second one (company.match.ts), and writes the new and updated companies in one transaction, all
 * rows or none unless partial imports are allowed. The job and the CLI call it.
 */
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/db.js';
import { newId } from '../../platform/db/ids.js';
import { invalid } from '../../platform/http/errors.js';
import { fieldsFor } from '../custom-fields/custom-field.service.js';
import { companiesToMatch } from './company-import.repo.js';
import { planCompanies } from './company.plan.js';
import { validateCompanyDraft, type ValidCompanyRow } from './company.validate.js';
import { writeCompanies } from './company.writer.js';
import { checkCompanyMapping, readCompanyFile } from './csv.company.js';
import { ownerIds } from './import.repo.js';
import { ReportBuilder, reportBeforeWriting } from './import.report.js';
import { BULK_ROWS, type CompanyImportReport, type ImportFormat } from './import.schema.js';
import type { ImportOptions } from './import.service.js';

/** Companies come from spreadsheets; vCard and Rapport's JSON export hold contacts. */
export function checkCompanyFormat(format: ImportFormat): void {
  if (format !== 'csv') throw invalid([{ field: 'format', reason: 'companies are imported from CSV files' }]);
}

export async function importCompanies(ctx: Ctx, db: Db, options: ImportOptions): Promise<CompanyImportReport> {
  checkCompanyFormat(options.format);
  const fields = await fieldsFor(db, ctx.workspaceId, 'company');
  const owners = await ownerIds(db, ctx.workspaceId);
  const file = readCompanyFile(options.content, fields);
  const mapping = options.mapping ?? file.suggestedMapping;
  const mappingProblems = checkCompanyMapping(file.columns, mapping);
  if (mappingProblems.length) throw invalid(mappingProblems, 'The column mapping is not valid');

  const rows = Array.from(file.drafts(mapping, fields), validateCompanyDraft);
  const valid = rows.filter((row): row is ValidCompanyRow => !Array.isArray(row));
  const importId = options.importId ?? newId();
  const report = await db.transaction(async (tx) => {
    // Read and written in one transaction, the companies found cannot change in between.
    const known = await companiesToMatch(tx, ctx.workspaceId, {
      ids: valid.flatMap((row) => (row.references.id ? [row.references.id] : [])),
      domains: valid.flatMap((row) => row.domains),
      lowerNames: valid.flatMap((row) => (row.name ? [row.name.toLowerCase()] : [])),
      lock: true,
    });
    const found = new ReportBuilder();
    const planned = planCompanies(ctx, rows, known, fields, owners, found);
    const outcome: CompanyImportReport = {
      ...reportBeforeWriting(file.total, found, options.allowPartial, planned.plans.length),
      updated: 0,
      updates: [],
    };
    if (outcome.status === 'done' && planned.plans.length > 0) {
      const progress = (written: number) => options.onProgress?.(found.rejected + written, file.total) ?? Promise.resolve();
      await writeCompanies(ctx, tx, importId, planned.plans, progress);
      outcome.imported = planned.plans.reduce((sum, plan) => sum + plan.rows, 0);
      outcome.companiesCreated = planned.plans.filter((plan) => !plan.before).length;
      outcome.updated = planned.updated;
      outcome.updates = planned.updates;
    }
    await options.onFinish?.(tx, outcome);
    return outcome;
  });
  if (report.companiesCreated >= BULK_ROWS) {
    await db.exec('VACUUM (ANALYZE) companies');
  }
  return report;
}
