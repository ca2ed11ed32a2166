/**
 * Exports as streams of text chunks, so the HTTP route and the CLI write them as they come and a
 * large workspace never sits in memory whole.
 */
import type { Ctx } from '../../platform/context.js';
import { csvLine } from '../../platform/text/csv.js';
import { contactSearchMode } from '../contacts/contact.repo.js';
import { ADDRESS_PARTS, type Contact, type ContactListQuery } from '../contacts/contact.schema.js';
import { fieldsFor } from '../custom-fields/custom-field.service.js';
import { companySearchMode } from '../segments/company-filters.repo.js';
import type { CompanySegmentFilters } from '../segments/segment.schema.js';
import { joinItems } from '../shared/list-items.js';
import { customCell } from './export.csv.js';
import { EXPORT_BATCH, companyBatch, contactBatch, type Batch, type ExportedCompany, type Position } from './export.repo.js';
import type { ExportFormat } from './export.schema.js';

interface Exportable {
  columns: string[];
  cells(row: never): unknown[];
}

/** Walks the batches and renders them as CSV (with a BOM so spreadsheets read UTF-8) or a JSON array. */
async function* render<Row>(
  format: ExportFormat,
  table: Exportable,
  next: (after: Position | null) => Promise<Batch<Row>>,
): AsyncGenerator<string> {
  yield format === 'csv' ? '\ufeff' + csvLine(table.columns) : '[';
  let after: Position | null = null;
  let first = true;
  for (;;) {
    const { rows, last } = await next(after);
    if (rows.length === 0) break;
    if (format === 'csv') yield rows.map((row) => csvLine(table.cells(row as never))).join('');
    else {
      yield (first ? '\n' : ',\n') + rows.map((row) => JSON.stringify(row)).join(',\n');
      first = false;
    }
    if (rows.length < EXPORT_BATCH) break;
    after = last;
  }
  if (format === 'json') yield '\n]\n';
}

const join = (values: readonly string[]) => values.join('; ');
// Social handles and important dates are written as the import's `socialHandles` and
// `importantDates` targets read them (`network:handle [url]`, `kind:YYYY-MM-DD [label]`, a `;` in
// an item escaped), so a file exported here imports again with both. Tags are split on `,` too
// when imported, so a comma in a tag is escaped as well.

/**
 * The labels of e-mails or phones in their own column, by position, a blank for one without: the
 * address and number columns stay as they always were (bare, so a spreadsheet can use them and
 * older files read alike), and the import pairs the two back up. Empty when none has a label.
 */
const labels = (items: readonly { label?: string }[]) => (items.some((i) => i.label) ? joinItems(items.map((i) => i.label ?? '')) : '');

export async function exportContacts(ctx: Ctx, format: ExportFormat, filters: ContactListQuery): Promise<AsyncGenerator<string>> {
  const keys = (await fieldsFor(ctx.db, ctx.workspaceId, 'contact')).map((f) => f.key);
  const table = {
    columns: [
      'id',
      'firstName',
      'lastName',
      'displayName',
      'title',
      'emails',
      'emailLabels',
      'phones',
      'phoneLabels',
      'socialHandles',
      'company',
      'companyId',
      'lifecycleStage',
      'tags',
      'importantDates',
      ...ADDRESS_PARTS.map((part) => `address:${part}`),
      'ownerId',
      'teamId',
      'createdAt',
      'updatedAt',
      ...keys.map((k) => `custom:${k}`),
    ],
    cells: (c: Contact) => [
      c.id,
      c.firstName,
      c.lastName,
      c.displayName,
      c.title,
      join(c.emails.map((e) => e.address)),
      labels(c.emails),
      join(c.phones.map((p) => p.number)),
      labels(c.phones),
      joinItems(c.socialHandles.map((h) => `${h.network}:${h.handle}${h.url ? ` ${h.url}` : ''}`)),
      c.companyName,
      c.companyId,
      c.lifecycleStage,
      joinItems(c.tags, ';,'),
      joinItems(c.importantDates.map((d) => `${d.kind}:${d.date}${d.label ? ` ${d.label}` : ''}`)),
      ...ADDRESS_PARTS.map((part) => c.address?.[part] ?? ''),
      c.ownerId,
      c.teamId,
      c.createdAt,
      c.updatedAt,
      ...keys.map((k) => customCell(c.custom[k])),
    ],
  };
  // Every batch selects as the first did: the list's records, whatever a batch's own rows hold.
  const mode = await contactSearchMode(ctx, filters);
  return render(format, table, (after) => contactBatch(ctx, filters, mode, after));
}

export async function exportCompanies(
  ctx: Ctx,
  format: ExportFormat,
  filters: CompanySegmentFilters & { sort?: string },
): Promise<AsyncGenerator<string>> {
  const keys = (await fieldsFor(ctx.db, ctx.workspaceId, 'company')).map((f) => f.key);
  const table = {
    columns: [
      'id',
      'name',
      'domains',
      'industry',
      'size',
      'tags',
      'ownerId',
      'teamId',
      'createdAt',
      'updatedAt',
      ...keys.map((k) => `custom:${k}`),
    ],
    cells: (c: ExportedCompany) => [
      c.id,
      c.name,
      join(c.domains),
      c.industry,
      c.size,
      joinItems(c.tags, ';,'),
      c.ownerId,
      c.teamId,
      c.createdAt,
      c.updatedAt,
      ...keys.map((k) => customCell(c.custom[k])),
    ],
  };
  const mode = await companySearchMode(ctx, filters);
  return render(format, table, (after) => companyBatch(ctx, filters, mode, after));
}
