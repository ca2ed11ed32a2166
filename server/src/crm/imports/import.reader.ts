/**
 * One view of an uploaded file whatever its format: columns and sample rows for the mapping step,
 * and the rows as drafts once a mapping is chosen (contact drafts here; `readCsvFile` reads a CSV
 * file for any import target, companies too). A vCard or JSON file shows the properties or fields
 * it holds as its columns; each fills the contact field it always fills, or is skipped when mapped
 * to null or left out of the mapping.
 */
import type { FieldProblem } from '../../platform/http/errors.js';
import type { CustomField } from '../custom-fields/custom-field.schema.js';
import { checkText, readCsv, unreadable, MAX_ROWS } from './csv.reader.js';
import type { ContactDraft } from './import.draft.js';
import { checkMapping, compileMapping, csvRowToDraft, suggestMapping, type Mapping } from './import.mapping.js';
import type { ImportFormat } from './import.schema.js';
import { JSON_FIELDS, columnValue, jsonColumns, jsonToDraft, parseJsonContacts, previewValue, suggestJsonMapping } from './json.contact.js';
import { VCARD_FIELDS, fieldOf, vcardToDraft, type VCardField } from './vcard.contact.js';
import { parseVCards, unescapeText } from './vcard.parser.js';

const SAMPLE_ROWS = 5;
const SAMPLE_CELL = 200;

export interface ReadFile<Draft = ContactDraft> {
  columns: string[];
  total: number;
  sample: string[][];
  suggestedMapping: Mapping;
  /** Drafts one at a time, so a large file's drafts never all sit in memory. */
  drafts(mapping: Mapping, fields: readonly CustomField[]): Iterable<Draft>;
}

/** Reads one CSV row, its cells in column order, as a draft of the record it describes. */
export type RowReader<Draft> = (cells: readonly string[], row: number) => Draft;

/**
 * A CSV file of any import target: `suggest` proposes the mapping from the header, and `rowReader`
 * prepares, for a chosen mapping, the reading of each row. A row with more cells than the header
 * has columns is reported whatever the target.
 */
export function readCsvFile<Draft extends { problems: FieldProblem[] }>(
  content: string,
  suggest: (columns: readonly string[]) => Mapping,
  rowReader: (columns: readonly string[], mapping: Mapping, fields: ReadonlyMap<string, CustomField>) => RowReader<Draft>,
): ReadFile<Draft> {
  const { columns, rows, rowNumbers } = readCsv(content);
  return {
    columns,
    total: rows.length,
    sample: rows.slice(0, SAMPLE_ROWS).map((row) => columns.map((_, i) => (row[i] ?? '').slice(0, SAMPLE_CELL))),
    suggestedMapping: suggest(columns),
    *drafts(mapping, fields) {
      const read = rowReader(columns, mapping, new Map(fields.map((f) => [f.key, f])));
      for (let i = 0; i < rows.length; i++) {
        const cells = rows[i]!;
        const draft = read(cells, rowNumbers[i]!);
        if (cells.length > columns.length && cells.slice(columns.length).some((c) => c.trim())) {
          const named = columns.length === 1 ? '1 column' : `${columns.length} columns`;
          draft.problems.push({ field: 'row', reason: `has ${cells.length} cells but the header names ${named}` });
        }
        yield draft;
      }
    },
  };
}

/**
 * The properties or fields of a vCard or JSON file left out of the import: those mapped to null (or
 * `ignore`) and those the mapping does not name, as a CSV column it does not name is left out. The
 * columns are every property or field the file holds, so nothing unnamed slips through.
 */
function skipped(columns: readonly string[], mapping: Mapping): Set<string> {
  return new Set(columns.filter((column) => (mapping[column] ?? 'ignore') === 'ignore'));
}

