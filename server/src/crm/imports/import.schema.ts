/** Imports of contacts and companies: the uploaded file, its mapping, progress and report. Table and API schemas. */
import { Type, type Static } from 'typebox';
import type { Migration } from '../../platform/db/migrate.js';
import { DateTime, OneOf, PageQuery } from '../../platform/http/schemas.js';

/** What an import creates: contacts (from CSV, vCard or Rapport's JSON export) or companies (from CSV). */
export const IMPORT_TARGETS = ['contacts', 'companies'] as const;
export type ImportTarget = (typeof IMPORT_TARGETS)[number];
export const IMPORT_FORMATS = ['csv', 'vcard', 'json'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
export const IMPORT_STATUSES = ['mapping', 'running', 'done', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** Uploads are JSON bodies; this is the largest the import route accepts. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
/** Imports write this many records a statement, and report progress after each batch. */
export const BATCH_SIZE = 5000;
/**
 * After writing this many records an import analyses the table: a bulk load leaves GIN indexes with
 * pending entries and the planner without statistics, and searches right after the import are
 * several times slower until they are merged.
 */
export const BULK_ROWS = 1000;
/** The report keeps this many rejections; the count of rejected rows is always complete. */
export const MAX_REPORTED_ERRORS = 1000;

export const importMigrations: Migration[] = [
  {
    id: 'crm/070-imports',
    sql: `
CREATE TABLE imports (
  workspace_id uuid NOT NULL,
  id uuid NOT NULL,
  format text NOT NULL CHECK (format IN ('csv', 'vcard')),
  file_name text NOT NULL DEFAULT '',
  status text NOT NULL CHECK (status IN ('mapping', 'running', 'done', 'failed')),
  -- The file, kept until the import has run (the job reads it from here), then cleared.
  content text,
  columns jsonb NOT NULL DEFAULT '[]',
  mapping jsonb,
  allow_partial boolean NOT NULL DEFAULT false,
  total int NOT NULL DEFAULT 0,
  processed int NOT NULL DEFAULT 0,
  imported int NOT NULL DEFAULT 0,
  rejected int NOT NULL DEFAULT 0,
  companies_created int NOT NULL DEFAULT 0,
  errors jsonb NOT NULL DEFAULT '[]',
  created_by uuid,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  started_at timestamptz(3),
  finished_at timestamptz(3),
  PRIMARY KEY (workspace_id, id)
);
CREATE INDEX imports_recent ON imports (workspace_id, created_at DESC, id);
`,
  },
  {
    // Rapport's own JSON export can be imported too.
    id: 'crm/071-json-imports',
    sql: `
ALTER TABLE imports DROP CONSTRAINT imports_format_check;
ALTER TABLE imports ADD CONSTRAINT imports_format_check CHECK (format IN ('csv', 'vcard', 'json'));
`,
  },
  {
    // What imported rows held that the import could not use (a photo, a date it cannot read):
    // reported beside the rejections, so nothing is dropped without a word.
    id: 'crm/072-import-skipped',
    sql: `ALTER TABLE imports ADD COLUMN skipped jsonb NOT NULL DEFAULT '[]';`,
  },
  {
    // Companies are imported too; a row that finds its company updates it, and the report lists those rows.
    id: 'crm/073-import-targets',
    sql: `
ALTER TABLE imports ADD COLUMN target text NOT NULL DEFAULT 'contacts' CHECK (target IN ('contacts', 'companies'));
ALTER TABLE imports ADD COLUMN updated int NOT NULL DEFAULT 0;
ALTER TABLE imports ADD COLUMN updates jsonb NOT NULL DEFAULT '[]';
`,
  },
];

const Target = Type.Union([Type.String({ maxLength: 100 }), Type.Null()]);

export const ImportUpload = Type.Object(
  {
    target: Type.Optional(OneOf(IMPORT_TARGETS, { description: 'What the file holds: contacts (the default) or companies (CSV only)' })),
    format: OneOf(IMPORT_FORMATS),
    fileName: Type.String({ maxLength: 255 }),
    content: Type.String({ description: 'The file as text (UTF-8): CSV, vCard, or a JSON array as Rapport’s JSON export writes it' }),
  },
  { additionalProperties: false },
);
export type ImportUpload = Static<typeof ImportUpload>;

export const ImportStart = Type.Object(
  {
    mapping: Type.Optional(
      Type.Record(Type.String({ maxLength: 300 }), Target, {
        description:
          'Column → contact field: firstName, lastName, fullName, title, company, companyId, companyDomain, ownerId, teamId, tags, lifecycleStage, email, email2…, emailLabels, phone, phone2…, phoneLabels, socialHandle:<network>, socialHandles, importantDate:<kind>, importantDates, address:<part>, note (a note on the timeline), custom:<key>, or null/ignore. For companies: id, name, domains, industry, size, tags, ownerId, teamId, note, custom:<key>. Defaults to the suggested mapping. A column the mapping leaves out is skipped, as with null. A vCard property or JSON field is kept with its suggested target (a JSON custom value with its own custom:<key>) or skipped; other targets are refused.',
      }),
    ),
    allowPartial: Type.Boolean({ description: 'Import the valid rows even when some are rejected' }),
  },
  { additionalProperties: false },
);
export type ImportStart = Static<typeof ImportStart>;

export const RowError = Type.Object({
  row: Type.Integer({
    description: 'Row as a spreadsheet numbers it (the header is row 1), or the 1-based position of the vCard or JSON contact',
  }),
  field: Type.String({ description: 'The column, vCard property or JSON field (a path such as emails.1.address)' }),
  reason: Type.String(),
});

export const SkippedValue = Type.Object({
  row: Type.Integer({ description: 'The row or the 1-based position of the vCard, imported without the value' }),
  field: Type.String({ description: 'The column or vCard property' }),
  reason: Type.String({ description: 'Why it was not imported' }),
});

export const ImportUpdate = Type.Object({
  row: Type.Integer({ description: 'The row that found the company' }),
  companyId: Type.String(),
  company: Type.String({ description: "The company's name after the import" }),
  matchedBy: OneOf(['id', 'domain', 'name'] as const, { description: 'How the row found the company' }),
  value: Type.String({ description: 'The id, domain or name the row and the company share' }),
  changed: Type.Array(Type.String(), {
    description:
      "The company's fields the row changed (note: it added a note to the timeline); empty when the company held every value already",
  }),
});
export type ImportUpdate = Static<typeof ImportUpdate>;

export const ImportDraft = Type.Object({
  id: Type.String(),
  target: OneOf(IMPORT_TARGETS),
  status: Type.String(),
  format: Type.String(),
  fileName: Type.String(),
  total: Type.Integer(),
  columns: Type.Array(Type.String()),
  sample: Type.Array(Type.Array(Type.String()), { description: 'The first rows, cells in column order' }),
  suggestedMapping: Type.Record(Type.String(), Target),
});
export type ImportDraft = Static<typeof ImportDraft>;

export const ImportView = Type.Object({
  id: Type.String(),
  target: OneOf(IMPORT_TARGETS),
  status: OneOf(IMPORT_STATUSES),
  format: Type.String(),
  fileName: Type.String(),
  total: Type.Integer(),
  processed: Type.Integer(),
  imported: Type.Integer(),
  rejected: Type.Integer(),
  companiesCreated: Type.Integer(),
  updated: Type.Integer({ description: 'Rows of a companies import that updated a company already there (or one an earlier row created)' }),
  errors: Type.Array(RowError),
  skipped: Type.Array(SkippedValue, {
    description: `Values of imported rows that were not imported (the first ${MAX_REPORTED_ERRORS}): what a contact or company has no place for`,
  }),
  updates: Type.Array(ImportUpdate, {
    description: `The rows that updated a company (the first ${MAX_REPORTED_ERRORS}), with how each found it`,
  }),
  createdAt: DateTime,
  startedAt: Type.Union([DateTime, Type.Null()]),
  finishedAt: Type.Union([DateTime, Type.Null()]),
});
export interface ImportView {
  id: string;
  target: ImportTarget;
  status: ImportStatus;
  format: ImportFormat;
  fileName: string;
  total: number;
  processed: number;
  imported: number;
  rejected: number;
  companiesCreated: number;
  updated: number;
  errors: { row: number; field: string; reason: string }[];
  skipped: { row: number; field: string; reason: string }[];
  updates: ImportUpdate[];
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

/**
 * A page of imports, newest first. Each carries its whole report (three lists of up to 1,000 rows
 * each), so a page holds at most 100 of them, not the 500 of other lists.
 */
export const ImportListQuery = Type.Object(
  { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })), cursor: PageQuery.cursor },
  { additionalProperties: false },
);
export type ImportListQuery = Static<typeof ImportListQuery>;

/** What an import did; also what `importContacts` returns to the CLI and the benchmark. */
export interface ImportReport {
  status: 'done' | 'failed';
  total: number;
  processed: number;
  imported: number;
  rejected: number;
  companiesCreated: number;
  errors: { row: number; field: string; reason: string }[];
  /** Values of the imported rows left out, each named with its row. */
  skipped: { row: number; field: string; reason: string }[];
}

/** What a companies import did: also which rows found a company already there, and updated it. */
export interface CompanyImportReport extends ImportReport {
  /** Rows that updated a company (every one counted; `imported` is these and the companies created). */
  updated: number;
  updates: ImportUpdate[];
}
