/**
 * Imports: a CSV, vCard or Rapport JSON export file mapped onto contact fields, or a CSV file mapped
 * onto company fields, then run in the background.
 */
export type ImportFormat = 'csv' | 'vcard' | 'json';

/** What a file holds: contacts, or companies (from CSV only). */
export type ImportTarget = 'contacts' | 'companies';

export interface ImportDraft {
  id: string;
  target: ImportTarget;
  status: 'mapping';
  format: ImportFormat;
  fileName: string;
  total: number;
  columns: string[];
  /** The first rows, cells in column order. */
  sample: string[][];
  suggestedMapping: Record<string, string | null>;
}

export interface ImportRejection {
  /** As a spreadsheet numbers it (the header is row 1), or the position of the vCard or JSON contact. */
  row: number;
  /** The column, vCard property or JSON field. */
  field: string;
  reason: string;
}

/** A value an imported row held that the import could not use: the contact or company was imported without it. */
export interface SkippedValue {
  /** As for a rejection: the spreadsheet row, or the position of the vCard or JSON contact. */
  row: number;
  /** The column or vCard property. */
  field: string;
  reason: string;
}

/** A row of a companies import that found a company already there (or one an earlier row created), and updated it. */
export interface CompanyUpdate {
  row: number;
  companyId: string;
  /** The company's name after the import. */
  company: string;
  matchedBy: 'id' | 'domain' | 'name';
  /** The id, domain or name the row and the company share. */
  value: string;
  /** The fields the row changed (`note`: it added a note to the timeline); empty when the company held every value already. */
  changed: string[];
}

export interface ImportJob {
  id: string;
  target: ImportTarget;
  format: ImportFormat;
  status: 'mapping' | 'running' | 'done' | 'failed';
  total: number;
  processed: number;
  imported: number;
  rejected: number;
  companiesCreated: number;
  /** Rows of a companies import that updated a company. */
  updated: number;
  errors: ImportRejection[];
  /** The first 1,000 values left out of the imported rows; empty when nothing was imported. */
  skipped: SkippedValue[];
  /** The first 1,000 rows that updated a company. */
  updates: CompanyUpdate[];
}
