/** Imports: a CSV, vCard or Rapport JSON export file mapped onto contact fields, then run in the background. */
export type ImportFormat = 'csv' | 'vcard' | 'json';

export interface ImportDraft {
  id: string;
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

/** A value an imported row held that the import could not use: the contact was imported without it. */
export interface SkippedValue {
  /** As for a rejection: the spreadsheet row, or the position of the vCard or JSON contact. */
  row: number;
  /** The column or vCard property. */
  field: string;
  reason: string;
}

export interface ImportJob {
  id: string;
  format: ImportFormat;
  status: 'mapping' | 'running' | 'done' | 'failed';
  total: number;
  processed: number;
  imported: number;
  rejected: number;
  companiesCreated: number;
  errors: ImportRejection[];
  /** The first 1,000 values left out of the imported rows; empty when nothing was imported. */
  skipped: SkippedValue[];
}