function readVCardFile(content: string): ReadFile {
  checkText(content, 'vCard');
  if (!/^BEGIN:VCARD\s*$/im.test(content)) throw unreadable('no vCard found: the file must contain BEGIN:VCARD … END:VCARD');
  const cards = parseVCards(content);
  if (cards.length > MAX_ROWS) throw unreadable(`the file has ${cards.length} cards; at most ${MAX_ROWS} can be imported at once`);
  const present = new Set(cards.flatMap((card) => card.properties.map((p) => fieldOf(card, p))).filter((f): f is VCardField => f !== null));
  const columns = (Object.keys(VCARD_FIELDS) as VCardField[]).filter((f) => present.has(f));
  return {
    columns,
    total: cards.length,
    sample: cards.slice(0, SAMPLE_ROWS).map((card) =>
      columns.map((column) => {
        const property = card.properties.find((p) => fieldOf(card, p) === column);
        return property ? unescapeText(property.value).slice(0, SAMPLE_CELL) : '';
      }),
    ),
    suggestedMapping: Object.fromEntries(columns.map((c) => [c, VCARD_FIELDS[c]])),
    *drafts(mapping) {
      const skip = skipped(columns, mapping);
      for (const card of cards) yield vcardToDraft(card, skip);
    },
  };
}

function readJsonFile(content: string, customFields: readonly CustomField[]): ReadFile {
  const contacts = parseJsonContacts(content);
  const columns = jsonColumns(contacts);
  return {
    columns,
    total: contacts.length,
    sample: contacts
      .slice(0, SAMPLE_ROWS)
      .map((contact) => columns.map((column) => previewValue(columnValue(contact, column)).slice(0, SAMPLE_CELL))),
    suggestedMapping: suggestJsonMapping(columns, customFields),
    *drafts(mapping) {
      const skip = skipped(columns, mapping);
      for (let i = 0; i < contacts.length; i++) yield jsonToDraft(contacts[i], i + 1, skip);
    },
  };
}

function readContactCsv(content: string, customFields: readonly CustomField[]): ReadFile {
  return readCsvFile(
    content,
    (columns) => suggestMapping(columns, customFields),
    (columns, mapping, fields) => {
      const mapped = compileMapping(columns, mapping);
      return (cells, row) => csvRowToDraft(cells, row, mapped, fields);
    },
  );
}

export function readImportFile(format: ImportFormat, content: string, customFields: readonly CustomField[]): ReadFile {
  if (format === 'json') return readJsonFile(content, customFields);
  return format === 'csv' ? readContactCsv(content, customFields) : readVCardFile(content);
}

/**
 * The one target each column of a vCard or JSON file can have (a custom value's is its own
 * `custom:<key>`); null for CSV, whose columns may go anywhere. The readers place a property or
 * field by what it is, so a mapping may only keep or skip it.
 */
function fixedTargets(format: ImportFormat, columns: readonly string[]): Record<string, string> | null {
  if (format === 'csv') return null;
  const fixed: Record<string, string> = format === 'vcard' ? VCARD_FIELDS : JSON_FIELDS;
  return Object.fromEntries(columns.map((column) => [column, fixed[column] ?? column]));
}

/** A mapping that keeps no column would reject every row: it is refused instead. */
export function mapsSomething(mapping: Mapping, record: string): FieldProblem[] {
  return Object.values(mapping).some((t) => t && t !== 'ignore')
    ? []
    : [{ field: 'mapping', reason: `maps no column to a ${record} field` }];
}

/** What is wrong with a mapping for a file of this format and these columns. */
export function checkFileMapping(format: ImportFormat, columns: readonly string[], mapping: Mapping): FieldProblem[] {
  const problems = checkMapping(columns, mapping);
  const fixed = fixedTargets(format, columns);
  problems.push(...mapsSomething(mapping, 'contact'));
  for (const [column, target] of Object.entries(mapping)) {
    const own = fixed?.[column];
    if (own && target !== null && target !== 'ignore' && target !== own) {
      const what = format === 'vcard' ? 'A vCard property' : 'A field of a JSON export';
      problems.push({ field: `mapping.${column}`, reason: `${what} is imported as it is or skipped: map it to "${own}" or null` });
    }
  }
  return problems;
}
