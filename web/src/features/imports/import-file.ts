/**
 * The file chosen for an import: the format its name says it holds, and why it cannot be imported
 * as what the user chose. Companies come from a CSV file only, but the target can be switched after
 * a file was chosen, and a vCard chosen for contacts was then sent to be read as a CSV of companies.
 */
import type { ImportFormat, ImportTarget } from './types';

const MAX_BYTES = 20 * 1024 * 1024;

/** A name that says neither vCard nor JSON is read as CSV: exports are often `.txt` or named without one. */
export function formatOfFile(name: string): ImportFormat {
  if (/\.(vcf|vcard)$/i.test(name)) return 'vcard';
  return /\.json$/i.test(name) ? 'json' : 'csv';
}

const NOT_FOR_COMPANIES: Record<Exclude<ImportFormat, 'csv'>, string> = {
  vcard:
    'A vCard file holds contacts, and companies are imported from a CSV file only. Choose a .csv file, or import this one as contacts.',
  json: 'Companies are imported from a CSV file only, not JSON. Choose a .csv file (Rapport exports companies as CSV too), or import this one as contacts.',
};

/** Why `file` cannot be imported as `target`, in a sentence for under the file input, or null when it can. */
export function fileProblem(target: ImportTarget, file: { name: string; size: number } | null): string | null {
  if (!file) return null;
  if (file.size > MAX_BYTES) return 'The file is larger than 20 MB';
  const format = formatOfFile(file.name);
  return target === 'companies' && format !== 'csv' ? NOT_FOR_COMPANIES[format] : null;
}
